package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connectors.declarative.TestRead;
import dev.gale.connectors.declarative.TestReadLimits;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Breezy HR: a company's positions, each position's candidates (a substream keyed by the position id the parent's
 * transformations make), and its pipelines; the API key is the raw {@code AUTHORIZATION} header. The manifest
 * reshapes records heavily (fields lifted out of objects, many removed) and ignores 400, 401 and 500 answers, so a
 * rejected key does not fail a check: it reads nothing. What the folder lacks: no stream has a primary key, a cursor
 * (no incremental read) or pagination. Fields the manifest removes are not in the streams' schemas either, so their
 * removal is shown on the untyped records of a test read.
 */
class BreezyHrManifestGate {
  private static final String API_KEY = "brzy-fake-key-0a9b8c7d6e";
  private static final String COMPANY = "e41f0c2d9a7b";
  private static final String CONFIG = "{\"api_key\":\"%s\",\"company_id\":\"%s\"}".formatted(API_KEY, COMPANY);
  private static final String BASE = "/v3/company/" + COMPANY;
  private static final String POSITIONS = """
      [{"_id":"d7c1a2b3e4f5","friendly_id":"senior-data-engineer","name":"Senior Data Engineer","state":"published",
        "org_type":"position","department":"Engineering","pipeline_id":"default","education":"unspecified",
        "type":{"id":"fullTime","name":"Full-Time"},"experience":{"id":"mid","name":"Mid-Level"},
        "category":{"id":"software","name":"Software Development"},"description":"<p>Build pipelines.</p>",
        "location":{"country":{"id":"US","name":"United States"},"city":"Austin","name":"Austin, TX",
         "is_remote":false},
        "creation_date":"2024-01-05T15:04:11.512Z","updated_date":"2024-02-20T09:30:00.000Z",
        "tags":["data","remote-friendly"],"custom_attributes":[],"application_form":{"resume":"required"},
        "requisition_id":"REQ-118","all_admins":true,"all_users":false,"bias_enabled":false,
        "questionnaire_id":"q-1","scorecard_id":"s-1","candidate_type":"external","creator_id":"u-77"},
       {"_id":"f0e9d8c7b6a5","friendly_id":"office-manager","name":"Office Manager","state":"closed",
        "org_type":"position","department":"Operations","pipeline_id":"default","education":"high-school",
        "type":{"id":"partTime","name":"Part-Time"},"experience":{"id":"entry","name":"Entry-Level"},
        "category":{"id":"admin","name":"Administrative"},"description":"<p>Keep things running.</p>",
        "location":{"country":{"id":"DE","name":"Germany"},"city":"Berlin","name":"Berlin","is_remote":false},
        "creation_date":"2023-11-12T08:00:00.000Z","updated_date":"2024-01-02T12:00:00.000Z","tags":[],
        "custom_attributes":[{"name":"Budget","value":"B2"}],"application_form":{},"requisition_id":"REQ-97",
        "all_admins":true,"all_users":true,"bias_enabled":false,"questionnaire_id":null,"scorecard_id":null,
        "candidate_type":"external","creator_id":"u-12"}]""";
  private static final String CANDIDATES_1 = """
      [{"_id":"ab12cd34ef56","meta_id":"m-1","name":"Ada Lovelace","initial":"AL","headline":"Data engineer",
        "email_address":"ada@example.com","phone_number":"+1 512 555 0100","origin":"applied",
        "source":{"id":"careers","name":"Careers Page"},"stage":{"id":"interview","name":"Interview"},
        "creation_date":"2024-01-08T10:00:00.000Z","updated_date":"2024-02-01T16:20:00.000Z","tags":["python"],
        "overall_score":{"average_score":4.5,"scored_count":2,"good":["u-77"],"very_good":["u-12"]}},
       {"_id":"bc23de45fa67","meta_id":"m-2","name":"Grace Hopper","initial":"GH","headline":"Compiler person",
        "email_address":"grace@example.com","phone_number":null,"origin":"sourced",
        "source":{"id":"linkedin","name":"LinkedIn"},"stage":{"id":"applied","name":"Applied"},
        "creation_date":"2024-01-09T11:00:00.000Z","updated_date":"2024-01-09T11:00:00.000Z","tags":[]}]""";
  private static final String PIPELINES = """
      [{"_id":"default","name":"Default Pipeline","type":"position","creation_date":"2019-03-01T00:00:00.000Z",
        "updated_date":"2023-06-01T00:00:00.000Z",
        "pipeline":[{"id":"applied","name":"Applied"},{"id":"interview","name":"Interview"}]},
       {"_id":"p-engineering","name":"Engineering Pipeline","type":"position",
        "creation_date":"2021-05-01T00:00:00.000Z","updated_date":"2024-01-15T00:00:00.000Z",
        "pipeline":[{"id":"applied","name":"Applied"}]}]""";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-breezy-hr");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  @Test
  void specRequiresTheKeyAndTheCompany() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"api_key\",\"company_id\"]");

    AirbyteConnectionStatus missing = connector.check("{\"api_key\":\"%s\"}".formatted(API_KEY));
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("company_id").doesNotContain(API_KEY);
    AirbyteConnectionStatus wrongType = connector.check("{\"api_key\":\"%s\",\"company_id\":7}".formatted(API_KEY));
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("company_id");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsPositionsWithTheKeyAsAuthorization() {
    connector.api().get(BASE + "/positions", POSITIONS);

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.host()).isEqualTo("api.breezy.hr");
      assertThat(request.header("Authorization")).isEqualTo(API_KEY);
    });
  }

  @Test
  void aRejectedKeyIsIgnoredAsTheManifestSaysSoTheCheckPassesAndTheReadIsEmpty() throws Exception {
    // The manifest maps 401 to IGNORE: the CDK's check then finds the stream available, with no records.
    connector.api().route("GET", BASE + "/positions", 401, "{\"error\":{\"type\":\"unauthorized\"}}",
        Integer.MAX_VALUE);

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "positions");
    assertThat(read.records("positions")).isEmpty();
    assertThat(read.logs()).anyMatch(line -> line.contains("401")).noneMatch(line -> line.contains(API_KEY));
  }

  @Test
  void discoverListsThreeFullRefreshStreamsWithoutPrimaryKeys() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).extracting(AirbyteStream::name).containsExactly("positions", "candidates", "pipelines");
    assertThat(streams).allSatisfy(stream -> {
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
      assertThat(stream.sourceDefinedPrimaryKey()).isNullOrEmpty();
    });
  }

  @Test
  void positionsAreFlattenedAndStrippedByTheTransformations() throws Exception {
    connector.api().get(BASE + "/positions", POSITIONS);

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "positions");

    assertThat(read.records("positions")).hasSize(2).first().satisfies(record -> assertThat(record)
        .containsEntry("name", "Senior Data Engineer").containsEntry("type", "Full-Time")
        .containsEntry("country_id", "US").containsEntry("country_name", "United States")
        .containsEntry("department", "Engineering").containsEntry("tags", "[\"data\",\"remote-friendly\"]")
        // The schema gives position_id two types (number or string), so it is read as JSON.
        .containsEntry("position_id", "\"d7c1a2b3e4f5\""));
    assertThat(read.records("positions").get(1)).containsEntry("type", "Part-Time")
        .containsEntry("country_name", "Germany");

    // The untyped records show what the transformations removed, which the schema does not declare anyway.
    TestRead testRead = connector.source().testRead(Json.parse(CONFIG), "positions", List.of(),
        TestReadLimits.DEFAULT);
    JsonNode first = testRead.records().getFirst();
    assertThat(first.path("position_id").asText()).isEqualTo("d7c1a2b3e4f5");
    for (String removed : List.of("_id", "location", "friendly_id", "experience", "education", "description",
        "category", "application_form", "requisition_id", "all_admins", "all_users", "bias_enabled",
        "questionnaire_id", "scorecard_id", "candidate_type", "creator_id")) {
      assertThat(first.has(removed)).as(removed).isFalse();
    }
    assertThat(first.path("state").asText()).isEqualTo("published");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void candidatesAreReadPerPositionAfterA429AndAnIgnoredPosition() throws Exception {
    connector.api().get(BASE + "/positions", POSITIONS)
        // The first position's candidates are rate limited once, then answered.
        .route("GET", BASE + "/position/d7c1a2b3e4f5/candidates\\?sort=updated_date", 429,
            "{\"error\":\"rate limited\"}", 1)
        .get(BASE + "/position/d7c1a2b3e4f5/candidates\\?sort=updated_date", CANDIDATES_1)
        // The second position is closed: the API refuses it with a 400, which the manifest ignores.
        .route("GET", BASE + "/position/f0e9d8c7b6a5/candidates\\?sort=updated_date", 400,
            "{\"error\":{\"type\":\"bad_request\",\"message\":\"position is closed\"}}", Integer.MAX_VALUE);

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "candidates");

    assertThat(read.records("candidates")).extracting(record -> record.get("name"))
        .containsExactly("Ada Lovelace", "Grace Hopper");
    // stage is lifted from its object; pos_id and position_id are the manifest's templates, spaces included.
    assertThat(read.records("candidates").getFirst()).containsEntry("stage", "Interview")
        .containsEntry("pos_id", "d7c1a2b3e4f5- ab12cd34ef56").containsEntry("position_id", " d7c1a2b3e4f5")
        .containsEntry("email_address", "ada@example.com")
        .containsEntry("source", "{\"id\":\"careers\",\"name\":\"Careers Page\"}");
    assertThat(read.records("candidates").get(1)).containsEntry("stage", "Applied")
        .containsEntry("pos_id", "d7c1a2b3e4f5- bc23de45fa67");

    List<CorpusApi.Request> requests = connector.api().requests();
    assertThat(requests).extracting(CorpusApi.Request::path).containsExactly(BASE + "/positions",
        BASE + "/position/d7c1a2b3e4f5/candidates", BASE + "/position/d7c1a2b3e4f5/candidates",
        BASE + "/position/f0e9d8c7b6a5/candidates");
    assertThat(requests.subList(1, 4)).allSatisfy(request -> {
      assertThat(request.query()).isEqualTo(Map.of("sort", "updated_date"));
      assertThat(request.header("Authorization")).isEqualTo(API_KEY);
    });
    assertThat(read.logs()).noneMatch(line -> line.contains(API_KEY) || line.contains(COMPANY));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void pipelinesAreEveryElementOfTheListWithoutTheirStages() throws Exception {
    connector.api().get(BASE + "/pipelines", PIPELINES);

    CorpusConnector.Read read = connector.read(CONFIG, List.of(), "pipelines");

    assertThat(read.records("pipelines")).containsExactly(
        Map.of("_id", "default", "name", "Default Pipeline"),
        Map.of("_id", "p-engineering", "name", "Engineering Pipeline"));
    JsonNode untyped = connector.source().testRead(Json.parse(CONFIG), "pipelines", List.of(),
        TestReadLimits.DEFAULT).records().getFirst();
    assertThat(untyped.properties()).extracting(Map.Entry::getKey).containsExactly("_id", "name");
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.breezy.hr");
      assertThat(request.path()).isEqualTo(BASE + "/pipelines");
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
