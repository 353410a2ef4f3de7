package dev.gale.connectors.s3;

import dev.gale.connector.data.Column;
import dev.gale.connector.data.ValueType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes a {@link Row}'s values straight into Parquet's column writers, in the layout of {@link ParquetSchemas}. Flat
 * columns have known definition and repetition levels, so they are written without Parquet's record assembly
 * ({@code MessageColumnIO}), whose per-field bookkeeping was a fifth of the time spent writing a row. Nested columns
 * (objects and arrays with a declared shape) are parsed from their JSON text and shredded by {@link NestedColumn};
 * the values that did not fit their shape are null and listed in the row's {@code _airbyte_meta.changes}, as Airbyte
 * lists them. Integers beyond 64 bits do not fit the column and are written as null.
 */
final class RowColumns {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);
  // Levels of the schema: the stream's columns are optional (defined at 1); an empty changes list is defined at 0.
  private static final int PRESENT = 1;
  private static final int ABSENT = 0;
  // A change is an element of the required changes list: repeated once, so defined at 1 and repeated at 1 after the
  // first.
  private static final Binary NULLED = Binary.fromString("NULLED");
  private static final Binary SERIALIZATION_ERROR = Binary.fromString("DESTINATION_SERIALIZATION_ERROR");

  private final List<ColumnDescriptor> descriptors;
  private final List<Column> columns;
  private final AirbyteMeta meta;
  /** The nested column at each position, null for a flat one. */
  private final NestedColumn[] nested;
  private final boolean anyNested;
  private final Object[] shaped;
  private final List<String> nulled = new ArrayList<>();
  private ColumnWriter rawId;
  private ColumnWriter extractedAt;
  private ColumnWriter syncId;
  private ColumnWriter[] changes;
  private ColumnWriter generationId;
  private ColumnWriter[] values;

  /** @param shapes one per column, as {@link ParquetSchemas#of(String, List, List)} laid the schema out */
  RowColumns(MessageType schema, List<Column> columns, List<NestedType> shapes, AirbyteMeta meta) {
    this.descriptors = schema.getColumns();
    this.columns = columns;
    this.meta = meta;
    this.nested = new NestedColumn[columns.size()];
    this.shaped = new Object[columns.size()];
    int expected = 7; // raw id, extracted at, sync id, three change fields, generation id
    boolean any = false;
    for (int i = 0; i < nested.length; i++) {
      if (shapes.get(i).nested()) {
        nested[i] = new NestedColumn(columns.get(i).name(), shapes.get(i));
        expected += nested[i].leafCount();
        any = true;
      } else {
        expected++;
      }
    }
    this.anyNested = any;
    if (descriptors.size() != expected) {
      throw new IllegalStateException("the Parquet schema has " + descriptors.size() + " columns, expected " + expected);
    }
  }

  /** Takes the writers of a new row group's store; the columns are in the order {@link ParquetSchemas} lays out. */
  void writeTo(ColumnWriteStore store) {
    rawId = store.getColumnWriter(descriptors.get(0));
    extractedAt = store.getColumnWriter(descriptors.get(1));
    syncId = store.getColumnWriter(descriptors.get(2));
    changes = new ColumnWriter[] {store.getColumnWriter(descriptors.get(3)), store.getColumnWriter(descriptors.get(4)),
        store.getColumnWriter(descriptors.get(5))};
    generationId = store.getColumnWriter(descriptors.get(6));
    values = new ColumnWriter[columns.size()];
    int next = 7;
    for (int i = 0; i < values.length; i++) {
      if (nested[i] == null) {
        values[i] = store.getColumnWriter(descriptors.get(next++));
      } else {
        ColumnWriter[] leaves = new ColumnWriter[nested[i].leafCount()];
        for (int leaf = 0; leaf < leaves.length; leaf++) {
          leaves[leaf] = store.getColumnWriter(descriptors.get(next++));
        }
        nested[i].writeTo(leaves);
      }
    }
  }

  void write(Row row) {
    rawId.write(Binary.fromConstantByteArray(row.rawId().getBytes(StandardCharsets.US_ASCII)), 0, 0);
    extractedAt.write(row.extractedAtMillis(), 0, 0);
    syncId.write(meta.syncId(), 0, 0);
    generationId.write(meta.generationId(), 0, 0);
    Object[] rowValues = row.values();
    if (anyNested) {
      // Shaped first: the changes column needs the paths nulled on the way.
      nulled.clear();
      for (int i = 0; i < rowValues.length; i++) {
        if (nested[i] != null) {
          shaped[i] = NestedValues.column(columns.get(i).name(), nested[i].shape(), rowValues[i], nulled);
        }
      }
    }
    writeChanges();
    for (int i = 0; i < rowValues.length; i++) {
      Object value = rowValues[i];
      if (nested[i] != null) {
        nested[i].write(shaped[i]);
      } else if (value == null || value instanceof BigInteger big && big.bitLength() > 63) {
        values[i].writeNull(0, ABSENT);
      } else {
        writeValue(values[i], columns.get(i).name(), columns.get(i).type(), value, 0, PRESENT);
      }
    }
  }

  private void writeChanges() {
    if (!anyNested || nulled.isEmpty()) {
      for (ColumnWriter change : changes) {
        change.writeNull(0, ABSENT);
      }
      return;
    }
    for (int i = 0; i < nulled.size(); i++) {
      int repetition = i == 0 ? 0 : 1;
      changes[0].write(Binary.fromString(nulled.get(i)), repetition, 1);
      changes[1].write(NULLED, repetition, 1);
      changes[2].write(SERIALIZATION_ERROR, repetition, 1);
    }
  }

  /** Writes a non-null value of a column (or nested field) of {@code type} at the given levels. */
  static void writeValue(ColumnWriter out, String column, ValueType type, Object value, int repetition,
                         int definition) {
    if (ParquetSchemas.isText(type)) {
      String text = value instanceof String string ? string : JsonText.text(value);
      out.write(Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8)), repetition, definition);
      return;
    }
    switch (value) {
      case Boolean bool -> out.write(bool.booleanValue(), repetition, definition);
      case Long number -> out.write(number.longValue(), repetition, definition);
      case BigInteger number -> out.write(number.longValueExact(), repetition, definition);
      case Double number -> out.write(number.doubleValue(), repetition, definition);
      case BigDecimal number -> out.write(number.doubleValue(), repetition, definition);
      case LocalDate date -> out.write(Math.toIntExact(date.toEpochDay()), repetition, definition);
      case OffsetDateTime time -> out.write(ChronoUnit.MICROS.between(EPOCH,
          time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()), repetition, definition);
      case LocalDateTime time -> out.write(ChronoUnit.MICROS.between(EPOCH, time), repetition, definition);
      case LocalTime time -> out.write(time.toNanoOfDay() / 1000, repetition, definition);
      case byte[] bytes -> out.write(Binary.fromConstantByteArray(bytes), repetition, definition);
      default -> throw new IllegalArgumentException("column " + column + " of type " + type
          + " cannot hold a " + value.getClass().getSimpleName());
    }
  }
}
