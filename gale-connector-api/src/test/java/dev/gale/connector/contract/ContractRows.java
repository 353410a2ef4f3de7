package dev.gale.connector.contract;

import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stream and records the destination contract writes: the common types, a null in every column but the key, and
 * values that compare the same whichever way a destination stores them.
 */
final class ContractRows {
  static final List<Column> COLUMNS = List.of(new Column("id", ValueType.INTEGER),
      new Column("name", ValueType.STRING), new Column("amount", ValueType.NUMBER),
      new Column("active", ValueType.BOOLEAN), new Column("born", ValueType.DATE),
      new Column("updated_at", ValueType.TIMESTAMP_WITH_TIMEZONE), new Column("payload", ValueType.JSON));
  private static final String JSON_SCHEMA = """
      {"type":"object","properties":{
        "id":{"type":"integer"},
        "name":{"type":["null","string"]},
        "amount":{"type":["null","number"]},
        "active":{"type":["null","boolean"]},
        "born":{"type":["null","string"],"format":"date"},
        "updated_at":{"type":["null","string"],"format":"date-time","airbyte_type":"timestamp_with_timezone"},
        "payload":{"type":["null","object"]}}}""";

  private ContractRows() {}

  static AirbyteStream stream(StreamDescriptor descriptor) {
    return AirbyteStream.of(descriptor.name(), Json.parse(JSON_SCHEMA), List.of(SyncMode.FULL_REFRESH))
        .withSourceDefinedPrimaryKey(List.of(List.of("id"))).withNamespace(descriptor.namespace());
  }

  /** A batch of the records with ids {@code from} to {@code to}. */
  static RecordBatch batch(StreamDescriptor stream, long from, long to) {
    RecordBatch.Builder builder = RecordBatch.builder(new RecordSchema(stream, COLUMNS), (int) (to - from + 1));
    for (long id = from; id <= to; id++) {
      builder.add(row(id));
    }
    return builder.build(Instant.now());
  }

  static Object[] row(long id) {
    if (id % 5 == 0) {
      return new Object[] {id, null, null, null, null, null, null};
    }
    return new Object[] {id, "name " + id + " \"quoted\" ü", BigDecimal.valueOf(id * 125, 2), id % 2 == 0,
        LocalDate.of(1970, 1, 1).plusDays(id * 400), OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC)
        .plusMinutes(id), "{\"id\":" + id + ",\"tags\":[\"a\",\"b\"]}"};
  }

  static List<List<Object>> rows(long from, long to) {
    List<List<Object>> rows = new ArrayList<>();
    for (long id = from; id <= to; id++) {
      rows.add(comparable(row(id)));
    }
    return rows;
  }

  /**
   * A row as the suite compares it: numbers by value, timestamps as instants, JSON as a tree, so that a destination's
   * own faithful representation (another offset, trailing zeros, reordered whitespace) compares equal.
   */
  static List<Object> comparable(Object[] row) {
    Object[] values = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      boolean json = COLUMNS.get(i).type() == ValueType.JSON;
      values[i] = switch (row[i]) {
        case null -> null;
        case BigDecimal decimal -> decimal.stripTrailingZeros();
        case Double value -> BigDecimal.valueOf(value).stripTrailingZeros();
        case Integer value -> (long) value;
        case OffsetDateTime time -> time.toInstant();
        case String text when json -> Json.parse(text);
        default -> row[i];
      };
    }
    return Arrays.asList(values);
  }
}
