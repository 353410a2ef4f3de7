package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * EmailOctopus API 1.6: campaigns and lists, the API key as a query parameter, pages of 50 by page number. The
 * manifest removes the campaigns' HTML and plain-text content and the lists' tags.
 *
 * <p>What the folder lacks: no incremental stream (no state to assert) and no error mapping, so the failing check is
 * the interpreter's default handling of a 401. The removed fields are not in the streams' schemas either, so a sync's
 * typed rows would drop them anyway; the removals are asserted on the records as JSON, through {@code jsonRecords}.
 */
class EmailoctopusManifestGate {
  private static final String API_KEY = "fake-eo-key-93b1d7";
  private static final String CONFIG = "{\"api_key\":\"" + API_KEY + "\"}";

  private final CorpusConnector connector = CorpusConnector.open("source-emailoctopus");

  EmailoctopusManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String campaign(int n) {
    return """
        {"id":"00000000-0000-0000-0000-%012d","status":"SENT","name":"Newsletter %d","subject":"Issue %d",
         "to":["list-a"],"from":{"name":"Octo Team","email_address":"news@octo.example"},
         "content":{"html":"<p>Issue %d</p>","plain_text":"Issue %d"},
         "created_at":"2024-01-%02dT09:00:00+00:00","sent_at":"2024-01-%02dT10:00:00+00:00"}"""
        .formatted(n, n, n, n, n, n % 28 + 1, n % 28 + 1);
  }

  private static String page(List<String> records, int page) {
    return "{\"data\":[" + String.join(",", records) + "],\"paging\":{\"next\":\"/api/1.6/campaigns?page=" + (page + 1)
        + "\",\"previous\":null}}";
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\"]");

    AirbyteConnectionStatus missing = connector.check("{}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("api_key");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsCampaignsAndLists() {
    connector.api().get("/api/1\\.6/campaigns\\?.*", page(List.of(campaign(1)), 1))
        .get("/api/1\\.6/lists\\?.*", "{\"data\":[],\"paging\":{\"next\":null,\"previous\":null}}");

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    // The check names both streams; the key is a query parameter, with the page size.
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::path)
        .containsExactly("/api/1.6/campaigns", "/api/1.6/lists");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("emailoctopus.com");
      assertThat(request.query()).isEqualTo(Map.of("api_key", API_KEY, "limit", "50"));
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsOnARejectedKeyWithoutTheKey() {
    connector.api().route("GET", "/api/1\\.6/campaigns\\?.*", 401, """
        {"error":{"code":"INVALID_PARAMETERS","message":"Your API key is invalid."}}""", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("campaigns").contains("401").doesNotContain(API_KEY);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    Map<String, AirbyteStream> streams = connector.discover(CONFIG).streams().stream()
        .collect(Collectors.toMap(AirbyteStream::name, stream -> stream));
    assertThat(streams).containsOnlyKeys("campaigns", "lists");
    assertThat(streams.values()).allSatisfy(stream -> {
      assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    });
  }

  @Test
  void readCampaignsAcrossPages() throws Exception {
    // A full page is 50 campaigns; a shorter one is the last. The first request sends no page number (the strategy
    // starts at 0 and does not inject it); the next asks for page 1.
    List<String> first = IntStream.rangeClosed(1, 50).mapToObj(EmailoctopusManifestGate::campaign).toList();
    connector.api().get("/api/1\\.6/campaigns\\?api_key=" + API_KEY + "&limit=50", page(first, 1))
        .get("/api/1\\.6/campaigns\\?api_key=" + API_KEY + "&page=1&limit=50", page(List.of(campaign(51)), 2));

    var read = connector.read(CONFIG, List.of(), "campaigns");

    assertThat(read.records("campaigns")).hasSize(51);
    assertThat(read.records("campaigns").getLast()).containsEntry("id", "00000000-0000-0000-0000-000000000051")
        .containsEntry("status", "SENT").containsEntry("subject", "Issue 51");
    assertThat((String) read.records("campaigns").getLast().get("from")).contains("news@octo.example");
    assertThat(connector.api().requests()).extracting(request -> request.query().get("page"))
        .containsExactly(null, "1");
    assertThat(read.logs()).noneMatch(line -> line.contains(API_KEY));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void campaignsLoseTheirContentBodies() throws Exception {
    connector.api().get("/api/1\\.6/campaigns\\?.*", page(List.of(campaign(7)), 1));

    JsonNode record = connector.jsonRecords(CONFIG, "campaigns").getFirst();
    // Both RemoveFields apply to the nested content: its html and plain_text go, the object stays.
    assertThat(record.path("content").isObject()).isTrue();
    assertThat(record.path("content").size()).isZero();
    assertThat(record.path("subject").asText()).isEqualTo("Issue 7");
  }

  @Test
  void readListsAcrossPagesWithoutTheirTags() throws Exception {
    // 49 plain lists after a first one with tags fill the first page of 50; the second page has one more.
    List<String> first = IntStream.rangeClosed(2, 50).mapToObj(n -> """
        {"id":"list-%d","name":"Segment %d","double_opt_in":false,"tags":[],"fields":[],
         "counts":{"pending":0,"subscribed":%d,"unsubscribed":0},"created_at":"2023-06-11T08:00:00+00:00"}"""
        .formatted(n, n, n * 10)).collect(Collectors.toCollection(java.util.ArrayList::new));
    first.addFirst("""
        {"id":"list-1","name":"Customers","double_opt_in":true,"tags":["vip","beta"],
         "fields":[{"tag":"EmailAddress","type":"TEXT","label":"Email address","fallback":null}],
         "counts":{"pending":2,"subscribed":120,"unsubscribed":3},"created_at":"2023-05-01T08:00:00+00:00"}""");
    connector.api()
        .get("/api/1\\.6/lists\\?api_key=" + API_KEY + "&limit=50", "{\"data\":[" + String.join(",", first)
            + "],\"paging\":{\"next\":\"/api/1.6/lists?page=2\",\"previous\":null}}")
        .get("/api/1\\.6/lists\\?api_key=" + API_KEY + "&page=1&limit=50", """
            {"data":[{"id":"list-51","name":"Late signups","double_opt_in":true,"tags":["new"],"fields":[],
              "counts":{"pending":5,"subscribed":1,"unsubscribed":0},"created_at":"2024-02-01T08:00:00+00:00"}],
             "paging":{"next":null,"previous":null}}""");

    var read = connector.read(CONFIG, List.of(), "lists");
    assertThat(read.records("lists")).hasSize(51);
    assertThat(read.records("lists").getFirst()).containsEntry("name", "Customers").containsEntry("double_opt_in",
        true);
    assertThat((String) read.records("lists").getFirst().get("counts")).contains("\"subscribed\":120");
    assertThat(read.records("lists").getLast()).containsEntry("id", "list-51").containsEntry("name", "Late signups");
    assertThat(connector.api().requests()).extracting(request -> request.query().get("page"))
        .containsExactly(null, "1");

    List<JsonNode> raw = connector.jsonRecords(CONFIG, "lists");
    assertThat(raw).hasSize(51).noneMatch(list -> list.has("tags"));
    assertThat(raw.getFirst().path("counts").path("unsubscribed").asInt()).isEqualTo(3);
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
