package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * xkcd: one stream of comics, no auth. The manifest pages by path: each comic's {@code num} + 1 becomes the next
 * request's path, and the 404 past the newest comic is ignored, which ends the read.
 *
 * <p>What the folder lacks: no incremental stream (no state to assert), no authentication and so no secret to keep
 * out of messages, and no error the manifest maps to a failure (its only mapping ignores 404), so the failing check
 * here is a comic that does not exist, which the manifest treats as an empty, available stream.
 */
class XkcdManifestGate {
  private static final String COMIC_2960 = """
      {"month":"7","num":2960,"link":"","year":"2024","news":"","safe_title":"Tidal Waves",
       "transcript":"","alt":"The moon pulls the ocean, the ocean pulls back.",
       "img":"https://imgs.xkcd.com/comics/tidal_waves.png","title":"Tidal Waves","day":"15"}""";
  private static final String COMIC_2961 = """
      {"month":"7","num":2961,"link":"","year":"2024","news":"","safe_title":"Rounding Error",
       "transcript":"","alt":"Off by one, twice, which cancels out.",
       "img":"https://imgs.xkcd.com/comics/rounding_error.png","title":"Rounding Error","day":"17"}""";

  private final CorpusConnector connector = CorpusConnector.open("source-xkcd");

  XkcdManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  @Test
  void specAndConfigValidation() {
    var spec = connector.source().spec().connectionSpecification();
    // Nothing is required: comic_number defaults to "2960".
    assertThat(spec.path("required").size()).isZero();
    assertThat(spec.path("properties").path("comic_number").path("default").asText()).isEqualTo("2960");

    // The comic number is a string in the spec; a number is refused before any request.
    AirbyteConnectionStatus wrongType = connector.check("{\"comic_number\":2960}");
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("comic_number");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsTheConfiguredComic() {
    connector.api().get("/2960/info\\.0\\.json", COMIC_2960).get("/1/info\\.0\\.json", COMIC_2960);

    assertThat(connector.check("{\"comic_number\":\"2960\"}").status())
        .isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    // Without a comic_number the manifest's own fallback ('or 1') picks the comic: the spec's default (2960) is what
    // Airbyte's form pre-fills, and neither the CDK nor Gale fills it in.
    assertThat(connector.check("{}").status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::path)
        .containsExactly("/2960/info.0.json", "/1/info.0.json");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("xkcd.com");
      assertThat(request.header("Authorization")).isNull();
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void aMissingComicIsIgnoredNotFailed() throws Exception {
    // The manifest's error handler ignores 404: the stream is available and simply empty.
    connector.api().route("GET", "/99999/info\\.0\\.json", 404, "<html>404 Not Found</html>", 1);

    assertThat(connector.check("{\"comic_number\":\"99999\"}").status())
        .isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    connector.api().route("GET", "/99999/info\\.0\\.json", 404, "<html>404 Not Found</html>", 1);
    assertThat(connector.read("{\"comic_number\":\"99999\"}", List.of()).records("xkcd")).isEmpty();
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    AirbyteStream xkcd = connector.discover("{}").streams().getFirst();
    assertThat(connector.discover("{}").streams()).hasSize(1);
    assertThat(xkcd.name()).isEqualTo("xkcd");
    assertThat(xkcd.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("num")));
    assertThat(xkcd.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
  }

  @Test
  void readPagesComicByComicUntilTheNotFoundPastTheNewest() throws Exception {
    connector.api().get("/2960/info\\.0\\.json", COMIC_2960)
        .get("/2961/info\\.0\\.json", COMIC_2961)
        .route("GET", "/2962/info\\.0\\.json", 404, "<html>404 Not Found</html>", 1);

    var read = connector.read("{\"comic_number\":\"2960\"}", List.of());

    assertThat(read.records("xkcd")).extracting(record -> record.get("num")).containsExactly(2960L, 2961L);
    assertThat(read.records("xkcd").getFirst()).containsEntry("safe_title", "Tidal Waves").containsEntry("year", "2024")
        .containsEntry("img", "https://imgs.xkcd.com/comics/tidal_waves.png");
    // The next page's token is the whole path, num + 1, on the manifest's host.
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::path)
        .containsExactly("/2960/info.0.json", "/2961/info.0.json", "/2962/info.0.json");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("xkcd.com");
      assertThat(request.query()).isEmpty();
    });
    assertThat(read.states()).isEmpty();
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
