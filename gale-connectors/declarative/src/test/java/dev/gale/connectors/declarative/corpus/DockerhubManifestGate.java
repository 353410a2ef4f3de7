package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Docker Hub: the repositories of one user or organisation, after an anonymous login for a registry token that the
 * manifest sends as the whole {@code Authorization} header. Pages follow the API's {@code next} URL. What the folder
 * lacks: the stream has no primary key and no cursor (no incremental read), the config has no secret (the session
 * token is the only one, and the gate checks it is masked), and the manifest maps no errors (a failing check is the
 * default mapping's 404).
 */
class DockerhubManifestGate {
  private static final String CONFIG = "{\"docker_username\":\"gale-demo\"}";
  private static final String TOKEN = "dckr-session-7f3a9c1e5b";
  // The login is the manifest's url_base as it is, query and trailing slash included (its path is empty).
  private static final String LOGIN = "/token\\?service=registry\\.docker\\.io&scope=repository:library/alpine:pull/";
  private static final String LOGIN_RESPONSE = """
      {"token":"%s","access_token":"%s","expires_in":300,"issued_at":"2024-03-10T12:00:00.000000000Z"}"""
      .formatted(TOKEN, TOKEN);
  private static final String PAGE_1 = """
      {"count":3,"next":"https://hub.docker.com/v2/repositories/gale-demo/?page=2&page_size=2","previous":null,
       "results":[
        {"name":"etl-runner","namespace":"gale-demo","repository_type":"image","status":1,
         "status_description":"active","description":"Runs nightly loads","is_private":false,"star_count":14,
         "pull_count":120533,"last_updated":"2024-03-02T08:15:43.51236Z","date_registered":"2021-06-11T09:01:12.0Z",
         "affiliation":"","media_types":["application/vnd.oci.image.index.v1+json"],"content_types":["image"],
         "categories":[]},
        {"name":"metrics-agent","namespace":"gale-demo","repository_type":"image","status":1,
         "status_description":"active","description":"","is_private":false,"star_count":2,"pull_count":8812,
         "last_updated":"2024-01-19T17:40:02.0Z","date_registered":"2022-11-03T12:00:00.0Z","affiliation":"",
         "media_types":["application/vnd.docker.distribution.manifest.list.v2+json"],"content_types":["image"],
         "categories":[]}]}""";
  private static final String PAGE_2 = """
      {"count":3,"next":null,"previous":"https://hub.docker.com/v2/repositories/gale-demo/?page=1&page_size=2",
       "results":[
        {"name":"legacy-cron","namespace":"gale-demo","repository_type":"image","status":0,
         "status_description":"inactive","description":"Deprecated","is_private":false,"star_count":0,
         "pull_count":301,"last_updated":"2020-05-01T00:00:00.0Z","date_registered":"2019-02-14T10:30:00.0Z",
         "affiliation":"","media_types":[],"content_types":[],"categories":[]}]}""";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-dockerhub");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  @Test
  void specRequiresTheDockerUsername() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"docker_username\"]");

    AirbyteConnectionStatus missing = connector.check("{}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("docker_username");
    AirbyteConnectionStatus wrongType = connector.check("{\"docker_username\":42}");
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("docker_username");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkLogsInThenReadsTheFirstPage() {
    connector.api().get(LOGIN, LOGIN_RESPONSE)
        .get("/v2/repositories/gale-demo/", PAGE_1);

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::host)
        .containsExactly("auth.docker.io", "hub.docker.com");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void anUnknownUserFailsTheCheckWithoutShowingTheToken() {
    connector.api().get(LOGIN, LOGIN_RESPONSE)
        .route("GET", "/v2/repositories/gale-demo/", 404, "{\"message\":\"object not found\",\"errinfo\":{}}", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("docker_hub").contains("404").doesNotContain(TOKEN);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsOneFullRefreshStreamWithoutPrimaryKey() {
    AirbyteStream stream = connector.discover(CONFIG).streams().getFirst();

    assertThat(connector.discover(CONFIG).streams()).hasSize(1);
    assertThat(stream.name()).isEqualTo("docker_hub");
    assertThat(stream.sourceDefinedPrimaryKey()).isNullOrEmpty();
    assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
  }

  @Test
  void readsEveryPageWithTheSessionToken() throws Exception {
    connector.api().get(LOGIN, LOGIN_RESPONSE)
        .get("/v2/repositories/gale-demo/", PAGE_1)
        .get("/v2/repositories/gale-demo/\\?page=2&page_size=2", PAGE_2);

    CorpusConnector.Read read = connector.read(CONFIG, List.of());

    assertThat(read.records("docker_hub")).extracting(record -> record.get("name"))
        .containsExactly("etl-runner", "metrics-agent", "legacy-cron");
    assertThat(read.records("docker_hub").getFirst()).containsEntry("namespace", "gale-demo")
        .containsEntry("status", 1L).containsEntry("is_private", false).containsEntry("pull_count", 120533L)
        .containsEntry("last_updated", "2024-03-02T08:15:43.51236Z")
        .containsEntry("media_types", "[\"application/vnd.oci.image.index.v1+json\"]");

    List<CorpusApi.Request> requests = connector.api().requests();
    // An anonymous login before each page: the manifest gives the session no expiration_duration, and the CDK keeps
    // a session token only until its expiry, so without one it logs in again for every request. The second page is
    // at the URL the first named.
    assertThat(requests).extracting(request -> request.host() + request.path())
        .containsExactly("auth.docker.io/token", "hub.docker.com/v2/repositories/gale-demo/",
            "auth.docker.io/token", "hub.docker.com/v2/repositories/gale-demo/");
    assertThat(List.of(requests.get(0), requests.get(2))).allSatisfy(login -> {
      assertThat(login.query())
          .isEqualTo(Map.of("service", "registry.docker.io", "scope", "repository:library/alpine:pull/"));
      assertThat(login.header("Authorization")).isNull();
    });
    assertThat(requests.get(1).query()).isEmpty();
    assertThat(requests.get(3).query()).isEqualTo(Map.of("page", "2", "page_size", "2"));
    // The manifest injects the bare token as the header (an ApiKey request authentication, no "Bearer").
    assertThat(List.of(requests.get(1), requests.get(3))).allSatisfy(request ->
        assertThat(request.header("Authorization")).isEqualTo(TOKEN));
    assertThat(read.logs()).noneMatch(line -> line.contains(TOKEN));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
