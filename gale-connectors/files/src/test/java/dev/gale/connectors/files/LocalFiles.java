package dev.gale.connectors.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.StreamDescriptor;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Test helpers: a temporary local root for the destinations, and reading the contract's records back. */
final class LocalFiles {
  private LocalFiles() {}

  /** Points the destinations at a root the test owns (a JUnit temporary directory, removed after the tests). */
  static void useRoot(Path root) {
    System.setProperty(LocalRoot.PROPERTY, root.toString());
  }

  static Path file(String destinationPath, StreamDescriptor stream, String extension) {
    Path directory = LocalRoot.resolve(destinationPath);
    if (stream.namespace() != null) {
      directory = directory.resolve(stream.namespace());
    }
    return directory.resolve("_airbyte_raw_" + stream.name() + extension);
  }

  /** A record's {@code _airbyte_data} as the contract's columns (id, name, amount, active, born, updated_at, payload). */
  static Object[] contractRow(JsonNode data) {
    return new Object[] {data.path("id").asLong(), text(data.path("name")),
        data.path("amount").isNull() ? null : data.path("amount").decimalValue().add(BigDecimal.ZERO),
        data.path("active").isNull() ? null : data.path("active").asBoolean(),
        data.path("born").isNull() ? null : LocalDate.parse(data.path("born").asText()),
        data.path("updated_at").isNull() ? null : OffsetDateTime.parse(data.path("updated_at").asText()),
        data.path("payload").isNull() ? null : data.path("payload").toString()};
  }

  private static String text(JsonNode node) {
    return node.isNull() ? null : node.asText();
  }
}
