package dev.gale.connector.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Source;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.time.Instant;
import java.util.List;

/**
 * Incremental sources for testing the reading part of the contract suite: one that keeps it, one that checkpoints
 * before the records it claims, one that swallows the interrupt of a cancelled sync. {@link ContractSuiteTest} runs
 * the suite against each.
 */
final class ReadFixtures {
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}";

  private ReadFixtures() {}

  /** Stream {@code events}: ids 1 to 9 in batches of three, the cursor being the id, a checkpoint per batch. */
  static class EventsSource extends ContractFixtures.FixtureSource {
    @Override
    public ConnectorCapabilities capabilities() {
      return ConnectorCapabilities.source(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    }

    @Override
    public AirbyteCatalog discover(JsonNode config) {
      readUsable(config);
      return new AirbyteCatalog(List.of(AirbyteStream.of("events", Json.parse(SCHEMA),
              List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL))
          .withSourceDefinedCursor(List.of("id")).withSourceDefinedPrimaryKey(List.of(List.of("id")))));
    }

    @Override
    public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state,
                     SourceOutput output) throws InterruptedException {
      readUsable(config);
      for (ConfiguredAirbyteStream stream : catalog.streams()) {
        AirbyteStream offered = discover(config).stream(stream.descriptor())
            .orElseThrow(() -> new ConnectorException("there is no stream " + stream.descriptor()));
        RecordSchema schema = RecordSchema.fromJsonSchema(offered.descriptor(), offered.jsonSchema());
        long after = stream.syncMode() == SyncMode.INCREMENTAL && !state.isEmpty()
            ? state.getFirst().stream().streamState().get("id").asLong() : 0;
        for (long first = after + 1; first <= 9; first += 3) {
          RecordBatch.Builder batch = RecordBatch.builder(schema, 3);
          for (long id = first; id < first + 3 && id <= 9; id++) {
            batch.add(new Object[] {id});
          }
          hand(output, batch.build(Instant.now()),
              AirbyteStateMessage.stream(schema.stream(), Json.object().put("id", Math.min(first + 2, 9))));
        }
      }
    }

    void hand(SourceOutput output, RecordBatch batch, AirbyteStateMessage covering) throws InterruptedException {
      output.emit(batch);
      output.checkpoint(covering);
    }
  }

  /** Emits each checkpoint before its batch (and a last one at the end): a resumed read loses records. */
  static class EarlyCheckpointSource extends EventsSource {
    @Override
    void hand(SourceOutput output, RecordBatch batch, AirbyteStateMessage covering) throws InterruptedException {
      output.checkpoint(covering);
      output.emit(batch);
      if (covering.stream().streamState().get("id").asLong() == 9) {
        output.checkpoint(covering);
      }
    }
  }

  /** Treats the interrupt of a cancelled sync as something to get past. */
  static class DeafSource extends EventsSource {
    @Override
    void hand(SourceOutput output, RecordBatch batch, AirbyteStateMessage covering) {
      try {
        output.emit(batch);
        output.checkpoint(covering);
      } catch (InterruptedException e) {
        // The mistake under test: carrying on.
      }
    }
  }

  static class EventsSourceFixture extends ContractFixtures.FixtureContract {
    @Override
    protected Source connector() {
      return new EventsSource();
    }
  }

  static class EarlyCheckpointFixture extends ContractFixtures.FixtureContract {
    @Override
    protected Source connector() {
      return new EarlyCheckpointSource();
    }
  }

  static class DeafSourceFixture extends ContractFixtures.FixtureContract {
    @Override
    protected Source connector() {
      return new DeafSource();
    }
  }
}
