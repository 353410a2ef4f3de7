package dev.gale.connectors.declarative.corpus;

import static dev.gale.connectors.declarative.corpus.CorpusApi.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sendinblue (Brevo) v3: email campaigns, SMTP templates and contacts, with the key in the {@code api-key} header,
 * paged by {@code offset} in pages of 100 (the first request sends only the limit). Contacts are incremental on
 * {@code modifiedAt} from a fixed start in 2000 to now in one window, sent as {@code modifiedSince}, and a record
 * filter keeps those modified at or after the window's start (a comparison of texts, as the manifest writes it).
 * What the folder lacks: no error mapping (a rejected key fails with the default 401), and campaigns and templates
 * have no cursor.
 */
class SendinblueManifestGate {
  private static final String KEY = "xkeysib-fake-0d2f4b6a8c";
  private static final String CONFIG = "{\"api_key\":\"%s\"}".formatted(KEY);
  // The first two templates of the account; more follow them.
  private static final String NAMED_TEMPLATES = """
        {"id":1,"name":"Welcome","subject":"Welcome aboard","isActive":true,"testSent":false,
         "sender":{"name":"Gale Shop","email":"shop@example.com","id":1},"replyTo":"help@example.com",
         "toField":"{{contact.FIRSTNAME}}","tag":"onboarding","htmlContent":"<html><body>Hi</body></html>",
         "createdAt":"2023-04-01T08:00:00.000Z","modifiedAt":"2024-01-10T16:20:00.000Z"},
        {"id":4,"name":"Password reset","subject":"Reset your password","isActive":false,"testSent":true,
         "sender":{"name":"Gale Shop","email":"shop@example.com","id":1},"replyTo":"help@example.com",
         "toField":"","tag":"","htmlContent":"<html><body>Reset</body></html>",
         "createdAt":"2023-04-02T08:00:00.000Z","modifiedAt":"2023-04-02T08:00:00.000Z"}""";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-sendinblue");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String campaigns(int first, int count) {
    List<String> campaigns = new ArrayList<>();
    for (int id = first; id < first + count; id++) {
      campaigns.add("""
          {"id":%d,"name":"Newsletter %d","subject":"News #%d","type":"classic","status":"sent",
           "scheduledAt":"2024-01-15T09:00:00.000+01:00","abTesting":false,"testSent":true,"header":"[DEFAULT_HEADER]",
           "footer":"[DEFAULT_FOOTER]","sender":{"name":"Gale Shop","id":1,"email":"shop@example.com"},
           "replyTo":"help@example.com","toField":"","htmlContent":"<p>Hello</p>","shareLink":null,"tag":"news",
           "createdAt":"2024-01-10T10:00:00.000+01:00","modifiedAt":"2024-01-15T09:05:00.000+01:00",
           "inlineImageActivation":false,"mirrorActive":true,"sendAtBestTime":false,
           "recipients":{"lists":[2],"exclusionLists":[]},"statistics":{"globalStats":{"sent":120,"delivered":118}}}"""
          .formatted(id, id, id));
    }
    return "{\"count\":130,\"campaigns\":[" + String.join(",", campaigns) + "]}";
  }

  private static String templates(String list) {
    return "{\"count\":102,\"templates\":[" + list + "]}";
  }

  /** {@code count} templates numbered from {@code first}, as a JSON list's items. */
  private static String generatedTemplates(int first, int count) {
    List<String> templates = new ArrayList<>();
    for (int number = first; number < first + count; number++) {
      templates.add("""
          {"id":%d,"name":"Template %d","subject":"Subject %d","isActive":true,"testSent":false,
           "sender":{"name":"Gale Shop","email":"shop@example.com","id":1},"createdAt":"2023-05-01T08:00:00.000Z",
           "modifiedAt":"2023-05-01T08:00:00.000Z"}""".formatted(number + 10, number, number));
    }
    return String.join(",", templates);
  }

  private static String contact(int id, String email, String modifiedAt) {
    return """
        {"email":"%s","id":%d,"emailBlacklisted":false,"smsBlacklisted":false,
         "createdAt":"2023-05-02T10:11:12.000+02:00","modifiedAt":"%s","listIds":[2,7],
         "attributes":{"FIRSTNAME":"Ana","LASTNAME":"Lopez"}}""".formatted(email, id, modifiedAt);
  }

  @Test
  void specRequiresTheKey() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\"]");

    AirbyteConnectionStatus missing = connector.check("{}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("api_key");
    AirbyteConnectionStatus wrongType = connector.check("{\"api_key\":12345}");
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("api_key").doesNotContain("12345");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsCampaignsAndARejectedKeyFailsItWithoutShowingIt() {
    connector.api().get(withQuery("/v3/emailCampaigns", "limit=100"), campaigns(1, 3));
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement()
        .satisfies(request -> assertThat(request.header("api-key")).isEqualTo(KEY));

    try (CorpusConnector rejected = open()) {
      rejected.api().route("GET", withQuery("/v3/emailCampaigns"), 401,
          "{\"code\":\"unauthorized\",\"message\":\"Key not found\"}", Integer.MAX_VALUE);
      AirbyteConnectionStatus status = rejected.check(CONFIG);
      assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      assertThat(status.message()).contains("campaigns").contains("401").doesNotContain(KEY);
    }
  }

  @Test
  void discoverListsThreeStreamsWithContactsIncremental() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).extracting(AirbyteStream::name).containsExactly("campaigns", "templates", "contacts");
    assertThat(streams).allSatisfy(stream ->
        assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id"))));
    assertThat(streams.get(0).supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(streams.get(1).supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(streams.get(2).supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(streams.get(2).defaultCursorField()).isEqualTo(List.of("modifiedAt"));
  }

  @Test
  void campaignsAndTemplatesArePagedByOffset() throws Exception {
    connector.api().get(withQuery("/v3/emailCampaigns", "offset=100", "limit=100"), campaigns(101, 30))
        .get(withQuery("/v3/emailCampaigns", "limit=100"), campaigns(1, 100))
        .get(withQuery("/v3/smtp/templates", "offset=100", "limit=100"), templates(generatedTemplates(100, 2)))
        .get(withQuery("/v3/smtp/templates", "limit=100"),
            templates(NAMED_TEMPLATES + "," + generatedTemplates(2, 98)));

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "campaigns", "templates");

    assertThat(read.records("campaigns")).hasSize(130);
    assertThat(read.records("campaigns").getFirst()).containsEntry("id", 1L).containsEntry("name", "Newsletter 1")
        .containsEntry("type", "classic").containsEntry("abTesting", false).containsEntry("mirrorActive", true)
        .containsEntry("scheduledAt", "2024-01-15T09:00:00.000+01:00")
        .containsEntry("recipients", "{\"lists\":[2],\"exclusionLists\":[]}");
    assertThat(read.records("campaigns").getLast()).containsEntry("id", 130L);
    assertThat(read.records("templates")).hasSize(102).extracting(record -> record.get("name"))
        .startsWith("Welcome", "Password reset", "Template 2").endsWith("Template 101");
    assertThat(read.records("templates").getFirst()).containsEntry("isActive", true)
        .containsEntry("sender", "{\"name\":\"Gale Shop\",\"email\":\"shop@example.com\",\"id\":1}");

    assertThat(connector.api().requests()).extracting(request -> request.path() + " " + request.query())
        .containsExactly("/v3/emailCampaigns {limit=100}", "/v3/emailCampaigns {offset=100, limit=100}",
            "/v3/smtp/templates {limit=100}", "/v3/smtp/templates {offset=100, limit=100}");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.sendinblue.com");
      assertThat(request.header("api-key")).isEqualTo(KEY);
    });
    assertThat(read.logs()).noneMatch(line -> line.contains(KEY));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void contactsAreReadSinceTheFixedStartThenSinceTheirState() throws Exception {
    // A full page of 100 (Ana and 99 older contacts), then Ben on the second.
    List<String> firstPage = new ArrayList<>();
    firstPage.add(contact(42, "ana@example.com", "2024-02-15T09:30:10.123+01:00"));
    for (int id = 100; id < 199; id++) {
      firstPage.add(contact(id, "member" + id + "@example.com", "2023-06-01T08:00:00.000+02:00"));
    }
    String since = "modifiedSince=2000-01-01T00%3A00%3A00.000000%2B0000";
    connector.api().get(withQuery("/v3/contacts", "offset=100", "limit=100", since),
            "{\"count\":101,\"contacts\":[" + contact(57, "ben@example.com", "2023-12-01T18:00:00.000+01:00") + "]}")
        .get(withQuery("/v3/contacts", "limit=100", since),
            "{\"count\":101,\"contacts\":[" + String.join(",", firstPage) + "]}");

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "contacts");

    assertThat(read.records("contacts")).hasSize(101);
    assertThat(read.records("contacts").getFirst()).isEqualTo(
        Map.of("email", "ana@example.com", "id", 42L, "emailBlacklisted", false, "smsBlacklisted", false,
            "createdAt", "2023-05-02T10:11:12.000+02:00", "modifiedAt", "2024-02-15T09:30:10.123+01:00",
            "listIds", "[2,7]", "attributes", "{\"FIRSTNAME\":\"Ana\",\"LASTNAME\":\"Lopez\"}"));
    assertThat(read.records("contacts").getLast()).containsEntry("email", "ben@example.com")
        .containsEntry("id", 57L).containsEntry("modifiedAt", "2023-12-01T18:00:00.000+01:00");
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::query).containsExactly(
        Map.of("limit", "100", "modifiedSince", "2000-01-01T00:00:00.000000+0000"),
        Map.of("offset", "100", "limit", "100", "modifiedSince", "2000-01-01T00:00:00.000000+0000"));
    // The latest modification, in the cursor's format with the record's offset.
    assertThat(read.lastState("contacts").toString())
        .isEqualTo("{\"modifiedAt\":\"2024-02-15T09:30:10.123000+0100\"}");
    assertThat(connector.api().unmatched()).isEmpty();

    try (CorpusConnector again = open()) {
      // The API answers with one contact modified since, and one from before the window that the filter drops.
      again.api().get(withQuery("/v3/contacts", "limit=100", "modifiedSince=2024-02-15T09%3A30%3A10.123000%2B0100"),
          "{\"count\":2,\"contacts\":[" + contact(61, "cy@example.com", "2024-03-09T20:00:00.000+01:00") + ","
              + contact(57, "ben@example.com", "2023-12-01T18:00:00.000+01:00") + "]}");

      CorpusConnector.Read second = again.read(CONFIG, read.lastStates(), "contacts");

      assertThat(second.records("contacts")).extracting(record -> record.get("id")).containsExactly(61L);
      assertThat(second.lastState("contacts").toString())
          .isEqualTo("{\"modifiedAt\":\"2024-03-09T20:00:00.000000+0100\"}");
      assertThat(again.api().unmatched()).isEmpty();
    }
  }
}
