package dev.gale.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Source;
import dev.gale.connector.contract.SourceContract;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared source contract, on a local CSV file of a few batches. */
class FileSourceTest extends SourceContract {
  private static final String URL;

  static {
    StringBuilder csv = new StringBuilder("id,name,score,active\n");
    for (int i = 1; i <= 2500; i++) {
      csv.append(i).append(",name ").append(i).append(',').append(i / 4.0).append(',').append(i % 2 == 0)
          .append('\n');
    }
    URL = TestFiles.write("contract.csv", csv.toString());
  }

  private final FileSource source = new FileSource();

  @Override
  protected Source connector() {
    return source;
  }

  @Override
  protected JsonNode validConfig() {
    return TestFiles.local("csv", URL, null);
  }

  @Override
  protected JsonNode invalidConfig() {
    return Json.parse("{\"dataset_name\":\"data\",\"format\":\"csv\",\"url\":\"s3://bucket/data.csv\","
        + "\"provider\":{\"storage\":\"S3\",\"aws_access_key_id\":\"AKIAEXAMPLE\","
        + "\"aws_secret_access_key\":\"gale-secret-value-42\"}}");
  }

  @Test
  void specHasAirbytesPropertiesAndProviders() {
    JsonNode spec = source.spec().connectionSpecification();

    assertThat(spec.get("required")).isEqualTo(Json.parse("[\"dataset_name\",\"format\",\"url\",\"provider\"]"));
    assertThat(spec.get("properties").properties().stream().map(java.util.Map.Entry::getKey).toList())
        .containsExactly("dataset_name", "format", "reader_options", "url", "provider");
    assertThat(spec.at("/properties/format/enum")).isEqualTo(Json.parse(
        "[\"csv\",\"json\",\"jsonl\",\"parquet\",\"excel\",\"excel_binary\",\"fwf\",\"feather\",\"yaml\"]"));
    assertThat(spec.at("/properties/provider/oneOf").findValuesAsText("const")).contains("HTTPS", "GCS", "S3",
        "AzBlob", "SSH", "SCP", "SFTP", "local");
    assertThat(spec.at("/properties/provider/oneOf/2/properties/aws_secret_access_key/airbyte_secret").asBoolean())
        .isTrue();
    assertThat(source.descriptor().dockerRepository()).isEqualTo("airbyte/source-file");
    assertThat(source.descriptor().definitionId()).hasToString("778daa7c-feaf-4db6-96f3-70fd645acc77");
  }

  @Test
  void discoverOffersOneFullRefreshStreamNamedAfterTheDataset() {
    AirbyteStream stream = source.discover(validConfig()).streams().getFirst();

    assertThat(stream.name()).isEqualTo("data");
    assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(stream.jsonSchema().get("properties")).isEqualTo(Json.parse("{"
        + "\"id\":{\"type\":[\"integer\",\"null\"]},\"name\":{\"type\":[\"string\",\"null\"]},"
        + "\"score\":{\"type\":[\"number\",\"null\"]},\"active\":{\"type\":[\"boolean\",\"null\"]}}"));
  }
}
