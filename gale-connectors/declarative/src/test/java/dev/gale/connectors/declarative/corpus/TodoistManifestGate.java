package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Todoist (REST v2): {@code tasks} and {@code projects}, each one unpaginated request whose body is a JSON array, with
 * the token as a bearer token. The check reads both streams.
 *
 * <p>What the folder lacks: no incremental stream, no pagination, no primary keys (the manifest declares none, so
 * discover has none) and no error mapping of its own (a rejected token fails by the default mapping of a 401).
 */
class TodoistManifestGate {
  private static final String SECRET = "todoist-FAKE-0b7e55c1a2d94f";
  private static final String CONFIG = "{\"token\":\"" + SECRET + "\"}";
  private static final String TASKS = """
      [{"id":"7301","project_id":"2203","section_id":null,"content":"Renew the passport","description":"Photos first",
        "is_completed":false,"labels":["errands","urgent"],"parent_id":null,"order":1,"priority":4,
        "due":{"date":"2024-03-12","string":"Mar 12","lang":"en","is_recurring":false},"duration":null,
        "url":"https://todoist.com/showTask?id=7301","comment_count":2,"created_at":"2024-03-01T09:12:44.000000Z",
        "creator_id":"51","assignee_id":null,"assigner_id":null},
       {"id":"7302","project_id":"2204","section_id":"88","content":"Water the plants","description":"",
        "is_completed":false,"labels":[],"parent_id":"7290","order":3,"priority":1,"due":null,"duration":null,
        "url":"https://todoist.com/showTask?id=7302","comment_count":0,"created_at":"2024-03-02T18:00:00.000000Z",
        "creator_id":"51","assignee_id":"52","assigner_id":"51"}]""";
  private static final String PROJECTS = """
      [{"id":"2203","name":"Inbox","color":"grey","parent_id":null,"order":0,"comment_count":0,"is_shared":false,
        "is_favorite":false,"is_inbox_project":true,"is_team_inbox":false,"view_style":"list",
        "url":"https://todoist.com/showProject?id=2203"},
       {"id":"2204","name":"Home","color":"berry_red","parent_id":null,"order":1,"comment_count":1,"is_shared":true,
        "is_favorite":true,"is_inbox_project":false,"is_team_inbox":false,"view_style":"board",
        "url":"https://todoist.com/showProject?id=2204"}]""";
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-todoist");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"token\"]");
    AirbyteConnectionStatus missing = connector.check("{}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("token");
    AirbyteConnectionStatus wrongType = connector.check("{\"token\":12345}");
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("token", "string");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsBothStreamsAndARejectedTokenFailsWithoutShowingIt() {
    connector.api().route("GET", "/rest/v2/tasks", 401, "Forbidden", 1);
    connector.api().get("/rest/v2/tasks", TASKS);
    connector.api().get("/rest/v2/projects", PROJECTS);

    AirbyteConnectionStatus rejected = connector.check(CONFIG);
    assertThat(rejected.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(rejected.message()).contains("tasks", "401").doesNotContain(SECRET);

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    // The failed check stopped at tasks; the good one read tasks, then projects.
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::path)
        .containsExactly("/rest/v2/tasks", "/rest/v2/tasks", "/rest/v2/projects");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsBothStreamsWithoutKeys() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();
    assertThat(streams).extracting(AirbyteStream::name).containsExactly("tasks", "projects");
    assertThat(streams).allSatisfy(stream -> {
      assertThat(stream.sourceDefinedPrimaryKey()).isNullOrEmpty();
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    });
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void readsTasksAndProjects() throws Exception {
    connector.api().get("/rest/v2/tasks", TASKS);
    connector.api().get("/rest/v2/projects", PROJECTS);

    var read = connector.read(CONFIG, List.of());

    // The body is the array itself (field_path []): each element is a record.
    assertThat(read.records("tasks")).hasSize(2);
    assertThat(read.records("tasks").getFirst()).containsEntry("id", "7301").containsEntry("priority", 4L)
        .containsEntry("is_completed", false).containsEntry("section_id", null)
        .containsEntry("created_at", "2024-03-01T09:12:44.000000Z");
    assertThat((String) read.records("tasks").getFirst().get("labels")).isEqualTo("[\"errands\",\"urgent\"]");
    assertThat((String) read.records("tasks").getFirst().get("due")).contains("\"date\":\"2024-03-12\"");
    assertThat(read.records("tasks").get(1)).containsEntry("parent_id", "7290").containsEntry("due", null)
        .containsEntry("assignee_id", "52");
    assertThat(read.records("projects")).extracting(record -> record.get("name")).containsExactly("Inbox", "Home");
    assertThat(read.records("projects").get(1)).containsEntry("is_shared", true).containsEntry("order", 1L)
        .containsEntry("view_style", "board");
    assertThat(connector.api().requests()).hasSize(2).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.todoist.com");
      assertThat(request.query()).isEmpty();
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + SECRET);
    });
    assertThat(read.logs()).noneMatch(line -> line.contains(SECRET));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
