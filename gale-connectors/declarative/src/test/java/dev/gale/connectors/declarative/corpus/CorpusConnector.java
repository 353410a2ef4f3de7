package dev.gale.connectors.declarative.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.contract.RecordingOutput;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.Manifests;
import dev.gale.connectors.declarative.TestRead;
import dev.gale.connectors.declarative.TestReadLimits;
import dev.gale.connectors.declarative.testing.TestInterpolations;
import dev.gale.connectors.declarative.testing.TestSources;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One connector of Airbyte's manifest corpus ({@code ../shared/reference/manifests}, named by the system property
 * {@code gale.airbyte.manifests}, which the gate in {@code .ci/run} sets): its real {@code manifest.yaml} and
 * {@code metadata.yaml}, loaded as Gale loads a catalog connector, with its requests answered by a {@link CorpusApi}.
 * Time stands still at {@link TestSources#NOW} (a test may move it, {@link #setNow}) and retries do not sleep, so that
 * requests and states are exact.
 */
final class CorpusConnector implements AutoCloseable {
  static final String PROPERTY = "gale.airbyte.manifests";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String folder;
  private final ConnectorDescriptor descriptor;
  private final DeclarativeSource source;
  private final CorpusApi api = new CorpusApi();
  private final MovableClock clock = new MovableClock();

  private CorpusConnector(String folder, ConnectorDescriptor descriptor, DeclarativeSource source) {
    this.folder = folder;
    this.descriptor = descriptor;
    this.source = source.withTransport(api.transport()).withClock(clock);
  }

  /** The corpus folder; fails when the gate's property is missing, since these tests mean nothing without it. */
  static Path corpus() {
    String directory = System.getProperty(PROPERTY);
    if (directory == null || !Files.isDirectory(Path.of(directory))) {
      throw new IllegalStateException("-D" + PROPERTY + " must name Airbyte's manifest corpus "
          + "(../shared/reference/manifests); .ci/run's gate sets it");
    }
    return Path.of(directory);
  }

  /** Loads {@code source-x} from the corpus, as a catalog connector with its metadata's identity. */
  static CorpusConnector open(String folder) throws IOException {
    Path directory = corpus().resolve(folder);
    JsonNode metadata = YAML.readTree(directory.resolve("metadata.yaml").toFile()).path("data");
    ConnectorDescriptor descriptor = new ConnectorDescriptor(UUID.fromString(metadata.path("definitionId").asText()),
        ConnectorDescriptor.Kind.SOURCE, metadata.path("name").asText(), metadata.path("dockerRepository").asText(),
        metadata.path("dockerImageTag").asText(), metadata.path("documentationUrl").asText(), null,
        ConnectorDescriptor.ReleaseStage.valueOf(metadata.path("releaseStage").asText("alpha")
            .toUpperCase(Locale.ROOT)),
        ConnectorDescriptor.SupportLevel.valueOf(metadata.path("supportLevel").asText("community")
            .toUpperCase(Locale.ROOT)),
        ConnectorDescriptor.SourceType.API);
    DeclarativeSource source = DeclarativeSource.load(descriptor,
        Manifests.parse(Files.readString(directory.resolve("manifest.yaml"))), TestInterpolations.get())
        .withSleeper(duration -> {});
    return new CorpusConnector(folder, descriptor, source);
  }

  /** Moves this connector's "now" (at first {@link TestSources#NOW}), for a read some time after another. */
  void setNow(Instant now) {
    clock.now = now;
  }

  /** A clock standing still at a time a test can move. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = TestSources.NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  String folder() {
    return folder;
  }

  ConnectorDescriptor descriptor() {
    return descriptor;
  }

  DeclarativeSource source() {
    return source;
  }

  CorpusApi api() {
    return api;
  }

  AirbyteConnectionStatus check(String config) {
    return source.check(Json.parse(config));
  }

  /**
   * The records of one stream as JSON after selection and transformations, before typing, read from the start by a
   * test read (Airbyte's builder's) with room for every page and slice. For streams whose schema declares few or no
   * properties: a sync read's rows keep only the schema's columns. Its requests reach {@link #api()} as any others;
   * a read that fails or stops at a limit fails the test.
   */
  List<JsonNode> jsonRecords(String config, String stream) throws InterruptedException {
    TestRead read = source.testRead(Json.parse(config), stream, List.of(),
        new TestReadLimits(100_000, 1_000, 1_000, 1_000_000));
    List<TestRead.LogLine> errors = read.logs().stream().filter(line -> line.level().equals("ERROR")).toList();
    if (!errors.isEmpty() || read.limitReached()) {
      throw new AssertionError("the test read of " + stream + " did not finish: " + errors);
    }
    return read.records();
  }

  AirbyteCatalog discover(String config) {
    return source.discover(Json.parse(config));
  }

  /** Reads {@code streams} (every stream when none) from {@code state}, incrementally where a stream can. */
  Read read(String config, List<AirbyteStateMessage> state, String... streams) throws InterruptedException {
    RecordingOutput output = new RecordingOutput();
    source.read(Json.parse(config), catalog(config, streams), state, output);
    return new Read(output);
  }

  /**
   * Reads {@code streams} (every stream when none) expecting the read to fail: its error, and what it handed over
   * before, logs included, so that a test can look for secrets in both.
   */
  Failure readFailing(String config, String... streams) throws InterruptedException {
    RecordingOutput output = new RecordingOutput();
    try {
      source.read(Json.parse(config), catalog(config, streams), List.of(), output);
    } catch (ConnectorException e) {
      return new Failure(e, new Read(output));
    }
    throw new AssertionError(folder + ": the read of " + List.of(streams) + " did not fail");
  }

  /** A read that failed: the error and what was handed over until then. */
  record Failure(ConnectorException error, Read read) {}

  private ConfiguredAirbyteCatalog catalog(String config, String... streams) {
    AirbyteCatalog catalog = discover(config);
    List<ConfiguredAirbyteStream> configured = new ArrayList<>();
    for (AirbyteStream stream : catalog.streams()) {
      if (streams.length == 0 || List.of(streams).contains(stream.name())) {
        boolean incremental = stream.supportedSyncModes().contains(SyncMode.INCREMENTAL);
        configured.add(ConfiguredAirbyteStream.of(stream, incremental ? SyncMode.INCREMENTAL : SyncMode.FULL_REFRESH,
            DestinationSyncMode.APPEND));
      }
    }
    if (configured.size() != Math.max(streams.length, configured.size()) || configured.isEmpty()) {
      throw new AssertionError(folder + " has no stream among " + List.of(streams));
    }
    return new ConfiguredAirbyteCatalog(configured);
  }

  /** What a read handed over. */
  record Read(RecordingOutput output) {
    /** The records of a stream, each as its columns' typed values by name (nulls kept). */
    List<Map<String, Object>> records(String stream) {
      List<Map<String, Object>> records = new ArrayList<>();
      for (RecordBatch batch : output.batches()) {
        if (batch.schema().stream().name().equals(stream)) {
          List<Column> columns = batch.schema().columns();
          for (Object[] row : batch.rows()) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
              record.put(columns.get(i).name(), row[i]);
            }
            records.add(record);
          }
        }
      }
      return records;
    }

    /** The checkpoints, in order. */
    List<AirbyteStateMessage> states() {
      return output.checkpoints();
    }

    /** The last state message of each stream, as a platform hands them to the next read. */
    List<AirbyteStateMessage> lastStates() {
      Map<String, AirbyteStateMessage> last = new LinkedHashMap<>();
      for (AirbyteStateMessage state : states()) {
        if (state.stream() != null) {
          last.put(state.stream().streamDescriptor().name(), state);
        }
      }
      return List.copyOf(last.values());
    }

    /** The last state of a stream, as its JSON. */
    JsonNode lastState(String stream) {
      return states().reversed().stream()
          .filter(state -> state.stream() != null && state.stream().streamDescriptor().name().equals(stream))
          .map(state -> Json.tree(state.stream().streamState()))
          .findFirst().orElseThrow(() -> new AssertionError("no state of " + stream));
    }

    List<String> logs() {
      return output.logs();
    }
  }

  @Override
  public void close() {
    api.close();
  }
}
