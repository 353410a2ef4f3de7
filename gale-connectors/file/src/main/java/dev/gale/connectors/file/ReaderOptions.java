package dev.gale.connectors.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.config.ConfigException;
import dev.gale.protocol.Json;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Airbyte's {@code reader_options}: a JSON object of pandas reader arguments. Gale maps the common CSV ones to its CSV
 * parser with pandas' meaning; any other option is refused by name, since ignoring it would read the file
 * differently from what the user asked for.
 *
 * @param separator {@code sep} or {@code delimiter}, one character
 * @param quote {@code quotechar}, one character
 * @param headerRow {@code header}: the index of the header row among the rows left after {@code skiprows}, or
 *     {@code -1} for none ({@code header: null}); by default 0, or none when {@code names} are given (as pandas)
 * @param names {@code names}: the column names, replacing those of the header row when there is one; empty for none
 * @param skipFirst {@code skiprows} as a number: how many rows to skip at the start
 * @param skipRows {@code skiprows} as a list: the 0-based indices of the rows to skip
 */
record ReaderOptions(Charset encoding, char separator, char quote, int headerRow, List<String> names, int skipFirst,
                     Set<Integer> skipRows) {
  static final int NO_HEADER = -1;
  private static final Set<String> CSV_OPTIONS =
      Set.of("sep", "delimiter", "header", "names", "skiprows", "encoding", "quotechar");
  private static final Set<String> JSON_OPTIONS = Set.of("encoding");
  private static final String FIELD = "reader_options";

  ReaderOptions {
    names = List.copyOf(names);
    skipRows = Set.copyOf(skipRows);
  }

  /** Whether the row at this 0-based index of the file is skipped. */
  boolean skips(long rowIndex) {
    return rowIndex < skipFirst || skipRows.contains((int) Math.min(rowIndex, Integer.MAX_VALUE));
  }

  static ReaderOptions parse(FileFormat format, String text) {
    JsonNode options = parseObject(text);
    Set<String> allowed = switch (format) {
      case CSV -> CSV_OPTIONS;
      case JSON, JSONL -> JSON_OPTIONS;
      default -> Set.of();
    };
    List<String> problems = new ArrayList<>();
    Set<String> unknown = new TreeSet<>();
    options.fieldNames().forEachRemaining(name -> {
      if (!allowed.contains(name)) {
        unknown.add(name);
      }
    });
    if (!unknown.isEmpty()) {
      problems.add(FIELD + " has options Gale does not read for format " + format.value() + ": " + unknown
          + (allowed.isEmpty() ? "; it takes none" : "; it reads " + new TreeSet<>(allowed)));
    }
    if (options.has("sep") && options.has("delimiter")) {
      problems.add(FIELD + " gives both sep and delimiter; give one");
    }
    OptionReader reader = new OptionReader(options, problems);
    Charset encoding = reader.charset();
    char separator = reader.character(options.has("delimiter") ? "delimiter" : "sep", ',');
    char quote = reader.character("quotechar", '"');
    List<String> names = reader.names();
    int header = reader.header(names.isEmpty() ? 0 : NO_HEADER);
    reader.skipRows();
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new ReaderOptions(encoding, separator, quote, header, names, reader.skipFirst, reader.skipList);
  }

  private static JsonNode parseObject(String text) {
    if (text == null || text.isBlank()) {
      return Json.object();
    }
    try {
      JsonNode node = Json.mapper().readTree(text);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // Refused below; the parser's message would repeat the text.
    }
    throw new ConfigException(List.of(FIELD + " must be a JSON object such as {\"sep\": \";\"} (double quotes, as "
        + "JSON requires)"));
  }

  /** Reads single options, collecting problems. */
  private static final class OptionReader {
    private final JsonNode options;
    private final List<String> problems;
    private int skipFirst;
    private Set<Integer> skipList = Set.of();

    OptionReader(JsonNode options, List<String> problems) {
      this.options = options;
      this.problems = problems;
    }

    Charset charset() {
      JsonNode value = options.get("encoding");
      if (value == null || value.isNull()) {
        return StandardCharsets.UTF_8;
      }
      try {
        return Charset.forName(value.asText());
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        problems.add(FIELD + ".encoding " + Json.write(value) + " is not an encoding Gale knows");
        return StandardCharsets.UTF_8;
      }
    }

    char character(String name, char defaultValue) {
      JsonNode value = options.get(name);
      if (value == null) {
        return defaultValue;
      }
      if (!value.isTextual() || value.textValue().length() != 1) {
        problems.add(FIELD + "." + name + " must be a single character, got " + Json.write(value)
            + " (Gale does not read regular expressions or sniff the separator)");
        return defaultValue;
      }
      return value.textValue().charAt(0);
    }

    List<String> names() {
      JsonNode value = options.get("names");
      if (value == null || value.isNull()) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      if (value.isArray()) {
        value.forEach(name -> names.add(name.isValueNode() ? name.asText() : null));
      }
      if (!value.isArray() || names.isEmpty() || names.contains(null) || Set.copyOf(names).size() != names.size()) {
        problems.add(FIELD + ".names must be a non-empty list of distinct column names");
        return List.of();
      }
      return names;
    }

    int header(int defaultRow) {
      if (!options.has("header")) {
        return defaultRow;
      }
      JsonNode value = options.get("header");
      if (value.isNull()) {
        return NO_HEADER;
      }
      if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0) {
        return value.intValue();
      }
      if (value.isTextual() && value.textValue().equals("infer")) {
        return defaultRow;
      }
      problems.add(FIELD + ".header must be a row index (0 or more), null or \"infer\", got " + Json.write(value)
          + " (Gale reads one header row)");
      return defaultRow;
    }

    void skipRows() {
      JsonNode value = options.get("skiprows");
      if (value == null || value.isNull()) {
        return;
      }
      if (value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0) {
        skipFirst = value.intValue();
        return;
      }
      if (value.isArray()) {
        Set<Integer> rows = new TreeSet<>();
        for (JsonNode row : value) {
          if (!row.isIntegralNumber() || !row.canConvertToInt() || row.intValue() < 0) {
            rows = null;
            break;
          }
          rows.add(row.intValue());
        }
        if (rows != null) {
          skipList = rows;
          return;
        }
      }
      problems.add(FIELD + ".skiprows must be a number of rows or a list of row indices, got " + Json.write(value));
    }
  }
}
