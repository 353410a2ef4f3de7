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
 * n8n: one stream, {@code executions}, from the instance the config's {@code host} names, with the API key in the
 * {@code X-N8N-API-KEY} header and cursor pages ({@code nextCursor}, 250 a page).
 *
 * <p>What the folder lacks: no incremental stream (no state to assert) and no error mapping of its own, so a
 * rejected key fails the check by the default mapping of a 401.
 */
class N8nManifestGate {
  private static final String SECRET = "n8n-api-FAKE-7d41c0e2b9";
  private static final String CONFIG = """
      {"host":"https://n8n.example.com","api_key":"%s"}""".formatted(SECRET);
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-n8n");
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
        .contains("\"host\"", "\"api_key\"");

    AirbyteConnectionStatus noKey = connector.check("{\"host\":\"https://n8n.example.com\"}");
    assertThat(noKey.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(noKey.message()).contains("api_key");
    AirbyteConnectionStatus noHost = connector.check("{\"api_key\":\"" + SECRET + "\"}");
    assertThat(noHost.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(noHost.message()).contains("host").doesNotContain(SECRET);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedKeyFailsWithoutShowingIt() {
    connector.api().route("GET", "/api/v1/executions\\?limit=250", 401, """
        {"message":"unauthorized"}""", 1);
    connector.api().get("/api/v1/executions\\?limit=250", """
        {"data":[],"nextCursor":null}""");

    AirbyteConnectionStatus rejected = connector.check(CONFIG);
    assertThat(rejected.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(rejected.message()).contains("executions", "401").doesNotContain(SECRET);

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).hasSize(2).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("n8n.example.com");
      assertThat(request.header("X-N8N-API-KEY")).isEqualTo(SECRET);
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsExecutionsAsFullRefresh() {
    AirbyteStream executions = connector.discover(CONFIG).streams().getFirst();
    assertThat(connector.discover(CONFIG).streams()).hasSize(1);
    assertThat(executions.name()).isEqualTo("executions");
    assertThat(executions.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
    assertThat(executions.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void readsExecutionsAcrossCursorPages() throws Exception {
    // The first page has no cursor; the second sends the nextCursor of the first; a null nextCursor ends the stream.
    // Routes match in order: the page of a cursor before the first page.
    connector.api().get("/api/v1/executions\\?.*cursor=MTAwMg%3D%3D.*", """
        {"data":[
          {"id":1003,"finished":true,"mode":"retry","retryOf":"1002","retrySuccessId":1004,
           "startedAt":"2024-03-09T09:30:00.000Z","stoppedAt":"2024-03-09T09:30:01.000Z","workflowId":"wf-7",
           "waitTill":null}],
         "nextCursor":null}""");
    connector.api().get("/api/v1/executions\\?limit=250", """
        {"data":[
          {"id":1001,"finished":true,"mode":"trigger","retryOf":null,"retrySuccessId":null,
           "startedAt":"2024-03-09T06:00:00.120Z","stoppedAt":"2024-03-09T06:00:03.480Z","workflowId":"wf-12",
           "waitTill":null},
          {"id":1002,"finished":false,"mode":"manual","retryOf":"1001","retrySuccessId":null,
           "startedAt":"2024-03-09T07:15:00.000Z","stoppedAt":null,"workflowId":"wf-12",
           "waitTill":"2024-03-09T08:00:00.000Z"}],
         "nextCursor":"MTAwMg=="}""");

    var read = connector.read(CONFIG, List.of());

    assertThat(read.records("executions")).extracting(record -> record.get("id")).containsExactly(1001L, 1002L, 1003L);
    assertThat(read.records("executions").get(1)).containsEntry("finished", false).containsEntry("mode", "manual")
        .containsEntry("retryOf", "1001").containsEntry("stoppedAt", null)
        .containsEntry("waitTill", "2024-03-09T08:00:00.000Z");
    assertThat(read.records("executions").get(2)).containsEntry("retrySuccessId", 1004L)
        .containsEntry("workflowId", "wf-7");
    assertThat(read.states()).isEmpty();
    List<CorpusApi.Request> requests = connector.api().requests();
    assertThat(requests).extracting(request -> request.query().get("cursor")).containsExactly(null, "MTAwMg==");
    assertThat(requests).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("n8n.example.com");
      assertThat(request.path()).isEqualTo("/api/v1/executions");
      assertThat(request.query()).containsEntry("limit", "250");
      assertThat(request.header("X-N8N-API-KEY")).isEqualTo(SECRET);
    });
    assertThat(read.logs()).noneMatch(line -> line.contains(SECRET));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
