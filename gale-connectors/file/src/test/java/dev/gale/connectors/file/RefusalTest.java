package dev.gale.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.config.ConfigException;
import org.junit.jupiter.api.Test;

/** What Gale cannot honour is refused by name, before any I/O, never ignored. */
class RefusalTest {
  private final FileSource source = new FileSource();

  private String problems(ObjectNode config) {
    try {
      source.validate(config);
    } catch (ConfigException e) {
      return String.join("\n", e.problems());
    }
    throw new AssertionError("accepted " + config);
  }

  @Test
  void unsupportedFormatsAreRefusedNamingTheSupportedOnes() {
    assertThat(problems(TestFiles.local("excel", "/local/a.xlsx", null)))
        .isEqualTo("format excel is not supported by Gale; it reads csv, json, jsonl, parquet");
    assertThat(problems(TestFiles.local("orc", "/local/a.orc", null))).startsWith("format must be one of");
  }

  @Test
  void unsupportedProvidersAreRefusedWithoutTheirSecrets() {
    ObjectNode config = TestFiles.config("csv", "gs://bucket/a.csv", "GCS", null);
    ((ObjectNode) config.get("provider")).put("service_account_json", "{\"private_key\":\"do-not-show\"}");

    assertThat(problems(config)).contains("provider.storage GCS is not supported by Gale; it reads from HTTPS, S3, local")
        .doesNotContain("do-not-show");
    assertThat(source.check(config).message()).doesNotContain("do-not-show");
    assertThat(problems(TestFiles.config("csv", "x", "SFTP", null))).contains("provider.user is required");
    assertThat(problems(TestFiles.config("csv", "x", "FTP", null))).contains("provider.storage must be one of");
  }

  @Test
  void unknownOrUnsupportedReaderOptionsAreRefused() {
    assertThat(problems(TestFiles.local("csv", "/local/a.csv", "{\"dtype\": \"str\", \"sep\": \";\"}")))
        .contains("reader_options has options Gale does not read for format csv: [dtype]");
    assertThat(problems(TestFiles.local("csv", "/local/a.csv", "{\"sep\": \"\\\\s+\"}")))
        .contains("reader_options.sep must be a single character");
    assertThat(problems(TestFiles.local("csv", "/local/a.csv", "{\"header\": [0, 1]}")))
        .contains("reader_options.header must be a row index");
    assertThat(problems(TestFiles.local("csv", "/local/a.csv", "{\"encoding\": \"klingon\"}")))
        .contains("reader_options.encoding \"klingon\" is not an encoding Gale knows");
    assertThat(problems(TestFiles.local("csv", "/local/a.csv", "{'sep': ';'}")))
        .contains("reader_options must be a JSON object");
    assertThat(problems(TestFiles.local("json", "/local/a.json", "{\"lines\": true}")))
        .contains("reader_options has options Gale does not read for format json: [lines]");
    assertThat(problems(TestFiles.local("parquet", "/local/a.parquet", "{\"columns\": [\"a\"]}")))
        .contains("it takes none");
  }

  @Test
  void localPathsMayNotLeaveTheLocalRootAndHttpsNeedsAnHttpUrl() {
    assertThat(problems(TestFiles.local("csv", "/local/../../etc/passwd", null)))
        .contains("url must name a file inside the local root");
    assertThat(problems(TestFiles.config("csv", "ftp://example.com/a.csv", "HTTPS", null)))
        .contains("url must be an http:// or https:// URL");
  }

  @Test
  void readRefusesOtherStreams() {
    String url = TestFiles.write("refusal.csv", "a\n1\n");
    ObjectNode config = TestFiles.local("csv", url, null);
    var stream = source.discover(config).streams().getFirst();
    var other = dev.gale.protocol.AirbyteStream.of("other", stream.jsonSchema(), stream.supportedSyncModes());

    assertThatThrownBy(() -> source.read(config, new dev.gale.protocol.ConfiguredAirbyteCatalog(java.util.List.of(
        dev.gale.protocol.ConfiguredAirbyteStream.of(other, dev.gale.protocol.SyncMode.FULL_REFRESH,
            dev.gale.protocol.DestinationSyncMode.APPEND))), java.util.List.of(),
        new dev.gale.connector.contract.RecordingOutput()))
        .hasMessageContaining("offers only stream data");
  }
}
