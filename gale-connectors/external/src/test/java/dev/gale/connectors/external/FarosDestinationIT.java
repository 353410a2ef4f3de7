package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.Source;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.ValueType;
import dev.gale.connector.data.WriteContext;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.engine.EngineOptions;
import dev.gale.engine.ReplicationEngine;
import dev.gale.engine.ReplicationListener;
import dev.gale.engine.ReplicationRequest;
import dev.gale.engine.ReplicationResult;
import dev.gale.engine.StreamMapping;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real third-party destination from npm, Faros AI's {@code airbyte-faros-destination}, driven by Gale. Its
 * {@code dry_run} mode converts and counts records without any network; records are converted by a JSONata
 * expression (the destination's own fallback for streams without a built-in converter).
 */
@Timeout(180)
class FarosDestinationIT {
  /** Faros reads a stream's source from the part of its name before "__", as Airbyte stream prefixes give it. */
  static final String PREFIX = "gale__";
  static final JsonNode DRY_RUN = Json.parse("""
      {"dry_run": true, "origin": "gale", "edition_configs": {},
       "jsonata_expression": "stream = 'gale__users' ? {'vcs_User': {'uid': $string(data.id), 'name': data.name}}",
       "jsonata_destination_models": ["vcs_User"]}
      """);

  static ExternalDestination faros() {
    return ExternalDestination.load(Scripts.destination("faros"),
        NpmPackages.node("faros-destination.js").withNoMessageTimeout(Duration.ofSeconds(60)));
  }

  @Test
  void specDeclaresItsRealOptionsAndSyncModes() {
    ExternalDestination destination = faros();

    JsonNode properties = destination.spec().connectionSpecification().path("properties");
    assertThat(properties.path("dry_run").path("type").asText()).isEqualTo("boolean");
    assertThat(properties.path("invalid_record_strategy").path("enum")).extracting(JsonNode::asText)
        .containsExactly("FAIL", "SKIP");
    assertThat(properties.at("/edition_configs/oneOf/1/properties/api_key/airbyte_secret").asBoolean()).isTrue();
    assertThat(destination.capabilities().destinationSyncModes()).contains(DestinationSyncMode.APPEND,
        DestinationSyncMode.OVERWRITE);
  }

  @Test
  void checkSucceedsOnADryRunAndFailsWithItsReasonOnAConfigItRefuses() {
    ExternalDestination destination = faros();
    ObjectNode refused = DRY_RUN.deepCopy();
    refused.put("invalid_record_strategy", "SOMETIMES");

    assertThat(destination.check(DRY_RUN)).isEqualTo(AirbyteConnectionStatus.succeeded());
    AirbyteConnectionStatus failed = destination.check(refused);
    assertThat(failed.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(failed.message()).contains("Invalid strategy SOMETIMES");
  }

  @Test
  void itConvertsTheRecordsGaleWritesAndReportsThemWhenTheInputEnds() throws Exception {
    RecordSchema users = new RecordSchema(StreamDescriptor.of(PREFIX + "users"),
        List.of(new Column("id", ValueType.INTEGER), new Column("name", ValueType.STRING)));
    RecordSchema products = new RecordSchema(StreamDescriptor.of(PREFIX + "products"),
        List.of(new Column("id", ValueType.INTEGER)));
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(Stream.of(users, products)
        .map(schema -> ConfiguredAirbyteStream.of(AirbyteStream.of(schema.stream().name(),
            Json.parse("{\"type\":\"object\"}"), List.of(SyncMode.FULL_REFRESH)), SyncMode.FULL_REFRESH,
            DestinationSyncMode.APPEND))
        .toList());
    List<String> logs = new ArrayList<>();

    try (DestinationWriter writer = faros().open(DRY_RUN, catalog, new WriteContext(13, (level, line) -> {
      synchronized (logs) {
        logs.add(level + " " + line);
      }
    }))) {
      writer.write(batch(users, 250, id -> new Object[] {id, "user " + id}));
      writer.write(batch(products, 40, id -> new Object[] {id}));
      writer.complete();
    }

    // Its own report at the end of the write: every record read, the users converted by the JSONata expression.
    synchronized (logs) {
      assertThat(logs).contains("INFO Read 290 records", "INFO Would write 250 records",
          "INFO Would write records by model: {\"vcs_User\":250}", "INFO Errored 0 records");
    }
  }

  /**
   * Through the engine. Faros echoes only the last state it got, and only once its input has ended (it writes a sync
   * as one revision). The engine flushes at every checkpoint here and never waits for an echo: it commits the
   * source's states once Faros's single echo has acknowledged every flush, after its input ended.
   */
  @Test
  void theSampleSourceIntoFarosThroughTheEngineCommitsOnceFarosEchoedTheLastState() throws Exception {
    Source sample = new SampleDataSource();
    JsonNode sampleConfig = Json.parse("{\"count\":300,\"seed\":1,\"records_per_slice\":100}");
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(sample.discover(sampleConfig).streams().stream()
        .map(stream -> ConfiguredAirbyteStream.of(stream, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND))
        .toList());
    ExternalDestination faros = ExternalDestination.load(Scripts.destination("faros"),
        NpmPackages.node("faros-destination.js").withNoMessageTimeout(Duration.ofSeconds(20)));
    Listener listener = new Listener();

    // A flush at every checkpoint: each sends Faros a state it keeps without echoing.
    ReplicationResult result = new ReplicationEngine(EngineOptions.defaults().withFlushInterval(Duration.ZERO))
        .start(new ReplicationRequest(sample, sampleConfig, faros, DRY_RUN, catalog,
            new StreamMapping(StreamMapping.NamespaceDefinition.SOURCE, null, PREFIX, Map.of()), List.of(), 7),
            listener)
        .await(Duration.ofSeconds(150)).orElseThrow();

    assertThat(result.failure()).isEmpty();
    long sent = result.totals().total().recordsCommitted();
    assertThat(sent).isPositive();
    assertThat(listener.logs()).contains("INFO destination: Read " + sent + " records",
        "INFO destination: Would write 300 records",
        "INFO destination: Would write records by model: {\"vcs_User\":300}",
        "INFO destination: Errored 0 records");
    assertThat(listener.committed()).isNotEmpty()
        .extracting(state -> state.stream().streamDescriptor().name()).contains("users", "products", "purchases");
  }

  private static RecordBatch batch(RecordSchema schema, int rows, LongFunction<Object[]> row) {
    RecordBatch.Builder builder = RecordBatch.builder(schema, rows);
    for (long id = 1; id <= rows; id++) {
      builder.add(row.apply(id));
    }
    return builder.build(Instant.ofEpochMilli(1_700_000_000_000L));
  }

  /** Keeps committed states and log lines. */
  static final class Listener implements ReplicationListener {
    private final List<AirbyteStateMessage> committed = new ArrayList<>();
    private final List<String> logs = new ArrayList<>();

    @Override
    public synchronized void commitState(AirbyteStateMessage state) {
      committed.add(state);
    }

    @Override
    public synchronized void log(LogLevel level, String message) {
      logs.add(level + " " + message);
    }

    synchronized List<AirbyteStateMessage> committed() {
      return List.copyOf(committed);
    }

    synchronized List<String> logs() {
      return List.copyOf(logs);
    }
  }
}
