package dev.gale.connector.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.connector.Destination;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Destinations for testing the writing part of the contract suite: one that keeps tables in memory and can be read
 * back, and one that replaces an overwritten table before the sync completes. {@link ContractSuiteTest} runs the
 * suite against both.
 */
final class WriteFixtures {
  private WriteFixtures() {}

  /** Tables in memory; appends land at flush, overwrites are staged at flush and swapped in at complete. */
  static class MemoryDestination implements Destination {
    final Map<StreamDescriptor, List<Object[]>> tables = new ConcurrentHashMap<>();

    @Override
    public ConnectorDescriptor descriptor() {
      return new ConnectorDescriptor(UUID.fromString("00000000-0000-0000-0000-0000000000d1"),
          ConnectorDescriptor.Kind.DESTINATION, "Memory fixture", "gale/destination-memory-fixture", "0.1.0",
          "https://docs.example.com", null, ConnectorDescriptor.ReleaseStage.ALPHA,
          ConnectorDescriptor.SupportLevel.NONE, null);
    }

    @Override
    public ConnectorCapabilities capabilities() {
      return ConnectorCapabilities.destination(DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE);
    }

    @Override
    public ConnectorSpecification spec() {
      return ConnectorSpecification.of("https://docs.example.com", ContractFixtures.CONFIG.toJsonSchema())
          .withSupportedDestinationSyncModes(List.of(DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE));
    }

    @Override
    public AirbyteConnectionStatus check(JsonNode config) {
      try {
        usable(config);
        return AirbyteConnectionStatus.succeeded();
      } catch (ConnectorException e) {
        return AirbyteConnectionStatus.failed(e.getMessage());
      }
    }

    @Override
    public DestinationWriter open(JsonNode config, ConfiguredAirbyteCatalog catalog, WriteContext context) {
      usable(config);
      ConfiguredAirbyteStream stream = catalog.streams().getFirst();
      boolean overwrite = stream.destinationSyncMode() == DestinationSyncMode.OVERWRITE;
      List<Object[]> table = tables.computeIfAbsent(stream.descriptor(), s -> new ArrayList<>());
      return new DestinationWriter() {
        private final List<Object[]> buffer = new ArrayList<>();
        private final List<Object[]> staged = new ArrayList<>();

        @Override
        public void write(RecordBatch batch) {
          buffer.addAll(batch.rows());
        }

        @Override
        public void flush() {
          if (overwrite) {
            staged.addAll(buffer);
            flushedOverwrite(stream.descriptor(), staged);
          } else {
            table.addAll(buffer);
          }
          buffer.clear();
        }

        @Override
        public void complete() {
          if (overwrite) {
            tables.put(stream.descriptor(), new ArrayList<>(staged));
          }
        }

        @Override
        public void close() {
          context.log().accept(LogLevel.INFO, "closed " + stream.descriptor());
        }
      };
    }

    /** An overwrite has staged these rows; a correct destination leaves the table alone until complete. */
    void flushedOverwrite(StreamDescriptor stream, List<Object[]> staged) {}

    private static void usable(JsonNode config) {
      if (ContractFixtures.CONFIG.read(config).get(ContractFixtures.API_KEY).startsWith("bad")) {
        throw new ConnectorException("the store rejected the API key");
      }
    }
  }

  /** Replaces the table as soon as an overwrite flushes: a failed sync loses the previous data. */
  static class EagerOverwriteDestination extends MemoryDestination {
    @Override
    void flushedOverwrite(StreamDescriptor stream, List<Object[]> staged) {
      tables.put(stream, new ArrayList<>(staged));
    }
  }

  abstract static class WriteFixtureContract extends DestinationContract {
    private final MemoryDestination destination = destination();

    abstract MemoryDestination destination();

    @Override
    protected Destination connector() {
      return destination;
    }

    @Override
    protected boolean hasBehavior(DestinationBehavior behavior) {
      return behavior == DestinationBehavior.READ_BACK;
    }

    @Override
    protected List<Object[]> readBack(JsonNode config, StreamDescriptor stream) {
      return List.copyOf(destination.tables.getOrDefault(stream, List.of()));
    }

    @Override
    protected JsonNode validConfig() {
      return Json.object().put("api_key", "good-key");
    }

    @Override
    protected JsonNode invalidConfig() {
      return Json.object().put("api_key", "bad-" + ContractFixtures.SECRET);
    }

    @Override
    protected ConnectorRegistry registry() {
      return ConnectorRegistry.of(List.of(connector()));
    }
  }

  static class MemoryDestinationFixture extends WriteFixtureContract {
    @Override
    MemoryDestination destination() {
      return new MemoryDestination();
    }
  }

  static class EagerOverwriteFixture extends WriteFixtureContract {
    @Override
    MemoryDestination destination() {
      return new EagerOverwriteDestination();
    }
  }
}
