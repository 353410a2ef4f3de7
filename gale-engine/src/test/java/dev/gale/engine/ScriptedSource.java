package dev.gale.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.Source;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connector.data.SyncEvents.Estimate;
import dev.gale.connector.data.SyncEvents.StreamStatus;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * A source for engine tests that follows a script: in each round it emits one batch of {@code rows} records per
 * stream (ids counting from 1, columns {@code id, name, price}); after every {@code checkpointEvery} rounds, and after
 * the last, a STREAM state {@code {"last_id": n}} per stream; after {@code failAfter} rounds (when positive) it throws
 * {@code failure}; after {@code stallAfter} rounds (when positive) it waits until interrupted, as a source waiting
 * for an API does; it sleeps {@code pause} between rounds, to read slowly. Before its first round it estimates each stream's rows ({@code rounds * rows}, bytes unknown) and
 * says each stream STARTED; after its last, COMPLETE. The script is the test's, so the configuration passed to
 * {@link #read} is not looked at.
 */
final class ScriptedSource implements Source {
  static final String SCHEMA = """
      {"type":"object","required":["id"],"properties":{"id":{"type":"integer"},"name":{"type":"string"},
       "price":{"type":"number"}}}""";

  record Script(String namespace, List<String> streams, int rounds, int rows, int checkpointEvery, int failAfter,
                RuntimeException failure, int stallAfter, Duration pause) {
    static Script of(int rounds, int rows, int checkpointEvery, String... streams) {
      return new Script(null, List.of(streams), rounds, rows, checkpointEvery, 0, null, 0, Duration.ZERO);
    }

    Script inNamespace(String newNamespace) {
      return new Script(newNamespace, streams, rounds, rows, checkpointEvery, failAfter, failure, stallAfter, pause);
    }

    Script failingAfter(int round, RuntimeException error) {
      return new Script(namespace, streams, rounds, rows, checkpointEvery, round, error, stallAfter, pause);
    }

    Script stallingAfter(int round) {
      return new Script(namespace, streams, rounds, rows, checkpointEvery, failAfter, failure, round, pause);
    }

    Script pausing(Duration betweenRounds) {
      return new Script(namespace, streams, rounds, rows, checkpointEvery, failAfter, failure, stallAfter,
          betweenRounds);
    }
  }

  private final Script script;

  ScriptedSource(Script script) {
    this.script = script;
  }

  /** The catalog of every stream, read in full refresh and appended. */
  ConfiguredAirbyteCatalog configuredCatalog() {
    return new ConfiguredAirbyteCatalog(discover(Json.object()).streams().stream()
        .map(stream -> ConfiguredAirbyteStream.of(stream, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND))
        .toList());
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return new ConnectorDescriptor(UUID.fromString("00000000-0000-0000-0000-0000000050c1"),
        ConnectorDescriptor.Kind.SOURCE, "Scripted (test)", "gale/source-scripted-test", "0.1.0",
        "https://docs.example.com", null, ConnectorDescriptor.ReleaseStage.ALPHA,
        ConnectorDescriptor.SupportLevel.NONE, ConnectorDescriptor.SourceType.CUSTOM);
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return ConnectorCapabilities.source(SyncMode.FULL_REFRESH);
  }

  @Override
  public ConnectorSpecification spec() {
    return ConnectorSpecification.of("https://docs.example.com", Json.object().put("type", "object"));
  }

  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    return AirbyteConnectionStatus.succeeded();
  }

  @Override
  public AirbyteCatalog discover(JsonNode config) {
    return new AirbyteCatalog(script.streams().stream()
        .map(name -> AirbyteStream.of(name, Json.parse(SCHEMA), List.of(SyncMode.FULL_REFRESH))
            .withNamespace(script.namespace()))
        .toList());
  }

  @Override
  public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state,
                   SourceOutput output) throws InterruptedException {
    List<RecordSchema> schemas = catalog.streams().stream()
        .map(stream -> RecordSchema.fromJsonSchema(stream.descriptor(), Json.parse(SCHEMA))).toList();
    for (RecordSchema schema : schemas) {
      output.estimate(Estimate.ofStream(schema.stream(), (long) script.rounds() * script.rows(), 0));
      output.streamStatus(schema.stream(), StreamStatus.STARTED);
    }
    for (int round = 1; round <= script.rounds(); round++) {
      long first = (long) (round - 1) * script.rows() + 1;
      for (RecordSchema schema : schemas) {
        RecordBatch.Builder batch = RecordBatch.builder(schema, script.rows());
        for (long id = first; id < first + script.rows(); id++) {
          batch.add(new Object[] {id, schema.stream().name() + " " + id, BigDecimal.valueOf(id, 2)});
        }
        output.emit(batch.build(Instant.now()));
      }
      if (round % script.checkpointEvery() == 0 || round == script.rounds()) {
        for (RecordSchema schema : schemas) {
          output.checkpoint(state(schema.stream(), (long) round * script.rows()));
        }
      }
      if (round == script.failAfter()) {
        throw script.failure();
      }
      if (round == script.stallAfter()) {
        new CountDownLatch(1).await();
      }
      if (script.pause().isPositive()) {
        Thread.sleep(script.pause());
      }
    }
    schemas.forEach(schema -> output.streamStatus(schema.stream(), StreamStatus.COMPLETE));
  }

  static AirbyteStateMessage state(StreamDescriptor stream, long lastId) {
    return AirbyteStateMessage.stream(stream, Json.object().put("last_id", lastId));
  }
}
