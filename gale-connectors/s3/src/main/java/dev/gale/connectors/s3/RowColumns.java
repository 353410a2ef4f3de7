package dev.gale.connectors.s3;

import dev.gale.connector.data.Column;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes a {@link Row}'s values straight into Parquet's column writers, in the layout of {@link ParquetSchemas}. Every
 * column of that schema is flat but the empty {@code _airbyte_meta.changes} list, so the definition and repetition
 * levels are known without Parquet's record assembly ({@code MessageColumnIO}), whose per-field bookkeeping was a fifth
 * of the time spent writing a row. Integers beyond 64 bits do not fit the column and are written as null.
 */
final class RowColumns {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);
  // Levels of the schema: the stream's columns are optional (defined at 1); an empty changes list is defined at 0.
  private static final int PRESENT = 1;
  private static final int ABSENT = 0;

  private final List<ColumnDescriptor> descriptors;
  private final List<Column> columns;
  private final AirbyteMeta meta;
  private ColumnWriter rawId;
  private ColumnWriter extractedAt;
  private ColumnWriter syncId;
  private ColumnWriter[] changes;
  private ColumnWriter generationId;
  private ColumnWriter[] values;

  RowColumns(MessageType schema, List<Column> columns, AirbyteMeta meta) {
    this.descriptors = schema.getColumns();
    this.columns = columns;
    this.meta = meta;
    int expected = 7 + columns.size(); // raw id, extracted at, sync id, three change fields, generation id
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
    for (int i = 0; i < values.length; i++) {
      values[i] = store.getColumnWriter(descriptors.get(7 + i));
    }
  }

  void write(Row row) {
    rawId.write(Binary.fromConstantByteArray(row.rawId().getBytes(StandardCharsets.US_ASCII)), 0, 0);
    extractedAt.write(row.extractedAtMillis(), 0, 0);
    syncId.write(meta.syncId(), 0, 0);
    for (ColumnWriter change : changes) {
      change.writeNull(0, ABSENT);
    }
    generationId.write(meta.generationId(), 0, 0);
    Object[] rowValues = row.values();
    for (int i = 0; i < rowValues.length; i++) {
      Object value = rowValues[i];
      if (value == null || value instanceof BigInteger big && big.bitLength() > 63) {
        values[i].writeNull(0, ABSENT);
      } else {
        write(values[i], columns.get(i), value);
      }
    }
  }

  private static void write(ColumnWriter out, Column column, Object value) {
    if (ParquetSchemas.isText(column.type())) {
      String text = value instanceof String string ? string : JsonText.text(value);
      out.write(Binary.fromConstantByteArray(text.getBytes(StandardCharsets.UTF_8)), 0, PRESENT);
      return;
    }
    switch (value) {
      case Boolean bool -> out.write(bool.booleanValue(), 0, PRESENT);
      case Long number -> out.write(number.longValue(), 0, PRESENT);
      case BigInteger number -> out.write(number.longValueExact(), 0, PRESENT);
      case Double number -> out.write(number.doubleValue(), 0, PRESENT);
      case BigDecimal number -> out.write(number.doubleValue(), 0, PRESENT);
      case LocalDate date -> out.write(Math.toIntExact(date.toEpochDay()), 0, PRESENT);
      case OffsetDateTime time -> out.write(ChronoUnit.MICROS.between(EPOCH,
          time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()), 0, PRESENT);
      case LocalDateTime time -> out.write(ChronoUnit.MICROS.between(EPOCH, time), 0, PRESENT);
      case LocalTime time -> out.write(time.toNanoOfDay() / 1000, 0, PRESENT);
      case byte[] bytes -> out.write(Binary.fromConstantByteArray(bytes), 0, PRESENT);
      default -> throw new IllegalArgumentException("column " + column.name() + " of type " + column.type()
          + " cannot hold a " + value.getClass().getSimpleName());
    }
  }
}
