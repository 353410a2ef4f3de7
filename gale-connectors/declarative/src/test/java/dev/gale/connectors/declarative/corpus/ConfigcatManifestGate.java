package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ConfigCat's management API: organizations and products, with members, tags and environments read per parent
 * (substream partitions into the path), HTTP basic auth, no pagination.
 *
 * <p>What the folder lacks: no incremental stream (no state to assert) and no error mapping of its own, so the
 * failing check is the interpreter's default handling of a 401.
 */
class ConfigcatManifestGate {
  private static final String PASSWORD = "fake-configcat-pw-5c1e";
  private static final String CONFIG = "{\"username\":\"api-user-7\",\"password\":\"" + PASSWORD + "\"}";
  private static final String ORGANIZATIONS = """
      [{"organizationId":"org-aaa","name":"Acme"},{"organizationId":"org-bbb","name":"Globex"}]""";
  private static final String PRODUCTS = """
      [{"organization":{"organizationId":"org-aaa","name":"Acme"},"productId":"prod-1","name":"Web shop",
        "description":"Storefront flags","order":0,"reasonRequired":false},
       {"organization":{"organizationId":"org-aaa","name":"Acme"},"productId":"prod-2","name":"Mobile",
        "description":null,"order":1,"reasonRequired":true}]""";

  private final CorpusConnector connector = CorpusConnector.open("source-configcat");

  ConfigcatManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"username\",\"password\"]");

    AirbyteConnectionStatus missing = connector.check("{\"username\":\"api-user-7\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("password");
    AirbyteConnectionStatus wrongType = connector.check("{\"username\":7,\"password\":\"" + PASSWORD + "\"}");
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("username").doesNotContain(PASSWORD);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSendsBasicAuth() {
    connector.api().get("/v1/organizations", ORGANIZATIONS);

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.host()).isEqualTo("api.configcat.com");
      assertThat(request.path()).isEqualTo("/v1/organizations");
      assertThat(request.header("Authorization")).isEqualTo(basic("api-user-7", PASSWORD));
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsOnRejectedCredentialsWithoutTheSecret() {
    connector.api().route("GET", "/v1/organizations", 401, "{\"message\":\"Unauthorized\"}", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("organizations").containsIgnoringCase("unauthorized")
        .doesNotContain(PASSWORD);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    Map<String, AirbyteStream> streams = connector.discover(CONFIG).streams().stream()
        .collect(Collectors.toMap(AirbyteStream::name, stream -> stream));
    assertThat(streams).containsOnlyKeys("organizations", "organization_members", "products", "tags",
        "environments");
    assertThat(streams.get("organizations").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("organizationId")));
    assertThat(streams.get("organization_members").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("userId")));
    assertThat(streams.get("products").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("productId")));
    assertThat(streams.get("tags").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("tagId")));
    assertThat(streams.get("environments").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("environmentId")));
    assertThat(streams.values()).allSatisfy(stream ->
        assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH));
  }

  @Test
  void readEveryStreamWithChildrenPerParent() throws Exception {
    connector.api().get("/v1/organizations", ORGANIZATIONS)
        .get("/v1/organizations/org-aaa/members", """
            [{"userId":"u-1","fullName":"Ada Lovelace","email":"ada@acme.example","twoFactorEnabled":true}]""")
        .get("/v1/organizations/org-bbb/members", """
            [{"userId":"u-2","fullName":"Hank Scorpio","email":"hank@globex.example","twoFactorEnabled":false},
             {"userId":"u-3","fullName":"Frank Grimes","email":"frank@globex.example","twoFactorEnabled":false}]""")
        .get("/v1/products", PRODUCTS)
        .get("/v1/products/prod-1/tags", """
            [{"product":{"productId":"prod-1","name":"Web shop"},"tagId":11,"name":"checkout","color":"panther"}]""")
        .get("/v1/products/prod-2/tags", "[]")
        .get("/v1/products/prod-1/environments", """
            [{"product":{"productId":"prod-1","name":"Web shop"},"environmentId":"env-p1-prod","name":"Production",
              "color":"#ff0000","description":"Live","order":0,"reasonRequired":true}]""")
        .get("/v1/products/prod-2/environments", """
            [{"product":{"productId":"prod-2","name":"Mobile"},"environmentId":"env-p2-test","name":"Test",
              "color":null,"description":null,"order":1,"reasonRequired":false}]""");

    var read = connector.read(CONFIG, List.of());

    assertThat(read.records("organizations")).extracting(record -> record.get("organizationId"))
        .containsExactly("org-aaa", "org-bbb");
    // Members come from each organization in turn: the parent's organizationId is in the path.
    assertThat(read.records("organization_members")).extracting(record -> record.get("userId"))
        .containsExactly("u-1", "u-2", "u-3");
    assertThat(read.records("organization_members").get(1)).containsEntry("fullName", "Hank Scorpio")
        .containsEntry("email", "hank@globex.example");
    assertThat(read.records("products")).extracting(record -> record.get("productId"))
        .containsExactly("prod-1", "prod-2");
    assertThat(read.records("products").get(1)).containsEntry("order", 1L).containsEntry("reasonRequired", true);
    assertThat(read.records("tags")).singleElement().satisfies(tag -> {
      assertThat(tag).containsEntry("tagId", 11L).containsEntry("name", "checkout");
      // An object column is kept as its JSON.
      assertThat((String) tag.get("product")).contains("\"productId\":\"prod-1\"");
    });
    assertThat(read.records("environments")).extracting(record -> record.get("environmentId"))
        .containsExactly("env-p1-prod", "env-p2-test");
    assertThat(read.records("environments").getFirst()).containsEntry("reasonRequired", true)
        .containsEntry("color", "#ff0000");

    assertThat(connector.api().requests()).extracting(CorpusApi.Request::path).contains(
        "/v1/organizations/org-aaa/members", "/v1/organizations/org-bbb/members",
        "/v1/products/prod-1/tags", "/v1/products/prod-2/tags",
        "/v1/products/prod-1/environments", "/v1/products/prod-2/environments");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.configcat.com");
      assertThat(request.query()).isEmpty();
      assertThat(request.header("Authorization")).isEqualTo(basic("api-user-7", PASSWORD));
    });
    assertThat(read.states()).isEmpty();
    assertThat(read.logs()).noneMatch(line -> line.contains(PASSWORD));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
