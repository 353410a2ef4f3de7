package dev.gale.connectors.declarative.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.contract.RecordingOutput;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.connectors.declarative.testing.TestManifests;
import dev.gale.connectors.declarative.testing.TestSources;
import dev.gale.connectors.declarative.testing.TestSources.RecordingSleeper;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries, waits and failures: the defaults and each part of the manifest's error handlers. */
class ErrorHandlingTest {
  private static final String SECRET = "key-secret-31337";
  private final ApiServer api = new ApiServer();
  private final RecordingSleeper sleeper = new RecordingSleeper();

  @AfterEach
  void close() {
    api.close();
  }

  private DeclarativeSource source(String errorHandler) {
    return TestSources.load(TestManifests.stream("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: items
            request_parameters:
              key: "{{ config['api_key'] }}"
        %s
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: [data]
        """.formatted(errorHandler.indent(4).stripTrailing())), sleeper);
  }

  private RecordingOutput read(DeclarativeSource source) throws InterruptedException {
    RecordingOutput output = new RecordingOutput();
    AirbyteStream stream = AirbyteStream.of("items", Json.parse("{\"type\":\"object\",\"properties\":{}}"),
        List.of(SyncMode.FULL_REFRESH));
    source.read(Json.object().put("base_url", api.url()).put("api_key", SECRET), new ConfiguredAirbyteCatalog(
        List.of(ConfiguredAirbyteStream.of(stream, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND))), List.of(),
        output);
    return output;
  }

  @Test
  void rateLimitsAreRetriedAfterTheWaitTheServerAsks() throws Exception {
    api.respond(429, "{\"message\": \"slow down\"}", "Retry-After: 2");
    api.json("{\"data\": [{\"id\": 1}]}");

    RecordingOutput output = read(source(""));

    assertThat(output.rows(StreamDescriptor.of("items"))).hasSize(1);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));
    assertThat(api.requestCount()).isEqualTo(2);
  }

  @Test
  void serverErrorsAreRetriedWithGrowingWaitsThenFailClearly() {
    for (int i = 0; i < 6; i++) {
      api.respond(500, "{\"error\": \"database unavailable\"}");
    }

    assertThatThrownBy(() -> read(source("")))
        .isInstanceOf(ConnectorException.class)
        .satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(ConnectorException.Kind.TRANSIENT))
        .hasMessageContaining("Stream 'items'").hasMessageContaining("after 5 retries")
        .hasMessageContaining("HTTP 500").hasMessageContaining("database unavailable")
        .hasMessageNotContaining(SECRET);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4),
        Duration.ofSeconds(8), Duration.ofSeconds(16));
  }

  @Test
  void clientErrorsFailAtOnceWithTheApisMessage() {
    api.respond(403, "{\"errors\": [{\"message\": \"plan does not include items\"}]}");

    assertThatThrownBy(() -> read(source("")))
        .isInstanceOf(ConnectorException.class)
        .satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(ConnectorException.Kind.CONFIG))
        .hasMessageContaining("HTTP 403").hasMessageContaining("Forbidden")
        .hasMessageContaining("plan does not include items").hasMessageNotContaining(SECRET);
    assertThat(sleeper.waits).isEmpty();
  }

  // Airbyte's JsonDecoder reads a body it cannot parse as {} after logging an error: the page has no records and the
  // read goes on. Gale does the same, with an ERROR line that names the stream, the request and the content type.
  @Test
  void aBodyThatIsNotJsonGivesNoRecordsAndAnErrorLine() throws Exception {
    api.respond(200, "<html>maintenance</html>", "Content-Type: text/html");

    RecordingOutput output = read(source(""));

    assertThat(output.rows(StreamDescriptor.of("items"))).isEmpty();
    assertThat(output.logs()).filteredOn(line -> line.startsWith("ERROR")).singleElement().satisfies(line ->
        assertThat(line).contains("Stream 'items'").contains("/items").contains("text/html")
            .contains("not valid JSON").doesNotContain(SECRET));
  }

  @Test
  void malformedJsonEndsTheStreamWithTheRecordsBeforeIt() throws Exception {
    api.json("{\"data\": [{\"id\": 1}], \"next\": \"c2\"}");
    api.json("{\"data\": [{\"id\": 2}, {\"id\": ");
    DeclarativeSource source = TestSources.load(TestManifests.stream("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: items
          paginator:
            type: DefaultPaginator
            page_token_option:
              type: RequestOption
              inject_into: request_parameter
              field_name: cursor
            pagination_strategy:
              type: CursorPagination
              cursor_value: "{{ response.next }}"
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: [data]
        """), sleeper);

    RecordingOutput output = read(source);

    // The truncated page gives no records, and, read as {}, no next cursor: the read ends there without failing.
    assertThat(output.rows(StreamDescriptor.of("items"))).hasSize(1);
    assertThat(api.requestCount()).isEqualTo(2);
    assertThat(output.logs()).filteredOn(line -> line.startsWith("ERROR")).singleElement()
        .satisfies(line -> assertThat(line).contains("cursor=c2").contains("not valid JSON"));
  }

