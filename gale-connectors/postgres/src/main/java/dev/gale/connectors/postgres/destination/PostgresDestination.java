package dev.gale.connectors.postgres.destination;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Destination;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connector.data.WriteContext;
import dev.gale.connectors.postgres.Identifiers;
import dev.gale.connectors.postgres.PostgresIcon;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.StreamDescriptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gale's counterpart of Airbyte's {@code airbyte/destination-postgres}: typed final tables with Airbyte's metadata
 * columns, loaded with binary COPY. It takes Airbyte's configuration and definition id.
 */
public final class PostgresDestination implements Destination {
  /** Airbyte's definition id of destination-postgres. */
  public static final UUID DEFINITION_ID = UUID.fromString("25c5221d-dce2-4163-ade9-739ef790f503");
  static final String DOCUMENTATION_URL = "https://docs.airbyte.com/integrations/destinations/postgres";

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(DEFINITION_ID,
      ConnectorDescriptor.Kind.DESTINATION, "Postgres", "airbyte/destination-postgres", "2.4.7", DOCUMENTATION_URL,
      PostgresIcon.SVG, ConnectorDescriptor.ReleaseStage.GENERALLY_AVAILABLE,
      ConnectorDescriptor.SupportLevel.CERTIFIED, null);
  private static final ConnectorCapabilities CAPABILITIES = ConnectorCapabilities.destination(
      DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP);

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
    return ConnectorSpecification.of(DOCUMENTATION_URL, PostgresDestinationConfig.SCHEMA.toJsonSchema())
        .withSupportsIncremental(true)
        .withSupportedDestinationSyncModes(List.copyOf(CAPABILITIES.destinationSyncModes()));
  }

  /** Connects and creates, fills and drops a table in the default schema, as writing will. */
  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    try {
      PostgresDestinationConfig destination = PostgresDestinationConfig.read(config);
      try (Connection connection = destination.connection().open()) {
        String table = Identifiers.qualified(Identifiers.fit(destination.schema()),
            "_gale_check_" + UUID.randomUUID().toString().replace("-", ""));
        connection.setAutoCommit(false);
        TableSetup.execute(connection, TableSql.createSchema(Identifiers.fit(destination.schema())));
        TableSetup.execute(connection, "CREATE TABLE " + table + " (id int)");
        TableSetup.execute(connection, "INSERT INTO " + table + " VALUES (1)");
        connection.rollback(); // proves the rights without leaving anything behind
      } catch (SQLException e) {
        throw new ConnectorException("Cannot create a table in schema " + destination.schema() + ": " + e.getMessage());
      }
      return AirbyteConnectionStatus.succeeded();
    } catch (ConnectorException e) {
      return AirbyteConnectionStatus.failed(e.getMessage());
    }
  }

  @Override
  public DestinationWriter open(JsonNode config, ConfiguredAirbyteCatalog catalog, WriteContext context) {
    PostgresDestinationConfig destination = PostgresDestinationConfig.read(config);
    Connection connection = destination.connection().open();
    try {
      connection.setAutoCommit(false);
      Map<StreamDescriptor, TablePlan> plans = new LinkedHashMap<>();
      int index = 0;
      for (ConfiguredAirbyteStream stream : catalog.streams()) {
        TablePlan plan = TablePlan.of(stream, destination.schema(), index++);
        plans.put(stream.descriptor(), TableSetup.prepare(connection, plan, stream.generationId()));
      }
      connection.commit();
      PostgresWriter.describe(plans).forEach(line -> context.log().accept(SourceOutput.LogLevel.INFO, line));
      return new PostgresWriter(connection, plans, context);
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection);
      if (e instanceof ConnectorException connectorException) {
        throw connectorException;
      }
      throw new ConnectorException("Cannot prepare the tables in " + destination.connection().database() + ": "
          + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // Already failing; the first problem is the one to report.
    }
  }
}
