package dev.gale.connectors.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Destination;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.StreamDescriptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gale's counterpart of Airbyte's {@code airbyte/destination-duckdb}: typed tables with Airbyte's metadata columns in
 * a local DuckDB file, loaded through DuckDB's appender. It takes Airbyte's configuration and definition id; the
 * MotherDuck half of Airbyte's connector is refused (see {@link DuckDbConfig}).
 */
public final class DuckDbDestination implements Destination {
  /** Airbyte's definition id of destination-duckdb. */
  public static final UUID DEFINITION_ID = UUID.fromString("94bd199c-2ff0-4aa2-b98e-17f0acb72610");
  static final String DOCUMENTATION_URL = "https://docs.airbyte.com/integrations/destinations/duckdb";

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(DEFINITION_ID,
      ConnectorDescriptor.Kind.DESTINATION, "DuckDB", "airbyte/destination-duckdb", "0.5.1", DOCUMENTATION_URL,
      null, ConnectorDescriptor.ReleaseStage.BETA, ConnectorDescriptor.SupportLevel.COMMUNITY, null);
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
    return ConnectorSpecification.of(DOCUMENTATION_URL, DuckDbConfig.SCHEMA.toJsonSchema())
        .withSupportsIncremental(true)
        .withSupportedDestinationSyncModes(List.copyOf(CAPABILITIES.destinationSyncModes()));
  }

  /** MotherDuck paths and keys, and paths leaving the local root, are refused when the configuration is saved. */
  @Override
  public void validate(JsonNode config) {
    DuckDbConfig.read(config);
  }

  /** Opens (or creates) the file and creates, fills and drops a table in the default schema, as writing will. */
  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    try {
      DuckDbConfig duckdb = DuckDbConfig.read(config);
      try (Connection connection = DuckDbFile.open(duckdb.file())) {
        TableName table = new TableName(duckdb.schema(), "_gale_check_" + UUID.randomUUID().toString().replace("-", ""));
        DuckDbFile.changingCatalog(duckdb.file(), () -> {
          TableSetup.execute(connection, TableSql.createSchema(duckdb.schema()));
          TableSetup.execute(connection, "CREATE TABLE " + table.sql() + " (id INTEGER)");
          TableSetup.execute(connection, "INSERT INTO " + table.sql() + " VALUES (1)");
          TableSetup.execute(connection, TableSql.dropIfExists(table));
          connection.commit();
          return null;
        });
      } catch (SQLException e) {
        throw new ConnectorException("Cannot write a table in schema " + duckdb.schema() + " of "
            + duckdb.file() + ": " + e.getMessage());
      }
      return AirbyteConnectionStatus.succeeded();
    } catch (ConnectorException e) {
      return AirbyteConnectionStatus.failed(e.getMessage());
    }
  }

  @Override
  public DestinationWriter open(JsonNode config, ConfiguredAirbyteCatalog catalog, WriteContext context) {
    DuckDbConfig duckdb = DuckDbConfig.read(config);
    Map<String, StreamDescriptor> tables = new HashMap<>();
    List<TablePlan> plans = catalog.streams().stream()
        .map(stream -> plan(stream, duckdb.schema(), tables)).toList();
    Connection connection = DuckDbFile.open(duckdb.file());
    try {
      Map<StreamDescriptor, TableLayout> layouts = DuckDbFile.changingCatalog(duckdb.file(), () -> {
        Map<StreamDescriptor, TableLayout> prepared = new LinkedHashMap<>();
        for (TablePlan plan : plans) {
          prepared.put(plan.stream(), TableSetup.prepare(connection, plan));
        }
        connection.commit();
        return prepared;
      });
      DuckDbWriter.describe(layouts).forEach(line -> context.log().accept(SourceOutput.LogLevel.INFO, line));
      return new DuckDbWriter(connection, duckdb.file(), layouts, context);
    } catch (SQLException | RuntimeException e) {
      DuckDbFile.closeQuietly(connection);
      if (e instanceof ConnectorException connectorException) {
        throw connectorException;
      }
      throw new ConnectorException("Cannot prepare the tables in " + duckdb.file() + ": " + e.getMessage(), e);
    }
  }

  /** Two streams whose tables DuckDB would take for one (names differ only in case) are refused. */
  private static TablePlan plan(ConfiguredAirbyteStream stream, String schema, Map<String, StreamDescriptor> tables) {
    TablePlan plan = TablePlan.of(stream, schema);
    StreamDescriptor other = tables.putIfAbsent(plan.table().key(), plan.stream());
    if (other != null) {
      throw new ConnectorException("Streams " + other + " and " + plan.stream() + " would both write table "
          + plan.table() + " (DuckDB compares names without case); rename one of them");
    }
    return plan;
  }
}
