package dev.gale.connectors.file;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * JSON and JSONL: the columns are the top-level properties of the first records, in the order they first appear,
 * typed by the JSON types of their values (integers, numbers, booleans, strings, objects, arrays).
 */
final class JsonReader implements FormatReader {

  @Override
  public List<FileColumn> columns(FileSourceConfig config, int sampleRows) throws IOException, InterruptedException {
    try (JsonRecords records = JsonRecords.open(config)) {
      ColumnTypes types = new ColumnTypes();
      JsonNode record;
      for (int sampled = 0; sampled < sampleRows && (record = records.next()) != null; sampled++) {
        for (Map.Entry<String, JsonNode> property : record.properties()) {
          types.declare(property.getKey());
          types.observe(property.getKey(), typeOf(property.getValue()));
        }
      }
      return types.columns();
    }
  }

  @Override
  public void read(FileSourceConfig config, List<FileColumn> columns, RowSink sink)
      throws IOException, InterruptedException {
    try (JsonRecords records = JsonRecords.open(config)) {
      JsonNode record;
      while ((record = records.next()) != null) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          FileColumn column = columns.get(i);
          JsonNode node = record.get(column.name());
          Object value = node == null || node.isNull() ? null : value(node, column.type());
          if (value == CsvCells.Unfit.VALUE) {
            throw Mismatch.of(config, records.recordNumber(), column, Json.write(node));
          }
          row[i] = value;
        }
        // Properties that the sample did not show are not in the stream's schema; they are left out, as Airbyte
        // leaves out what a schema does not declare.
        sink.accept(row);
      }
    }
  }

  static ColumnType typeOf(JsonNode node) {
    return switch (node.getNodeType()) {
      case NULL, MISSING -> null;
      case BOOLEAN -> ColumnType.BOOLEAN;
      case NUMBER -> node.isIntegralNumber() ? ColumnType.INTEGER : ColumnType.NUMBER;
      case OBJECT, POJO -> ColumnType.OBJECT;
      case ARRAY -> ColumnType.ARRAY;
      case STRING, BINARY -> ColumnType.STRING;
    };
  }

  private static Object value(JsonNode node, ColumnType type) {
    ColumnType own = typeOf(node);
    return switch (type) {
      case BOOLEAN -> own == ColumnType.BOOLEAN ? node.booleanValue() : CsvCells.Unfit.VALUE;
      case INTEGER -> own == ColumnType.INTEGER
          ? (node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue()) : CsvCells.Unfit.VALUE;
      case NUMBER -> own == ColumnType.INTEGER || own == ColumnType.NUMBER
          ? (node.isBigDecimal() ? node.decimalValue() : (Object) node.doubleValue()) : CsvCells.Unfit.VALUE;
      // A scalar column mixed several scalar types: each keeps its text, as pandas keeps it in an object column.
      case STRING -> node.isValueNode() ? node.asText() : CsvCells.Unfit.VALUE;
      case OBJECT -> own == ColumnType.OBJECT ? Json.write(node) : CsvCells.Unfit.VALUE;
      case ARRAY -> own == ColumnType.ARRAY ? Json.write(node) : CsvCells.Unfit.VALUE;
      case ANY -> Json.write(node);
      default -> throw new IllegalArgumentException("JSON columns are never " + type);
    };
  }
}
