package dev.gale.connectors.postgres.source;

import static dev.gale.connectors.postgres.ConnectionFields.DATABASE;
import static dev.gale.connectors.postgres.ConnectionFields.HOST;
import static dev.gale.connectors.postgres.ConnectionFields.JDBC_URL_PARAMS;
import static dev.gale.connectors.postgres.ConnectionFields.PASSWORD;
import static dev.gale.connectors.postgres.ConnectionFields.PORT;
import static dev.gale.connectors.postgres.ConnectionFields.SSL;
import static dev.gale.connectors.postgres.ConnectionFields.SSL_MODE;
import static dev.gale.connectors.postgres.ConnectionFields.USERNAME;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.config.ConfigException;
import dev.gale.connector.config.ConfigField;
import dev.gale.connector.config.ConfigSchema;
import dev.gale.connector.config.ConfigValues;
import dev.gale.connectors.postgres.ConnectionFields;
import dev.gale.connectors.postgres.ConnectionSettings;
import java.util.List;

/**
 * The configuration of the Postgres source: Airbyte's source-postgres properties. Of its replication methods only
 * Standard (reading tables with queries) is offered, so a CDC configuration fails instead of silently reading
 * differently.
 *
 * @param schemas the schemas whose tables and views become streams
 */
record PostgresSourceConfig(ConnectionSettings connection, List<String> schemas) {
  static final ConfigField<List<String>> SCHEMAS = ConfigField.stringList("schemas").title("Schemas")
      .description("The schemas (case sensitive) to read from. Defaults to public.")
      .defaultValue(List.of("public")).order(3).build();
  static final ConfigField<String> METHOD = ConfigField.string("method").constant("Standard").required().order(0)
      .build();
  static final ConfigSchema STANDARD = new ConfigSchema("Standard",
      "Reads tables with queries; needs no setup in the database, but cannot see deletions.", List.of(METHOD));
  static final ConfigField<ConfigValues> REPLICATION_METHOD = ConfigField.oneOf("replication_method", "method",
          List.of(STANDARD))
      .title("Replication Method").description("How data is extracted from the database.").order(9).build();

  static final ConfigSchema SCHEMA = ConfigSchema.of("Postgres Source Spec", HOST, PORT, DATABASE, SCHEMAS, USERNAME,
      PASSWORD, JDBC_URL_PARAMS, SSL, SSL_MODE, REPLICATION_METHOD);

  PostgresSourceConfig {
    schemas = List.copyOf(schemas);
  }

  /** Reads and checks a configuration; throws {@link ConfigException} naming every problem. */
  static PostgresSourceConfig read(JsonNode config) {
    ConfigValues values = SCHEMA.read(config);
    List<String> schemas = values.get(SCHEMAS);
    if (schemas.isEmpty()) {
      throw new ConfigException(List.of("schemas must name at least one schema"));
    }
    return new PostgresSourceConfig(ConnectionFields.settings(values), schemas);
  }
}
