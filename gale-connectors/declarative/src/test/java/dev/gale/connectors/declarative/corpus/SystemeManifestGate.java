package dev.gale.connectors.declarative.corpus;

import static dev.gale.connectors.declarative.corpus.CorpusApi.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * systeme.io: communities, contacts, tags, contact fields and courses, with the key in the {@code X-API-Key} header,
 * in pages of 100 that continue after the last record's id ({@code startingAfter}) while the response says
 * {@code hasMore}. What the folder lacks: no cursor (no incremental read), no error mapping (a rejected key fails with
 * the default 401), and contact fields have neither a primary key nor an id to continue after, so the manifest
 * reads their first page only, whatever {@code hasMore} says (as the CDK: an empty cursor ends the pages).
 */
class SystemeManifestGate {
  private static final String KEY = "sys-fake-key-7a5c3e1b9d";
  private static final String CONFIG = "{\"api_key\":\"%s\"}".formatted(KEY);
  private static final String COMMUNITIES_1 = """
      {"items":[{"id":101,"name":"Creators Club","domainName":"club.example.com","path":"creators"},
                {"id":108,"name":"Beta Testers","domainName":"club.example.com","path":"beta"}],
       "hasMore":true}""";
  private static final String COMMUNITIES_2 = """
      {"items":[{"id":115,"name":"Alumni","domainName":null,"path":"alumni"}],"hasMore":false}""";
  private static final String CONTACTS_1 = """
      {"items":[
        {"id":300001,"email":"ana@example.com","registeredAt":"2024-01-05T10:00:00+00:00","locale":"en",
         "sourceURL":"https://shop.example.com/optin","unsubscribed":false,"bounced":false,"needsConfirmation":false,
         "fields":[{"fieldName":"First name","slug":"first_name","value":"Ana"}],"tags":[{"id":7,"name":"customer"}]}],
       "hasMore":true}""";
  private static final String CONTACTS_2 = """
      {"items":[
        {"id":300017,"email":"li@example.com","registeredAt":"2024-02-11T08:30:00+00:00","locale":"fr",
         "sourceURL":null,"unsubscribed":true,"bounced":false,"needsConfirmation":false,"fields":[],"tags":[]}],
       "hasMore":false}""";
  private static final String TAGS_1 = """
      {"items":[{"id":7,"name":"customer","createdAt":"2023-06-01T12:00:00+00:00"}],"hasMore":true}""";
  private static final String TAGS_2 = """
      {"items":[{"id":9,"name":"webinar-2024","createdAt":"2024-01-20T09:00:00+00:00"}],"hasMore":false}""";
  // More fields exist, but a field has no id for the manifest to continue after: it reads this page only.
  private static final String CONTACT_FIELDS = """
      {"items":[{"fieldName":"First name","slug":"first_name"},{"fieldName":"Phone number","slug":"phone_number"}],
       "hasMore":true}""";
  private static final String COURSES_1 = """
      {"items":[{"id":55,"name":"Email mastery","active":true,"locale":"en","domainName":"school.example.com",
                 "path":"email-mastery","modules":[{"id":1,"name":"Getting started"},{"id":2,"name":"Sequences"}]}],
       "hasMore":true}""";
  private static final String COURSES_2 = """
      {"items":[{"id":61,"name":"Funnels 101","active":false,"locale":"en","domainName":"school.example.com",
                 "path":"funnels-101","modules":[]}],
       "hasMore":false}""";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-systeme");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  @Test
  void specRequiresTheKey() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\"]");

    AirbyteConnectionStatus missing = connector.check("{\"key\":\"%s\"}".formatted(KEY));
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("api_key").doesNotContain(KEY);
    AirbyteConnectionStatus wrongType = connector.check("{\"api_key\":null}");
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("api_key");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsCommunitiesAndARejectedKeyFailsItWithoutShowingIt() {
    connector.api().get(withQuery("/api/community/communities", "limit=100"), COMMUNITIES_2);
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);

    try (CorpusConnector rejected = open()) {
      rejected.api().route("GET", withQuery("/api/community/communities"), 401,
          "{\"type\":\"https://tools.ietf.org/html/rfc2616#section-10\",\"title\":\"An error occurred\","
              + "\"detail\":\"Invalid API key\"}", Integer.MAX_VALUE);
      AirbyteConnectionStatus status = rejected.check(CONFIG);
      assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      assertThat(status.message()).contains("communities").contains("401").doesNotContain(KEY);
    }
  }

  @Test
  void discoverListsFiveFullRefreshStreams() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).extracting(AirbyteStream::name)
        .containsExactly("communities", "contacts", "tags", "contact_fields", "course_resources");
    assertThat(streams).extracting(AirbyteStream::sourceDefinedPrimaryKey).containsExactly(List.of(List.of("id")),
        List.of(List.of("id")), List.of(List.of("id")), null, List.of(List.of("id")));
    assertThat(streams).allSatisfy(stream ->
        assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH));
  }

  @Test
  void communitiesContinueAfterTheLastIdWhileThereIsMore() throws Exception {
    connector.api().get(withQuery("/api/community/communities", "startingAfter=108", "limit=100"), COMMUNITIES_2)
        .get(withQuery("/api/community/communities", "limit=100"), COMMUNITIES_1);

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "communities");

    // The schema types ids as numbers.
    assertThat(read.records("communities")).containsExactly(
        Map.of("id", 101.0, "name", "Creators Club", "domainName", "club.example.com", "path", "creators"),
        Map.of("id", 108.0, "name", "Beta Testers", "domainName", "club.example.com", "path", "beta"),
        row("id", 115.0, "name", "Alumni", "domainName", null, "path", "alumni"));
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::query)
        .containsExactly(Map.of("limit", "100"), Map.of("startingAfter", "108", "limit", "100"));
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.systeme.io");
      assertThat(request.header("X-API-Key")).isEqualTo(KEY);
    });
    assertThat(read.logs()).noneMatch(line -> line.contains(KEY));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  /** A record as read, with its nulls: names and values in turn. */
  private static Map<String, Object> row(Object... namesAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row;
  }

  @Test
  void contactsTagsFieldsAndCoursesAskForJsonAndPageAfterTheLastId() throws Exception {
    connector.api().get(withQuery("/api/contacts", "startingAfter=300001", "limit=100"), CONTACTS_2)
        .get(withQuery("/api/contacts", "limit=100"), CONTACTS_1)
        .get(withQuery("/api/tags", "startingAfter=7", "limit=100"), TAGS_2)
        .get(withQuery("/api/tags", "limit=100"), TAGS_1)
        .get(withQuery("/api/contact_fields", "limit=100"), CONTACT_FIELDS)
        .get(withQuery("/api/school/courses", "startingAfter=55", "limit=100"), COURSES_2)
        .get(withQuery("/api/school/courses", "limit=100"), COURSES_1);

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "contacts", "tags", "contact_fields",
        "course_resources");

    assertThat(read.records("contacts")).extracting(record -> record.get("email"))
        .containsExactly("ana@example.com", "li@example.com");
    assertThat(read.records("contacts").getFirst()).containsEntry("id", 300001.0).containsEntry("locale", "en")
        .containsEntry("unsubscribed", false).containsEntry("tags", "[{\"id\":7,\"name\":\"customer\"}]")
        .containsEntry("registeredAt", "2024-01-05T10:00:00+00:00");
    assertThat(read.records("tags")).extracting(record -> record.get("name"))
        .containsExactly("customer", "webinar-2024");
    assertThat(read.records("contact_fields")).containsExactly(
        Map.of("fieldName", "First name", "slug", "first_name"),
        Map.of("fieldName", "Phone number", "slug", "phone_number"));
    assertThat(read.records("course_resources")).hasSize(2).first().satisfies(record -> assertThat(record)
        .containsEntry("name", "Email mastery").containsEntry("active", true)
        .containsEntry("modules", "[{\"id\":1,\"name\":\"Getting started\"},{\"id\":2,\"name\":\"Sequences\"}]"));

    // Two pages each, but one of contact fields; these four streams send an Accept header.
    assertThat(connector.api().requests()).extracting(request -> request.path() + " "
        + request.query().get("startingAfter")).containsExactly("/api/contacts null", "/api/contacts 300001",
            "/api/tags null", "/api/tags 7", "/api/contact_fields null", "/api/school/courses null",
            "/api/school/courses 55");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.query()).containsEntry("limit", "100");
      assertThat(request.header("accept")).isEqualTo("application/json");
      assertThat(request.header("X-API-Key")).isEqualTo(KEY);
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
