package dev.gale.connectors.postgres.destination;

import static dev.gale.connectors.postgres.ConnectionFields.DATABASE;
import static dev.gale.connectors.postgres.ConnectionFields.HOST;
import static dev.gale.connectors.postgres.ConnectionFields.JDBC_URL_PARAMS;
import static dev.gale.connectors.postgres.ConnectionFields.PASSWORD;
import static dev.gale.connectors.postgres.ConnectionFields.PORT;
import static dev.gale.connectors.postgres.ConnectionFields.SSL;
import static dev.gale.connectors.postgres.ConnectionFields.SSL_MODE;
import static dev.gale.connectors.postgres.ConnectionFields.USERNAME;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.config.ConfigField;
import dev.gale.connector.config.ConfigSchema;
import dev.gale.connector.config.ConfigValues;
import dev.gale.connectors.postgres.ConnectionFields;
import dev.gale.connectors.postgres.ConnectionSettings;
import java.util.List;

/**
 * The configuration of the Postgres destination: Airbyte's destination-postgres properties.
 *
 * @param schema where streams without a namespace go
 */
record PostgresDestinationConfig(ConnectionSettings connection, String schema) {
  static final ConfigField<String> SCHEMA_FIELD = ConfigField.string("schema").title("Default Schema")
      .description("The schema tables are written to when the stream has no namespace; usually \"public\".")
      .required().defaultValue("public").examples(List.of("public")).order(3).build();

  static final ConfigSchema SCHEMA = ConfigSchema.of("Postgres Destination Spec", HOST, PORT, DATABASE, SCHEMA_FIELD,
      USERNAME, PASSWORD, JDBC_URL_PARAMS, SSL, SSL_MODE);

  /** Reads and checks a configuration; throws {@link dev.gale.connector.config.ConfigException} naming problems. */
  static PostgresDestinationConfig read(JsonNode config) {
    ConfigValues values = SCHEMA.read(config);
    return new PostgresDestinationConfig(ConnectionFields.settings(values), values.get(SCHEMA_FIELD));
  }
}