  // The CDK gives one request max_time (10 minutes) of attempts and retries and sets no timeout on an attempt; Gale
  // bounds each attempt by what is left of that time, so an API that never answers fails within it.
  @Test
  void anApiThatNeverAnswersFailsWithinTheRetryBudget() {
    api.stall().stall();
    DeclarativeSource source = source("").withRetryBudget(Duration.ofSeconds(1));

    long started = System.nanoTime();
    assertThatThrownBy(() -> read(source))
        .isInstanceOf(ConnectorException.class)
        .satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(ConnectorException.Kind.TRANSIENT))
        .hasMessageContaining("Stream 'items'").hasMessageContaining("after 1 s of attempts and retries")
        .hasMessageContaining("HttpTimeoutException").hasMessageNotContaining(SECRET);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(api.requestCount()).isEqualTo(1);
    assertThat(sleeper.waits).isEmpty();
  }

  @Test
  void filtersIgnoreFailAndRetryAsTheManifestSays() throws Exception {
    String handler = """
        error_handler:
          type: DefaultErrorHandler
          max_retries: 2
          backoff_strategies:
            - type: ConstantBackoffStrategy
              backoff_time_in_seconds: 0.5
          response_filters:
            - type: HttpResponseFilter
              action: IGNORE
              http_codes: [404]
            - type: HttpResponseFilter
              action: RETRY
              predicate: "{{ response.status == 'pending' }}"
            - type: HttpResponseFilter
              action: FAIL
              error_message_contains: quota
              failure_type: config_error
              error_message: "The account's quota is used up"
        """;
    api.respond(404, "{}");
    assertThat(read(source(handler)).rows(StreamDescriptor.of("items"))).isEmpty();

    api.json("{\"status\": \"pending\"}");
    api.json("{\"data\": [{\"id\": 1}]}");
    assertThat(read(source(handler)).rows(StreamDescriptor.of("items"))).hasSize(1);
    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(500));

    api.respond(400, "{\"message\": \"monthly quota exceeded\"}");
    assertThatThrownBy(() -> read(source(handler))).isInstanceOf(ConnectorException.class)
        .hasMessageContaining("The account's quota is used up").hasMessageContaining("monthly quota exceeded");
  }

  @Test
  void anUnreachableApiIsRetriedThenFailsAsTransient() {
    ApiServer closed = new ApiServer();
    String url = closed.url();
    closed.close();
    DeclarativeSource source = source("");

    assertThatThrownBy(() -> source.read(Json.object().put("base_url", url).put("api_key", SECRET),
        new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(AirbyteStream.of("items",
            Json.parse("{\"type\":\"object\",\"properties\":{}}"), List.of(SyncMode.FULL_REFRESH)),
            SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND))), List.of(), new RecordingOutput()))
        .isInstanceOf(ConnectorException.class)
        .satisfies(e -> assertThat(((ConnectorException) e).kind()).isEqualTo(ConnectorException.Kind.TRANSIENT))
        .hasMessageContaining("after 5 retries").hasMessageContaining("ConnectException")
        .hasMessageNotContaining(SECRET);
    assertThat(sleeper.waits).hasSize(5);
  }

  @Test
  void aFailedStatusLetThroughAsSuccessGivesNoRecords() throws Exception {
    api.respond(404, "{\"data\": [{\"id\": 1}]}");

    RecordingOutput output = read(source("""
        error_handler:
          type: DefaultErrorHandler
          response_filters:
            - type: HttpResponseFilter
              action: SUCCESS
              http_codes: [404]
        """));

    assertThat(output.rows(StreamDescriptor.of("items"))).isEmpty();
  }

  @Test
  void waitTimeFromHeaderReadsTheHeaderWithItsRegex() throws Exception {
    api.respond(429, "{}", "X-Wait: 3.5; burst=10");
    api.json("{\"data\": []}");

    read(source("""
        error_handler:
          type: DefaultErrorHandler
          backoff_strategies:
            - type: WaitTimeFromHeader
              header: X-Wait
              regex: "[0-9.]+"
        """));

    assertThat(sleeper.waits).containsExactly(Duration.ofMillis(3500));
  }

  @Test
  void waitTimeFromHeaderRefusesWaitsBeyondItsCap() {
    api.respond(429, "{}", "Retry-After: 120");

    assertThatThrownBy(() -> read(source("""
        error_handler:
          type: DefaultErrorHandler
          backoff_strategies:
            - type: WaitTimeFromHeader
              header: Retry-After
              max_waiting_time_in_seconds: 60
        """))).isInstanceOf(ConnectorException.class).hasMessageContaining("longer than the connector is allowed");
  }

  @Test
  void waitUntilTimeFromHeaderWaitsUntilTheResetTime() throws Exception {
    long reset = TestSources.NOW.getEpochSecond() + 30;
    api.respond(429, "{}", "X-RateLimit-Reset: " + reset);
    api.json("{\"data\": []}");

    read(source("""
        error_handler:
          type: DefaultErrorHandler
          backoff_strategies:
            - type: WaitUntilTimeFromHeader
              header: X-RateLimit-Reset
              min_wait: 5
        """));

    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void exponentialBackoffDoublesFromItsFactor() throws Exception {
    api.respond(503, "{}").respond(503, "{}").json("{\"data\": []}");

    read(source("""
        error_handler:
          type: DefaultErrorHandler
          backoff_strategies:
            - type: ExponentialBackoffStrategy
              factor: 3
        """));

    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(6));
  }

  @Test
  void aCompositeHandlerTakesTheFirstVerdictThatLetsTheReadGoOn() throws Exception {
    api.respond(409, "{}").json("{\"data\": [{\"id\": 1}]}");

    RecordingOutput output = read(source("""
        error_handler:
          type: CompositeErrorHandler
          error_handlers:
            - type: DefaultErrorHandler
              response_filters:
                - type: HttpResponseFilter
                  action: FAIL
                  http_codes: [401]
            - type: DefaultErrorHandler
              backoff_strategies:
                - type: ConstantBackoffStrategy
                  backoff_time_in_seconds: 1
              response_filters:
                - type: HttpResponseFilter
                  action: RETRY
                  http_codes: [409]
        """));

    assertThat(output.rows(StreamDescriptor.of("items"))).hasSize(1);
    assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void anInterruptDuringAWaitEndsTheReadAtOnce() throws Exception {
    api.respond(429, "{}", "Retry-After: 3600");
    DeclarativeSource source = TestSources.load(TestManifests.stream("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: []
        """), duration -> Thread.sleep(duration));
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread reader = Thread.ofVirtual().start(() -> {
      try {
        AirbyteStream stream = AirbyteStream.of("items", Json.parse("{\"type\":\"object\",\"properties\":{}}"),
            List.of(SyncMode.FULL_REFRESH));
        source.read(Json.object().put("base_url", api.url()), new ConfiguredAirbyteCatalog(List.of(
            ConfiguredAirbyteStream.of(stream, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND))), List.of(),
            new RecordingOutput());
      } catch (Throwable e) {
        outcome.set(e);
      }
    });
    api.take();
    Thread.sleep(200);

    reader.interrupt();

    assertThat(reader.join(Duration.ofSeconds(2))).isTrue();
    assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
  }
}
