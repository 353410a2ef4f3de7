package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kissmetrics (query API v3): {@code products}, and per product its {@code reports}, {@code events} and
 * {@code properties} (substreams by the product's id), all in offset pages of 50 with the offset sent from the first
 * request on, with basic authentication. Each stream maps 429 to a rate limit, retried with exponential backoff.
 *
 * <p>What the folder lacks: no incremental stream, and no mapping of a rejected login (a 401 fails by the default
 * mapping). {@code properties}' schema declares no properties, so its rows have no columns: its records are asserted
 * as JSON through a test read.
 */
class KissmetricsManifestGate {
  private static final String SECRET = "km-pass-FAKE-41d9c07e";
  private static final String CONFIG = """
      {"username":"analytics@shop.example","password":"%s"}""".formatted(SECRET);
  private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString(("analytics@shop.example:"
      + SECRET).getBytes(StandardCharsets.UTF_8));
  private static final String PRODUCTS = """
      {"data":[{"id":101,"account_id":9,"name":"Storefront","km_key":"3f1c0b7e","timezone":"Europe/Berlin"},
               {"id":102,"account_id":9,"name":"Mobile app","km_key":"8a2d4e6f","timezone":"UTC"}],
       "pagination":{"offset":0,"limit":50,"total":2}}""";
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-kissmetrics");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private void answerChildren() {
    connector.api().get("/v3/products/101/reports\\?.*", """
        {"data":[{"id":5001,"name":"Weekly signups","product_id":101,"report_type":"funnel"},
                 {"id":5002,"name":"Revenue by channel","product_id":101,"report_type":"revenue"}]}""");
    connector.api().get("/v3/products/102/reports\\?.*", """
        {"data":[{"id":5101,"name":"App retention","product_id":102,"report_type":"cohort"}]}""");
    connector.api().get("/v3/products/101/events\\?.*", """
        {"data":[{"id":7001,"index":0,"name":"Signed up","product_id":101,"property_indices":[0,3],"visible":true},
                 {"id":7002,"index":1,"name":"Purchased","product_id":101,"property_indices":[1],"visible":false}]}""");
    connector.api().get("/v3/products/102/events\\?.*", "{\"data\":[]}");
    connector.api().get("/v3/products/101/properties\\?.*", """
        {"data":[{"id":9001,"index":0,"name":"Channel","product_id":101,"type":"string"}]}""");
    connector.api().get("/v3/products/102/properties\\?.*", """
        {"data":[{"id":9101,"index":0,"name":"App version","product_id":102,"type":"string"}]}""");
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"username\"]");
    AirbyteConnectionStatus noUser = connector.check("{\"password\":\"" + SECRET + "\"}");
    assertThat(noUser.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(noUser.message()).contains("username").doesNotContain(SECRET);
    AirbyteConnectionStatus numericPassword = connector.check("{\"username\":\"u\",\"password\":1234}");
    assertThat(numericPassword.message()).contains("password", "string").doesNotContain("1234");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedLoginFailsWithoutShowingIt() {
    connector.api().route("GET", "/v3/products\\?.*", 401, "{\"message\":\"Invalid credentials\"}", 1);
    connector.api().get("/v3/products\\?.*", PRODUCTS);

    AirbyteConnectionStatus rejected = connector.check(CONFIG);
    assertThat(rejected.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(rejected.message()).contains("products", "401").doesNotContain(SECRET)
        .doesNotContain(BASIC.substring(6));
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);

    // Without the optional password, the user name goes alone.
    connector.check("{\"username\":\"analytics@shop.example\"}");
    assertThat(connector.api().requests().getLast().header("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString("analytics@shop.example:".getBytes(StandardCharsets.UTF_8)));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsTheFourStreams() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();
    assertThat(streams).extracting(AirbyteStream::name).containsExactly("products", "reports", "events", "properties");
    assertThat(streams).allSatisfy(stream -> {
      assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    });
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void productsArePagedByOffsetFromTheFirstRequest() throws Exception {
    String full = IntStream.range(0, 50).mapToObj(i -> """
        {"id":%d,"account_id":9,"name":"Site %d","km_key":"k%d","timezone":"UTC"}""".formatted(1000 + i, i, i))
        .collect(Collectors.joining(",", "{\"data\":[", "]}"));
    connector.api().get("/v3/products\\?(?=.*offset=50).*", """
        {"data":[{"id":1050,"account_id":9,"name":"Site 50","km_key":"k50","timezone":"UTC"}]}""");
    connector.api().get("/v3/products\\?(?=.*offset=0).*", full);

    var read = connector.read(CONFIG, List.of(), "products");

    assertThat(read.records("products")).hasSize(51);
    assertThat(read.records("products").getLast()).containsEntry("id", 1050.0).containsEntry("name", "Site 50");
    assertThat(connector.api().requests()).extracting(request -> request.query().get("offset") + "/"
        + request.query().get("limit")).containsExactly("0/50", "50/50");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readsEveryStreamPerProductAndWaitsOutARateLimit() throws Exception {
    connector.api().get("/v3/products\\?.*", PRODUCTS);
    // The first reports request is rate limited, then answered.
    connector.api().route("GET", "/v3/products/101/reports\\?.*", 429, "{\"message\":\"Too Many Requests\"}", 1);
    answerChildren();

    var read = connector.read(CONFIG, List.of());

    assertThat(read.records("products")).extracting(product -> product.get("name"))
        .containsExactly("Storefront", "Mobile app");
    assertThat(read.records("products").getFirst()).containsEntry("id", 101.0).containsEntry("account_id", 9.0)
        .containsEntry("timezone", "Europe/Berlin");
    assertThat(read.records("reports")).extracting(report -> report.get("name") + "@" + report.get("product_id"))
        .containsExactly("Weekly signups@101.0", "Revenue by channel@101.0", "App retention@102.0");
    assertThat(read.records("events")).extracting(event -> event.get("name")).containsExactly("Signed up",
        "Purchased");
    assertThat(read.records("events").get(1)).containsEntry("visible", false).containsEntry("property_indices", "[1]");
    assertThat(read.records("properties")).hasSize(2);
    List<CorpusApi.Request> reports = connector.api().requests().stream()
        .filter(request -> request.path().equals("/v3/products/101/reports")).toList();
    assertThat(reports).hasSize(2);
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("query.kissmetrics.io");
      assertThat(request.query()).containsEntry("offset", "0").containsEntry("limit", "50");
      assertThat(request.header("Authorization")).isEqualTo(BASIC);
    });
    assertThat(read.logs()).noneMatch(line -> line.contains(SECRET) || line.contains(BASIC.substring(6)));

    List<JsonNode> properties = connector.jsonRecords(CONFIG, "properties");
    assertThat(properties).extracting(property -> property.path("name").asText())
        .containsExactly("Channel", "App version");
    assertThat(properties.get(1).path("product_id").asInt()).isEqualTo(102);
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
