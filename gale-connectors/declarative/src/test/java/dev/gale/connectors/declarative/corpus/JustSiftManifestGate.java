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
 * Sift: the people directory (numbered pages from 1 until an empty one) and the person fields (pages following the
 * response's {@code links.next} URL), with a bearer token. What the folder lacks: no cursor (no incremental read) and
 * no error mapping (a rejected token fails with the default 401).
 */
class JustSiftManifestGate {
  private static final String TOKEN = "sift-fake-token-4e6a8c0b2d";
  private static final String CONFIG = "{\"api_token\":\"%s\"}".formatted(TOKEN);
  private static final String PEOPLE_1 = """
      {"data":[
        {"id":"5f1a2b3c4d","displayName":"Maya Chen","firstName":"Maya","lastName":"Chen","title":"Staff Engineer",
         "email":"maya.chen@example.com","department":"Engineering","team":"Platform","officeCity":"Seattle",
         "isTeamLeader":true,"directReportCount":4,"totalReportCount":9,"reportingPath":["1a2b3c4d5e"],
         "timezoneAndWorkHours":{"timezone":"America/Los_Angeles","workHours":[{"day":1,
          "startTime":{"hour":9,"minute":0},"endTime":{"hour":17,"minute":30}}]}},
        {"id":"6a7b8c9d0e","displayName":"Omar Haddad","firstName":"Omar","lastName":"Haddad","title":"Recruiter",
         "email":"omar.haddad@example.com","department":"People","team":"Talent","officeCity":"Austin",
         "isTeamLeader":false,"directReportCount":0,"totalReportCount":0,"reportingPath":["7f8e9d0c1b"]}],
       "meta":{"page":1,"pageSize":2,"total":3}}""";
  private static final String PEOPLE_2 = """
      {"data":[
        {"id":"7f8e9d0c1b","displayName":"Lena Vogel","firstName":"Lena","lastName":"Vogel","title":"VP People",
         "email":"lena.vogel@example.com","department":"People","team":null,"officeCity":"Berlin",
         "isTeamLeader":true,"directReportCount":6,"totalReportCount":21,"reportingPath":[]}],
       "meta":{"page":2,"pageSize":2,"total":3}}""";
  private static final String PEOPLE_3 = "{\"data\":[],\"meta\":{\"page\":3,\"pageSize\":2,\"total\":3}}";
  private static final String FIELDS_1 = """
      {"data":[
        {"id":"title","objectKey":"title","displayName":"Title","type":"text","searchable":true,"filterable":true},
        {"id":"officeCity","objectKey":"officeCity","displayName":"Office city","type":"text","searchable":true,
         "filterable":true}],
       "links":{"self":"https://api.justsift.com/v1/fields/person",
        "next":"https://api.justsift.com/v1/fields/person?cursor=ZmllbGQ6Mg"}}""";
  private static final String FIELDS_2 = """
      {"data":[
        {"id":"cf_shirtSize","objectKey":"cf_shirtSize","displayName":"Shirt size","type":"select",
         "searchable":false,"filterable":true}],
       "links":{"self":"https://api.justsift.com/v1/fields/person?cursor=ZmllbGQ6Mg","next":null}}""";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-just-sift");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  @Test
  void specRequiresTheToken() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_token\"]");

    AirbyteConnectionStatus missing = connector.check("{}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("api_token");
    AirbyteConnectionStatus wrongType = connector.check("{\"api_token\":[\"%s\"]}".formatted(TOKEN));
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("api_token").doesNotContain(TOKEN);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsTheFirstPageOfPeopleAndARejectedTokenFailsItWithoutShowingIt() {
    connector.api().get("/v1/search/people\\?page=1", PEOPLE_1);
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).hasSize(1);

    try (CorpusConnector rejected = open()) {
      rejected.api().route("GET", "/v1/search/people\\?page=1", 401,
          "{\"errors\":[{\"status\":401,\"title\":\"Unauthorized\"}]}", Integer.MAX_VALUE);
      AirbyteConnectionStatus status = rejected.check(CONFIG);
      assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      assertThat(status.message()).contains("peoples").contains("401").doesNotContain(TOKEN);
    }
  }

  @Test
  void discoverListsTwoFullRefreshStreamsKeyedById() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).extracting(AirbyteStream::name).containsExactly("peoples", "fields");
    assertThat(streams).allSatisfy(stream -> {
      assertThat(stream.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    });
  }

  @Test
  void peopleAreReadPageByPageUntilAnEmptyPage() throws Exception {
    connector.api().get("/v1/search/people\\?page=1", PEOPLE_1)
        .get("/v1/search/people\\?page=2", PEOPLE_2)
        .get("/v1/search/people\\?page=3", PEOPLE_3);

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "peoples");

    assertThat(read.records("peoples")).extracting(record -> record.get("displayName"))
        .containsExactly("Maya Chen", "Omar Haddad", "Lena Vogel");
    assertThat(read.records("peoples").getFirst()).containsEntry("id", "5f1a2b3c4d")
        .containsEntry("isTeamLeader", true).containsEntry("directReportCount", 4.0)
        .containsEntry("reportingPath", "[\"1a2b3c4d5e\"]");
    assertThat((String) read.records("peoples").getFirst().get("timezoneAndWorkHours"))
        .contains("America/Los_Angeles");
    assertThat(read.records("peoples").get(2)).containsEntry("team", null);

    // The first request already names its page (inject_on_first_request), and pages stop at the empty one.
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::query)
        .containsExactly(Map.of("page", "1"), Map.of("page", "2"), Map.of("page", "3"));
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.justsift.com");
      assertThat(request.path()).isEqualTo("/v1/search/people");
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN);
    });
    assertThat(read.logs()).noneMatch(line -> line.contains(TOKEN));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void fieldsFollowTheNextLinkUntilThereIsNone() throws Exception {
    connector.api().get("/v1/fields/person", FIELDS_1)
        .get("/v1/fields/person\\?cursor=ZmllbGQ6Mg", FIELDS_2);

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "fields");

    assertThat(read.records("fields")).containsExactly(
        Map.of("id", "title", "objectKey", "title", "displayName", "Title", "type", "text", "searchable", true,
            "filterable", true),
        Map.of("id", "officeCity", "objectKey", "officeCity", "displayName", "Office city", "type", "text",
            "searchable", true, "filterable", true),
        Map.of("id", "cf_shirtSize", "objectKey", "cf_shirtSize", "displayName", "Shirt size", "type", "select",
            "searchable", false, "filterable", true));
    assertThat(connector.api().requests()).extracting(request -> request.url().toString()).containsExactly(
        "https://api.justsift.com/v1/fields/person", "https://api.justsift.com/v1/fields/person?cursor=ZmllbGQ6Mg");
    assertThat(connector.api().requests()).allSatisfy(request ->
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + TOKEN));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
