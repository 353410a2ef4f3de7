package dev.gale.connectors.declarative.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.contract.RecordingOutput;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.TestRead;
import dev.gale.connectors.declarative.TestReadLimits;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.connectors.declarative.testing.TestManifests;
import dev.gale.connectors.declarative.testing.TestSources;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A sync fetches a slice's next page while it types this one: pages of 1,000 records (a batch), so that the first
 * batch is handed over while the second page is on its way.
 */
class SyncReadAheadTest {
  private static final int PAGE = 1_000;
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  private static DeclarativeSource source() {
    return TestSources.load(TestManifests.stream("""
        retriever:
          type: SimpleRetriever
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: items
          record_selector:
            type: RecordSelector
            extractor:
              type: DpathExtractor
              field_path: [data]
          paginator:
            type: DefaultPaginator
            page_token_option:
              type: RequestOption
              inject_into: request_parameter
              field_name: page
            pagination_strategy:
              type: PageIncrement
              page_size: %d
              start_from_page: 1
              inject_on_first_request: true
        """.formatted(PAGE)));
  }

  private static String page(int first, int count) {
    return IntStream.range(first, first + count).mapToObj(id -> "{\"id\": " + id + "}")
        .collect(Collectors.joining(", ", "{\"data\": [", "]}"));
  }

  private static ConfiguredAirbyteCatalog catalog() {
    AirbyteStream stream = AirbyteStream.of("items", Json.parse("{\"type\":\"object\",\"properties\":{}}"),
        List.of(SyncMode.FULL_REFRESH));
    return new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(stream, SyncMode.FULL_REFRESH,
        DestinationSyncMode.APPEND)));
  }

  private String config() {
    return "{\"base_url\": \"" + api.url() + "\"}";
  }

  private static String pageOf(RecordedRequest request) {
    return request.getUrl().queryParameter("page");
  }

  @Test
  void fetchesTheNextPageWhileThisOneIsHandedOverKeepingPagesInOrder() throws Exception {
    api.json(page(1, PAGE)).json(page(PAGE + 1, PAGE)).json(page(2 * PAGE + 1, 5));
    RecordingOutput recording = new RecordingOutput();
    List<Integer> requestsAtEachBatch = new ArrayList<>();
    SourceOutput output = new Forwarding(recording) {
      @Override
      public void emit(RecordBatch batch) throws InterruptedException {
        // The first batch is page 1's records: page 2 is asked for before it is handed over.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (api.requestCount() < 2 && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        requestsAtEachBatch.add(api.requestCount());
        super.emit(batch);
      }
    };

    source().read(TestSources.config(config()), catalog(), List.of(), output);

    assertThat(requestsAtEachBatch.getFirst()).isGreaterThanOrEqualTo(2);
    assertThat(api.takeAll()).extracting(SyncReadAheadTest::pageOf).containsExactly("1", "2", "3");
    assertThat(recording.rows(StreamDescriptor.of("items"))).extracting(row -> row[0])
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 2 * PAGE + 5).boxed().toList());
  }

  @Test
  void aFailureOfTheNextPageComesAfterThisPagesRecords() throws Exception {
    api.json(page(1, PAGE)).respond(400, "{\"message\": \"page 2 is gone\"}");
    RecordingOutput output = new RecordingOutput();

    assertThatThrownBy(() -> source().read(TestSources.config(config()), catalog(), List.of(), output))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("page=2")
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("page 2 is gone");

    assertThat(output.rows(StreamDescriptor.of("items"))).hasSize(PAGE);
    assertThat(api.takeAll()).extracting(SyncReadAheadTest::pageOf).containsExactly("1", "2");
  }

  @Test
  void aCancelledSyncStopsTheFetchAhead() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch secondAsked = new CountDownLatch(1);
    String first = page(1, PAGE);
    api.dispatch(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if ("1".equals(pageOf(request))) {
          return new MockResponse.Builder().code(200).body(first).build();
        }
        secondAsked.countDown();
        release.await(10, TimeUnit.SECONDS);
        return new MockResponse.Builder().code(200).body(page(PAGE + 1, 1)).build();
      }
    });
    SourceOutput cancelled = new Forwarding(new RecordingOutput()) {
      @Override
      public void emit(RecordBatch batch) throws InterruptedException {
        secondAsked.await(5, TimeUnit.SECONDS);
        throw new InterruptedException("the sync was cancelled");
      }
    };

    try {
      assertThatThrownBy(() -> source().read(TestSources.config(config()), catalog(), List.of(), cancelled))
          .isInstanceOf(InterruptedException.class);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (prefetchThreads() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(prefetchThreads()).isZero();
    } finally {
      release.countDown();
    }
  }

  @Test
  void aTestReadAsksForNoPageBeyondItsLimit() throws Exception {
    api.json(page(1, PAGE)).json(page(PAGE + 1, PAGE)).json(page(2 * PAGE + 1, PAGE));

    TestRead read = source().testRead(TestSources.config(config()), "items", List.of(),
        new TestReadLimits(10 * PAGE, 1, 1, 1_000_000));

    assertThat(read.logs()).noneMatch(line -> line.level().equals("ERROR"));
    Thread.sleep(200);
    assertThat(api.requestCount()).isEqualTo(1);
  }

  private static long prefetchThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().endsWith("-next-page") && thread.isAlive()).count();
  }

  /** Hands everything to another output; tests override what they watch. */
  private static class Forwarding implements SourceOutput {
    private final SourceOutput target;

    Forwarding(SourceOutput target) {
      this.target = target;
    }

    @Override
    public void emit(RecordBatch batch) throws InterruptedException {
      target.emit(batch);
    }

    @Override
    public void checkpoint(AirbyteStateMessage state) throws InterruptedException {
      target.checkpoint(state);
    }

    @Override
    public void log(LogLevel level, String message) {
      target.log(level, message);
    }
  }
}
