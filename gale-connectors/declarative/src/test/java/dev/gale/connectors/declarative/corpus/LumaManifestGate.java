package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connectors.declarative.TestReadLimits;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Luma: a calendar's events and each event's guests (a substream sending the event's id as {@code event_api_id}),
 * both paged by the response's {@code next_cursor} while {@code has_more}, with the key in the
 * {@code x-luma-api-key} header. Records are the {@code event} and {@code guest} objects inside each entry; guests'
 * email and phone numbers are replaced by their MD5 hashes. What the folder lacks: no cursor (no incremental read),
 * no error mapping (a rejected key fails with the default 401); the hashes are not in the guests' schema, so they are
 * shown on the untyped records of a test read.
 */
class LumaManifestGate {
  private static final String KEY = "luma-fake-key-9b7d5f3a1c";
  private static final String CONFIG = "{\"api_key\":\"%s\"}".formatted(KEY);
  private static final String EVENTS_1 = """
      {"entries":[
        {"api_id":"evt-8Qm2Lk3Zr1","event":{"api_id":"evt-8Qm2Lk3Zr1","name":"Data Meetup #12",
          "created_at":"2024-01-20T10:00:00.000Z","start_at":"2024-03-14T17:30:00.000Z",
          "end_at":"2024-03-14T20:00:00.000Z","timezone":"Europe/Berlin","duration_interval":"PT2H30M",
          "url":"https://lu.ma/data-meetup-12","visibility":"public","user_api_id":"usr-Ab12Cd34",
          "meeting_url":null,"zoom_meeting_url":null,"geo_latitude":"52.5200","geo_longitude":"13.4050",
          "geo_address_json":{"city":"Berlin","country":"Germany","type":"google","full_address":"Berlin, Germany"}},
         "tags":[]}],
       "has_more":true,"next_cursor":"ZXZ0LThRbTJMazNacjE"}""";
  private static final String EVENTS_2 = """
      {"entries":[
        {"api_id":"evt-2Pn7Xw9Vt4","event":{"api_id":"evt-2Pn7Xw9Vt4","name":"Office Hours",
          "created_at":"2024-02-02T08:00:00.000Z","start_at":"2024-03-20T15:00:00.000Z",
          "end_at":"2024-03-20T16:00:00.000Z","timezone":"UTC","url":"https://lu.ma/office-hours",
          "visibility":"members-only","meeting_url":"https://meet.example.com/oh","event_type":"online"}}],
       "has_more":false,"next_cursor":null}""";
  private static final String GUESTS_1 = """
      {"entries":[
        {"api_id":"gst-Ha1","guest":{"api_id":"gst-Ha1","approval_status":"approved","name":"Rosa Diaz",
          "email":"rosa@example.com","user_email":"rosa@example.com","user_name":"Rosa Diaz",
          "phone_number":"+4915112345678","registered_at":"2024-02-11T09:12:00.000Z",
          "created_at":"2024-02-11T09:12:00.000Z","check_in_qr_code":"https://lu.ma/check-in/gst-Ha1",
          "event_ticket":{"api_id":"tkt-1","name":"Standard","amount":0,"amount_discount":0}}}],
       "has_more":true,"next_cursor":"Z3N0LUhhMQ"}""";
  private static final String GUESTS_2 = """
      {"entries":[
        {"api_id":"gst-Hb2","guest":{"api_id":"gst-Hb2","approval_status":"pending_approval","name":"Tom Reed",
          "email":"tom@example.com","user_email":"tom@example.com","user_name":"Tom Reed",
          "phone_number":"+4915198765432","registered_at":"2024-02-12T18:40:00.000Z",
          "created_at":"2024-02-12T18:40:00.000Z"}},
        {"api_id":"gst-Hc3","guest":{"api_id":"gst-Hc3","approval_status":"approved","name":"Ivy Park",
          "email":"ivy@example.com","user_email":"ivy@example.com","user_name":"Ivy Park","phone_number":null,
          "registered_at":"2024-02-13T07:05:00.000Z","created_at":"2024-02-13T07:05:00.000Z"}}],
       "has_more":false,"next_cursor":null}""";
  private static final String NO_GUESTS = "{\"entries\":[],\"has_more\":false,\"next_cursor\":null}";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-luma");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String md5(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void answerEvents() {
    connector.api().get("/public/v1/calendar/list-events", EVENTS_1)
        .get("/public/v1/calendar/list-events\\?pagination_cursor=ZXZ0LThRbTJMazNacjE", EVENTS_2);
  }

  @Test
  void specRequiresTheKey() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\"]");

    AirbyteConnectionStatus missing = connector.check("{}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("api_key");
    AirbyteConnectionStatus wrongType = connector.check("{\"api_key\":{\"value\":\"%s\"}}".formatted(KEY));
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("api_key").doesNotContain(KEY);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsTheFirstPageOfEventsAndARejectedKeyFailsItWithoutShowingIt() {
    answerEvents();
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement()
        .satisfies(request -> assertThat(request.header("x-luma-api-key")).isEqualTo(KEY));

    try (CorpusConnector rejected = open()) {
      rejected.api().route("GET", "/public/v1/calendar/list-events", 401, "{\"message\":\"Invalid API key\"}",
          Integer.MAX_VALUE);
      AirbyteConnectionStatus status = rejected.check(CONFIG);
      assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      assertThat(status.message()).contains("events").contains("401").doesNotContain(KEY);
    }
  }

  @Test
  void discoverListsEventsAndGuestsKeyedByApiId() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).extracting(AirbyteStream::name).containsExactly("events", "event-guests");
    assertThat(streams).allSatisfy(stream -> {
      assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("api_id")));
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    });
  }

  @Test
  void eventsAreTheEventInsideEachEntryAcrossCursorPages() throws Exception {
    answerEvents();

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "events");

    assertThat(read.records("events")).extracting(record -> record.get("name"))
        .containsExactly("Data Meetup #12", "Office Hours");
    assertThat(read.records("events").getFirst()).containsEntry("api_id", "evt-8Qm2Lk3Zr1")
        .containsEntry("timezone", "Europe/Berlin").containsEntry("geo_latitude", "52.5200")
        .containsEntry("start_at", "2024-03-14T17:30:00.000Z");
    assertThat((String) read.records("events").getFirst().get("geo_address_json")).contains("\"city\":\"Berlin\"");

    assertThat(connector.api().requests()).extracting(CorpusApi.Request::query)
        .containsExactly(Map.of(), Map.of("pagination_cursor", "ZXZ0LThRbTJMazNacjE"));
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.lu.ma");
      assertThat(request.path()).isEqualTo("/public/v1/calendar/list-events");
      assertThat(request.header("x-luma-api-key")).isEqualTo(KEY);
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void guestsAreReadPerEventWithTheirContactDetailsHashed() throws Exception {
    answerEvents();
    connector.api().get("/public/v1/event/get-guests\\?event_api_id=evt-8Qm2Lk3Zr1", GUESTS_1)
        .get("/public/v1/event/get-guests\\?pagination_cursor=Z3N0LUhhMQ&event_api_id=evt-8Qm2Lk3Zr1", GUESTS_2)
        .get("/public/v1/event/get-guests\\?event_api_id=evt-2Pn7Xw9Vt4", NO_GUESTS);

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "event-guests");

    assertThat(read.records("event-guests")).extracting(record -> record.get("name"))
        .containsExactly("Rosa Diaz", "Tom Reed", "Ivy Park");
    // The manifest removes email, phone number and the user's email; the schema still lists two of them.
    assertThat(read.records("event-guests").getFirst()).containsEntry("api_id", "gst-Ha1")
        .containsEntry("approval_status", "approved").containsEntry("email", null)
        .containsEntry("phone_number", null).containsEntry("user_email", null)
        .containsEntry("user_name", "Rosa Diaz");

    // The page's cursor comes before the partition's parameter, in the order the CDK merges them.
    List<CorpusApi.Request> guestRequests = connector.api().requests().stream()
        .filter(request -> request.path().equals("/public/v1/event/get-guests")).toList();
    assertThat(guestRequests).extracting(CorpusApi.Request::query).containsExactly(
        Map.of("event_api_id", "evt-8Qm2Lk3Zr1"),
        Map.of("event_api_id", "evt-8Qm2Lk3Zr1", "pagination_cursor", "Z3N0LUhhMQ"),
        Map.of("event_api_id", "evt-2Pn7Xw9Vt4"));
    assertThat(guestRequests).allSatisfy(request -> assertThat(request.header("x-luma-api-key")).isEqualTo(KEY));
    assertThat(connector.api().unmatched()).isEmpty();

    // The hashes are outside the schema: the untyped records of a test read show them.
    List<JsonNode> untyped = connector.source().testRead(Json.parse(CONFIG), "event-guests", List.of(),
        TestReadLimits.DEFAULT).records();
    assertThat(untyped).hasSize(3);
    assertThat(untyped.getFirst().path("email_hash").asText()).isEqualTo(md5("rosa@example.com"));
    assertThat(untyped.getFirst().path("phone_number_hash").asText()).isEqualTo(md5("+4915112345678"));
    assertThat(untyped.get(1).path("email_hash").asText()).isEqualTo(md5("tom@example.com"));
    // A guest without a phone number: the CDK hashes Python's str(None).
    assertThat(untyped.get(2).path("phone_number_hash").asText()).isEqualTo(md5("None"));
    assertThat(untyped.getFirst().has("email")).isFalse();
    assertThat(untyped.getFirst().has("phone_number")).isFalse();
    assertThat(untyped.getFirst().has("user_email")).isFalse();
  }
}
