package dev.gale.connectors.duckdb;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.LocalRoot;
import dev.gale.connector.config.ConfigException;
import dev.gale.connector.config.ConfigField;
import dev.gale.connector.config.ConfigSchema;
import dev.gale.connector.config.ConfigValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The configuration of the DuckDB destination: Airbyte's destination-duckdb properties. Airbyte also writes to
 * MotherDuck ({@code md:} paths and an API key); Gale writes local files only and refuses both by name, so that an
 * imported MotherDuck configuration fails when it is saved rather than writing somewhere unexpected.
 *
 * @param file the database file, inside the local root
 * @param schema where streams without a namespace go
 */
record DuckDbConfig(Path file, String schema) {
  static final ConfigField<String> DESTINATION_PATH = ConfigField.string("destination_path").title("Destination DB")
      .description("Path to the .duckdb file, under Gale's local root (GALE_LOCAL_ROOT, by default "
          + "/tmp/airbyte_local). As in Airbyte, a path starting with /local means that root. The file is created "
          + "if it does not exist. MotherDuck (md:) paths are not supported by Gale.")
      .examples(List.of("/local/destination.duckdb")).required().order(0).build();
  static final ConfigField<String> MOTHERDUCK_API_KEY = ConfigField.string("motherduck_api_key")
      .title("MotherDuck API Key").description("Accepted for compatibility with Airbyte's configuration and refused "
          + "when set: Gale does not write to MotherDuck.").secret().order(1).build();
  static final ConfigField<String> SCHEMA_FIELD = ConfigField.string("schema").title("Destination Schema")
      .description("The schema tables are written to when the stream has no namespace; DuckDB's default is main.")
      .defaultValue("main").examples(List.of("main")).order(2).build();

  static final ConfigSchema SCHEMA = ConfigSchema.of("DuckDB Destination Spec", DESTINATION_PATH, MOTHERDUCK_API_KEY,
      SCHEMA_FIELD);

  DuckDbConfig {
    requireNonNull(file, "file is null");
    requireNonNull(schema, "schema is null");
  }

  /**
   * Reads and checks a configuration, without I/O.
   *
   * @throws ConfigException naming each property at fault, never showing the API key
   */
  static DuckDbConfig read(JsonNode config) {
    ConfigValues values = SCHEMA.read(config);
    String path = values.get(DESTINATION_PATH);
    List<String> problems = new ArrayList<>();
    Path file = null;
    if (isMotherDuck(path)) {
      problems.add("destination_path must be a local file path: MotherDuck (md:) databases are not supported by "
          + "Gale");
    } else if (path.isBlank()) {
      problems.add("destination_path must name a file, such as /local/destination.duckdb");
    } else {
      // A file inside the root: the root itself is a folder, never a database.
      file = LocalRoot.within(path).filter(inside -> !inside.equals(LocalRoot.root())).orElse(null);
      if (file == null) {
        problems.add("destination_path must name a file inside the local root " + LocalRoot.root()
            + " (it may not climb out with '..')");
      }
    }
    if (values.find(MOTHERDUCK_API_KEY).filter(key -> !key.isEmpty()).isPresent()) {
      problems.add("motherduck_api_key must be left empty: MotherDuck is not supported by Gale");
    }
    String schema = values.get(SCHEMA_FIELD);
    if (schema.isBlank()) {
      problems.add("schema must not be blank");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new DuckDbConfig(file, schema);
  }

  private static boolean isMotherDuck(String path) {
    String lower = path.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("md:") || lower.startsWith("motherduck:");
  }
}
