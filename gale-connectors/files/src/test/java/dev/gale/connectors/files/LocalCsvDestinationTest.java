package dev.gale.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.Destination;
import dev.gale.connector.contract.DestinationBehavior;
import dev.gale.connector.contract.DestinationContract;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCsvDestinationTest extends DestinationContract {
  private final LocalCsvDestination destination = new LocalCsvDestination();

  @TempDir
  static Path root;

  @BeforeAll
  static void temporaryRoot() {
    LocalFiles.useRoot(root);
  }

  @Override
  protected Destination connector() {
    return destination;
  }

  @Override
  protected JsonNode validConfig() {
    ObjectNode config = Json.object().put("destination_path", "/local/csv_data");
    config.putObject("delimiter_type").put("delimiter", "\\u003b");
    return config;
  }

  @Override
  protected JsonNode invalidConfig() {
    return Json.object().put("destination_path", "/local/csv").set("delimiter_type", Json.object().put("delimiter", "x"));
  }

  @Override
  protected boolean hasBehavior(DestinationBehavior behavior) {
    return behavior == DestinationBehavior.READ_BACK;
  }

  @Override
  protected List<Object[]> readBack(JsonNode config, StreamDescriptor stream) throws Exception {
    Path file = LocalFiles.file(config.path("destination_path").asText(), stream, ".csv");
    if (!Files.exists(file)) {
      return List.of();
    }
    List<String> lines = readRecords(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(lines.getFirst()).isEqualTo("_airbyte_ab_id;_airbyte_emitted_at;_airbyte_data");
    List<Object[]> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] fields = line.split(";", 3);
      assertThat(fields[2]).startsWith("\"").endsWith("\"");
      String data = fields[2].substring(1, fields[2].length() - 1).replace("\"\"", "\"");
      rows.add(LocalFiles.contractRow(Json.parse(data)));
    }
    return rows;
  }

  @Test
  void quotedFieldsMayHoldDelimitersAndQuotes() {
    assertThat(readRecords("a;1;\"{\"\"x\"\":\"\"p;q\"\"}\"\r\nb;2;\"{}\"\r\n")).containsExactly("a;1;\"{\"\"x\"\":\"\"p;q\"\"}\"", "b;2;\"{}\"");
  }

  /** Splits CSV text into records at line ends outside quotes. */
  private static List<String> readRecords(String text) {
    List<String> records = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      }
      if (!quoted && c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        records.add(current.toString());
        current.setLength(0);
        i++;
      } else {
        current.append(c);
      }
    }
    if (!current.isEmpty()) {
      records.add(current.toString());
    }
    return records;
  }
}
