package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
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
 * Dropbox Sign (formerly HelloSign, API v3): {@code signature_requests} and {@code templates}, each incremental (on
 * {@code created_at} and {@code updated_at}, epoch seconds) over one window from the config's {@code start_date} to
 * now, sent as the search query {@code created:[YYYY-MM-DD TO YYYY-MM-DD]}, in pages of 20 numbered from 1 (sent from
 * the first request on). The API key is the user name of basic authentication, with an empty password.
 *
 * <p>What the folder lacks: no error mapping of its own (a rejected key fails by the default mapping of a 401). Both
 * streams filter on {@code created}, though {@code templates}' cursor is {@code updated_at}: the manifest's choice.
 */
class DropboxSignManifestGate {
  private static final String SECRET = "FAKE6b1e0a9c4d27f83e5b0c9a1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d";
  private static final String CONFIG = """
      {"api_key":"%s","start_date":"2024-01-01T00:00:00Z"}""".formatted(SECRET);
  private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((SECRET + ":")
      .getBytes(StandardCharsets.UTF_8));
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-dropbox-sign");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String signatureRequest(String id, String title, long createdAt, boolean complete) {
    return """
        {"signature_request_id":"%s","test_mode":false,"title":"%s","original_title":"%s",
         "subject":"%s","message":"Please sign by Friday.","metadata":{"deal":"D-%s"},"created_at":%d,
         "is_complete":%s,"is_declined":false,"has_error":false,
         "files_url":"https://api.hellosign.com/v3/signature_request/files/%s","signing_url":null,
         "details_url":"https://app.hellosign.com/home/manage?guid=%s","requester_email_address":"legal@acme.example",
         "signatures":[{"signature_id":"sig-%s","signer_email_address":"client@example.com","signer_name":"Client",
                        "status_code":"%s","signed_at":null}],
         "cc_email_addresses":[],"response_data":[],"custom_fields":[]}"""
        .formatted(id, title, title, title, id, createdAt, complete, id, id, id,
            complete ? "signed" : "awaiting_signature");
  }

  private static String list(String key, int page, int pages, List<String> items) {
    return "{\"" + key + "\":[" + String.join(",", items) + "],\"list_info\":{\"num_pages\":" + pages
        + ",\"num_results\":" + items.size() + ",\"page\":" + page + ",\"page_size\":20},\"warnings\":[]}";
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\",\"start_date\"]");
    AirbyteConnectionStatus noStart = connector.check("{\"api_key\":\"" + SECRET + "\"}");
    assertThat(noStart.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(noStart.message()).contains("start_date").doesNotContain(SECRET);
    AirbyteConnectionStatus dateOnly = connector.check("{\"api_key\":\"k\",\"start_date\":\"2024-01-01\"}");
    assertThat(dateOnly.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(dateOnly.message()).contains("start_date", "must match");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedKeyFailsWithoutShowingIt() {
    connector.api().route("GET", "/v3/signature_request/list\\?.*", 401, """
        {"error":{"error_msg":"Unauthorized api key","error_name":"unauthorized"}}""", 1);
    connector.api().get("/v3/signature_request/list\\?.*", list("signature_requests", 1, 0, List.of()));

    AirbyteConnectionStatus rejected = connector.check(CONFIG);
    assertThat(rejected.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(rejected.message()).contains("signature_requests", "401").doesNotContain(SECRET)
        .doesNotContain(BASIC.substring(6));
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.hellosign.com");
      assertThat(request.header("Authorization")).isEqualTo(BASIC);
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsBothStreamsAsIncremental() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();
    assertThat(streams).extracting(AirbyteStream::name).containsExactly("signature_requests", "templates");
    assertThat(streams.getFirst().sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("signature_request_id")));
    assertThat(streams.getFirst().defaultCursorField()).isEqualTo(List.of("created_at"));
    assertThat(streams.get(1).sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("template_id")));
    assertThat(streams.get(1).defaultCursorField()).isEqualTo(List.of("updated_at"));
    assertThat(streams).allSatisfy(stream ->
        assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL));
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void readsSignatureRequestsInPagesOf20ThenFromTheNewestDay() throws Exception {
    // Page 1 is full (20), so page 2 is asked for; it has one more.
    List<String> full = IntStream.range(0, 20).mapToObj(i -> signatureRequest("sr%02d".formatted(i),
        "Contract " + i, 1_704_200_000L + i * 86_400L, i % 3 == 0)).collect(Collectors.toList());
    connector.api().route("GET", "/v3/signature_request/list\\?(?=.*[?&]page=2(&|$)).*", 200,
        list("signature_requests", 2, 2, List.of(signatureRequest("sr20", "NDA with Northwind", 1_709_900_000L,
            false))), 1);
    connector.api().route("GET", "/v3/signature_request/list\\?(?=.*[?&]page=1(&|$)).*", 200,
        list("signature_requests", 1, 2, full), 1);

    var first = connector.read(CONFIG, List.of(), "signature_requests");

    assertThat(first.records("signature_requests")).hasSize(21);
    assertThat(first.records("signature_requests").getLast()).containsEntry("signature_request_id", "sr20")
        .containsEntry("title", "NDA with Northwind").containsEntry("created_at", 1_709_900_000.0)
        .containsEntry("is_complete", false).containsEntry("signing_url", null)
        .containsEntry("metadata", "{\"deal\":\"D-sr20\"}");
    assertThat((String) first.records("signature_requests").getLast().get("signatures"))
        .contains("\"status_code\":\"awaiting_signature\"");
    assertThat(connector.api().requests()).extracting(request -> request.query().get("page")).containsExactly("1", "2");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.path()).isEqualTo("/v3/signature_request/list");
      assertThat(request.query()).containsEntry("query", "created:[2024-01-01 TO 2024-03-10]")
          .containsEntry("page_size", "20");
      assertThat(request.header("Authorization")).isEqualTo(BASIC);
    });
    // 1,709,900,000 is 2024-03-08T12:13:20Z; the state keeps its day.
    assertThat(first.lastState("signature_requests")).isEqualTo(Json.parse("{\"created_at\":\"2024-03-08\"}"));

    // The second read: nothing new since.
    connector.api().get("/v3/signature_request/list\\?.*", list("signature_requests", 1, 1, List.of()));
    connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("signature_requests"),
        first.lastState("signature_requests"))), "signature_requests");
    assertThat(connector.api().requests().getLast().query())
        .containsEntry("query", "created:[2024-03-08 TO 2024-03-10]").containsEntry("page", "1");
    assertThat(first.logs()).noneMatch(line -> line.contains(SECRET));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readsTemplatesIncrementallyOnUpdatedAt() throws Exception {
    connector.api().route("GET", "/v3/template/list\\?.*", 200, list("templates", 1, 1, List.of("""
        {"template_id":"tpl-7f3a","title":"Mutual NDA","message":"Standard NDA","updated_at":1709481600,
         "is_embedded":false,"is_creator":true,"can_edit":true,"is_locked":false,"metadata":{},
         "signer_roles":[{"name":"Counterparty","order":0}],"cc_roles":[{"name":"Legal"}],
         "documents":[{"name":"nda.pdf","index":0}],"custom_fields":[],"named_form_fields":[],
         "accounts":[{"account_id":"acc-1","email_address":"legal@acme.example"}],"reusable_form_id":null}""", """
        {"template_id":"tpl-9c01","title":"Offer letter","message":null,"updated_at":1706745600,
         "is_embedded":false,"is_creator":false,"can_edit":false,"is_locked":true,"metadata":{"team":"people"},
         "signer_roles":[{"name":"Candidate","order":0},{"name":"Manager","order":1}],"cc_roles":[],
         "documents":[{"name":"offer.pdf","index":0}],"custom_fields":[],"named_form_fields":[],
         "accounts":[],"reusable_form_id":null}""")), 1);
    connector.api().get("/v3/template/list\\?.*", list("templates", 1, 1, List.of()));

    var read = connector.read(CONFIG, List.of(), "templates");

    assertThat(read.records("templates")).extracting(template -> template.get("template_id"))
        .containsExactly("tpl-7f3a", "tpl-9c01");
    assertThat(read.records("templates").get(1)).containsEntry("is_locked", true).containsEntry("message", null)
        .containsEntry("updated_at", 1_706_745_600.0);
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.path()).isEqualTo("/v3/template/list");
      assertThat(request.query()).containsEntry("query", "created:[2024-01-01 TO 2024-03-10]")
          .containsEntry("page", "1").containsEntry("page_size", "20");
    });
    // 1,709,481,600 is 2024-03-03.
    assertThat(read.lastState("templates")).isEqualTo(Json.parse("{\"updated_at\":\"2024-03-03\"}"));

    connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("templates"),
        read.lastState("templates"))), "templates");
    assertThat(connector.api().requests().getLast().query())
        .containsEntry("query", "created:[2024-03-03 TO 2024-03-10]").containsEntry("page", "1");
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
