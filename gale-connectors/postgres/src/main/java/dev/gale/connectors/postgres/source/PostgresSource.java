package dev.gale.connectors.postgres.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Source;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connectors.postgres.PostgresIcon;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gale's counterpart of Airbyte's {@code airbyte/source-postgres} in Standard mode: tables and views of the chosen
 * schemas as streams, read with binary COPY. It takes Airbyte's configuration and definition id, so Airbyte clients
 * and exported connections find it where they expect it, and its incremental state has Airbyte's shape.
 */
public final class PostgresSource implements Source {
  /** Airbyte's definition id of source-postgres. */
  public static final UUID DEFINITION_ID = UUID.fromString("decd338e-5647-4c0b-adf4-da0e75f5a750");
  static final String DOCUMENTATION_URL = "https://docs.airbyte.com/integrations/sources/postgres";
  static final int BATCH_ROWS = 4096;
  static final long CHECKPOINT_ROWS = 100_000;

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(DEFINITION_ID,
      ConnectorDescriptor.Kind.SOURCE, "Postgres", "airbyte/source-postgres", "3.7.0", DOCUMENTATION_URL,
      PostgresIcon.SVG, ConnectorDescriptor.ReleaseStage.GENERALLY_AVAILABLE,
      ConnectorDescriptor.SupportLevel.CERTIFIED, ConnectorDescriptor.SourceType.DATABASE);
  private static final ConnectorCapabilities CAPABILITIES =
      ConnectorCapabilities.source(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);

  private final long checkpointRows;

  public PostgresSource() {
    this(CHECKPOINT_ROWS);
  }

  /** A source that checkpoints every {@code checkpointRows} rows (at the next cursor change); for tests. */
  PostgresSource(long checkpointRows) {
    this.checkpointRows = checkpointRows;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ConnectorSpecification spec() {
    return ConnectorSpecification.of(DOCUMENTATION_URL, PostgresSourceConfig.SCHEMA.toJsonSchema())
        .withSupportsIncremental(true);
  }

  /** Connects and reads: the catalog of the configured schemas must be readable. */
  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    try {
      discover(config);
      return AirbyteConnectionStatus.succeeded();
    } catch (ConnectorException e) {
      return AirbyteConnectionStatus.failed(e.getMessage());
    }
  }

  @Override
  public AirbyteCatalog discover(JsonNode config) {
    PostgresSourceConfig source = PostgresSourceConfig.read(config);
    try (Connection connection = source.connection().open()) {
      return new AirbyteCatalog(SourceCatalog.tables(connection, source.schemas()).stream()
          .map(SourceTable::stream).toList());
    } catch (SQLException e) {
      throw new ConnectorException("Cannot list the tables of " + source.schemas() + ": " + e.getMessage());
    }
  }

  @Override
  public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state,
                   SourceOutput output) throws InterruptedException {
    PostgresSourceConfig source = PostgresSourceConfig.read(config);
    Map<StreamDescriptor, JsonNode> streamStates = streamStates(state);
    try (Connection connection = source.connection().open()) {
      prepare(connection);
      StreamReader reader = new StreamReader(connection, output, BATCH_ROWS, checkpointRows);
      for (ConfiguredAirbyteStream stream : catalog.streams()) {
        // Each stream in its own snapshot: the tie count and the rows it is compared with must agree.
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        reader.read(stream, source.schemas().getFirst(), streamStates.get(stream.descriptor()));
        connection.commit();
        connection.setAutoCommit(true);
      }
    } catch (SQLException | IOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("the read was cancelled");
      }
      throw new ConnectorException("Cannot read from " + source.connection().database() + ": " + e.getMessage(), e);
    }
  }

  // Cursor literals are written with doubled quotes, which needs standard strings whatever the server's default.
  private static void prepare(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET standard_conforming_strings = on");
      connection.setReadOnly(true);
    }
  }

  private static Map<StreamDescriptor, JsonNode> streamStates(List<AirbyteStateMessage> state) {
    Map<StreamDescriptor, JsonNode> states = new HashMap<>();
    for (AirbyteStateMessage message : state) {
      if (message.type() == AirbyteStateType.STREAM) {
        states.put(message.stream().streamDescriptor(), message.stream().streamState());
      }
    }
    return states;
  }
}
