package dev.gale.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Source;
import dev.gale.connector.contract.CursorCuts.Cut;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link Source}, on top of {@link ConnectorContract}. The reading tests use {@link #validConfig()},
 * which must reach a little data (a few thousand records at most) in every stream.
 *
 * <p>Incremental tests cover the streams that offer {@code incremental} with a default top-level cursor; a source
 * without such streams passes them by having none.
 */
public abstract class SourceContract extends ConnectorContract {

  @Override
  protected abstract Source connector();

  @Test
  void descriptorSaysSourceWithASourceType() {
    ConnectorDescriptor descriptor = connector().descriptor();

    assertThat(descriptor.kind()).isEqualTo(ConnectorDescriptor.Kind.SOURCE);
    assertThat(descriptor.sourceType()).isNotNull();
  }

  @Test
  void capabilitiesNameSyncModesOnly() {
    assertThat(connector().capabilities().syncModes()).isNotEmpty();
    assertThat(connector().capabilities().destinationSyncModes()).isEmpty();
    assertThat(connector().spec().supportedDestinationSyncModes()).isNull();
  }

  @Test
  void discoverFindsStreamsWithSchemasAndSyncModes() {
    AirbyteCatalog catalog = connector().discover(validConfig());

    assertThat(catalog.streams()).isNotEmpty();
    Set<String> names = new HashSet<>();
    for (AirbyteStream stream : catalog.streams()) {
      assertThat(names.add(stream.descriptor().toString())).as("stream %s is unique", stream.name()).isTrue();
      JsonNode schema = stream.jsonSchema();
      assertThat(schema.path("type").asText()).as("%s json_schema type", stream.name()).isEqualTo("object");
      assertThat(schema.path("properties").isObject()).as("%s json_schema has properties", stream.name()).isTrue();
      assertThat(stream.supportedSyncModes()).as("%s sync modes", stream.name()).isNotEmpty()
          .isSubsetOf(connector().capabilities().syncModes());
      checkKeyFieldsExist(stream);
    }
  }

  @Test
  void discoverRejectsTheInvalidConfigWithAMessageWithoutSecrets() {
    assertThatThrownBy(() -> connector().discover(invalidConfig()))
        .isInstanceOf(ConnectorException.class)
        .satisfies(e -> assertNoSecretIn(e.getMessage(), invalidConfig()));
  }

  @Test
  void fullRefreshReadsEveryDiscoveredStream() throws Exception {
    AirbyteCatalog catalog = connector().discover(validConfig());

    RecordingOutput output = read(configure(catalog.streams(), false), List.of());

    for (RecordBatch batch : output.batches()) {
      assertThat(catalog.stream(batch.schema().stream())).as("stream %s is discovered", batch.schema().stream())
          .isPresent();
    }
    for (AirbyteStream stream : catalog.streams()) {
      assertThat(output.rows(stream.descriptor())).as("records of %s", stream.name()).isNotEmpty();
    }
  }

  @Test
  void everyValueHasTheJavaTypeOfItsColumnAndEveryColumnTheTypeOfItsProperty() throws Exception {
    AirbyteCatalog catalog = connector().discover(validConfig());

    RecordingOutput output = read(configure(catalog.streams(), false), List.of());

    for (RecordBatch batch : output.batches()) {
      JsonNode properties = catalog.stream(batch.schema().stream()).orElseThrow().jsonSchema().path("properties");
      List<Column> columns = batch.schema().columns();
      for (Column column : columns) {
        assertThat(properties.has(column.name())).as("%s.%s is in the JSON schema", batch.schema().stream(),
            column.name()).isTrue();
        assertThat(column.type()).as("type of %s.%s", batch.schema().stream(), column.name())
            .isEqualTo(ValueType.of(properties.get(column.name())));
      }
      for (Object[] row : batch.rows()) {
        assertThat(row).hasSize(columns.size());
        for (int i = 0; i < row.length; i++) {
          ValueType type = columns.get(i).type();
          assertThat(type.accepts(row[i])).as("%s.%s holds %s, a %s", batch.schema().stream(),
              columns.get(i).name(), row[i], type).isTrue();
        }
      }
    }
  }

  @Test
  void checkpointsComeAfterTheRecordsTheyCoverAndEndEveryIncrementalStream() throws Exception {
    List<ConfiguredAirbyteStream> incremental = incrementalStreams();

    RecordingOutput output = read(new ConfiguredAirbyteCatalog(incremental), List.of());

    for (ConfiguredAirbyteStream stream : incremental) {
      String cursor = stream.effectiveCursorField().getFirst();
      Object cut = null;
      Object highest = null;
      boolean endsWithCheckpoint = false;
      for (RecordingOutput.Event event : output.events()) {
        if (!event.concerns(stream.descriptor())) {
          continue;
        }
        switch (event) {
          case RecordingOutput.Batch batch -> {
            for (Object value : CursorCuts.cursorValues(batch, cursor)) {
              assertThat(cut == null || CursorCuts.compare(value, cut) >= 0)
                  .as("%s: cursor %s after a checkpoint that covers %s", stream.descriptor(), value, cut).isTrue();
              highest = highest == null || CursorCuts.compare(value, highest) > 0 ? value : highest;
            }
            endsWithCheckpoint = false;
          }
          case RecordingOutput.Checkpoint checkpoint -> {
            cut = highest;
            endsWithCheckpoint = true;
          }
        }
      }
      assertThat(endsWithCheckpoint).as("%s ends with a checkpoint after its last record", stream.descriptor())
          .isTrue();
    }
  }

  @Test
  void incrementalReadFromAnEmittedStateSkipsNothingAfterItAndReturnsNothingBeforeIt() throws Exception {
    List<ConfiguredAirbyteStream> incremental = incrementalStreams();
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(incremental);
    RecordingOutput first = read(catalog, List.of());

    for (ConfiguredAirbyteStream stream : incremental) {
      String cursor = stream.effectiveCursorField().getFirst();
      List<Cut> cuts = CursorCuts.of(first.events(), stream.descriptor(), cursor);
      assertThat(cuts).as("checkpoints of %s", stream.descriptor()).isNotEmpty();
      Cut middle = cuts.get(cuts.size() / 2);

      RecordingOutput resumed = read(new ConfiguredAirbyteCatalog(List.of(stream)), List.of(middle.state()));

      for (Object value : CursorCuts.cursorValues(resumed.events(), stream.descriptor(), cursor)) {
        assertThat(middle.highest() == null || CursorCuts.compare(value, middle.highest()) >= 0)
            .as("%s resumed from %s returned cursor %s", stream.descriptor(), Json.write(middle.state()), value)
            .isTrue();
      }
      // A state emitted before the records it claims to cover shows here: a resumed read skips them.
      List<String> key = keyColumns(stream);
      assertThat(new HashSet<>(CursorCuts.keys(resumed.events(), stream.descriptor(), key, null)))
          .as("%s resumed from %s returns every record read after that state", stream.descriptor(),
              Json.write(middle.state()))
          .containsAll(CursorCuts.keys(first.events(), stream.descriptor(), key, middle.state()));
    }
  }

  // The primary key's top-level fields identify a record across reads; without one, the cursor has to.
  private static List<String> keyColumns(ConfiguredAirbyteStream stream) {
    List<List<String>> primaryKey = stream.effectivePrimaryKey();
    return primaryKey.isEmpty() ? stream.effectiveCursorField() : primaryKey.stream().map(List::getFirst).toList();
  }

  @Test
  void anInterruptStopsTheReadPromptly() throws Exception {
    ConfiguredAirbyteCatalog catalog = configure(connector().discover(validConfig()).streams(), false);
    CountDownLatch handedOver = new CountDownLatch(1);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    // Blocks like an engine whose destination is behind, until the interrupt of a cancelled sync.
    SourceOutput stalled = new SourceOutput() {
      @Override
      public void emit(RecordBatch batch) throws InterruptedException {
        handedOver.countDown();
        new CountDownLatch(1).await();
      }

      @Override
      public void checkpoint(AirbyteStateMessage state) throws InterruptedException {
        emit(null);
      }

      @Override
      public void log(LogLevel level, String message) {}
    };
    Thread reader = Thread.ofVirtual().start(() -> {
      try {
        connector().read(validConfig(), catalog, List.of(), stalled);
        outcome.set(new AssertionError("read returned normally"));
      } catch (Throwable e) {
        outcome.set(e);
      }
    });

    assertThat(handedOver.await(30, TimeUnit.SECONDS)).as("the source emitted something").isTrue();
    reader.interrupt();

    assertThat(reader.join(java.time.Duration.ofSeconds(2))).as("the read ended within 2 s").isTrue();
    assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
  }

  @Test
  void readRejectsAStreamItDoesNotOfferWithAMessageWithoutSecrets() {
    AirbyteStream unknown = AirbyteStream.of("gale_contract_no_such_stream",
        Json.parse("{\"type\":\"object\",\"properties\":{}}"), List.of(SyncMode.FULL_REFRESH));
    ConfiguredAirbyteCatalog catalog = configure(List.of(unknown), false);

    assertThatThrownBy(() -> read(catalog, List.of()))
        .isInstanceOf(ConnectorException.class)
        .satisfies(e -> assertNoSecretIn(e.getMessage(), validConfig()));
  }

  /** Reads with {@link #validConfig()} into a new {@link RecordingOutput}. */
  protected final RecordingOutput read(ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state)
      throws InterruptedException {
    RecordingOutput output = new RecordingOutput();
    connector().read(validConfig(), catalog, state, output);
    return output;
  }

  /** Configures streams for a read: incrementally where asked and offered, else in full refresh. */
  protected static ConfiguredAirbyteCatalog configure(List<AirbyteStream> streams, boolean incremental) {
    List<ConfiguredAirbyteStream> configured = new ArrayList<>();
    for (AirbyteStream stream : streams) {
      boolean readIncrementally = incremental ? stream.supportedSyncModes().contains(SyncMode.INCREMENTAL)
          : !stream.supportedSyncModes().contains(SyncMode.FULL_REFRESH);
      configured.add(ConfiguredAirbyteStream.of(stream, readIncrementally ? SyncMode.INCREMENTAL
          : SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND));
    }
    return new ConfiguredAirbyteCatalog(configured);
  }

  /** The discovered streams the incremental tests read: incremental, with a default top-level cursor. */
  private List<ConfiguredAirbyteStream> incrementalStreams() {
    List<AirbyteStream> streams = connector().discover(validConfig()).streams().stream()
        .filter(stream -> stream.supportedSyncModes().contains(SyncMode.INCREMENTAL))
        .filter(stream -> stream.defaultCursorField() != null && stream.defaultCursorField().size() == 1)
        .toList();
    return configure(streams, true).streams();
  }

  private static void checkKeyFieldsExist(AirbyteStream stream) {
    JsonNode properties = stream.jsonSchema().path("properties");
    if (stream.sourceDefinedPrimaryKey() != null) {
      for (List<String> keyPath : stream.sourceDefinedPrimaryKey()) {
        assertThat(properties.has(keyPath.getFirst())).as("%s primary key %s in schema", stream.name(), keyPath)
            .isTrue();
      }
    }
    if (Boolean.TRUE.equals(stream.sourceDefinedCursor())) {
      assertThat(stream.supportedSyncModes()).contains(SyncMode.INCREMENTAL);
      assertThat(stream.defaultCursorField()).as("%s default cursor", stream.name()).isNotEmpty();
      assertThat(properties.has(stream.defaultCursorField().getFirst()))
          .as("%s cursor %s in schema", stream.name(), stream.defaultCursorField()).isTrue();
    }
  }
}
