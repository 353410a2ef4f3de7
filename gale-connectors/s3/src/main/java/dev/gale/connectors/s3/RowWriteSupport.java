package dev.gale.connectors.s3;

import dev.gale.connector.data.Column;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/**
 * Hands Parquet the values of a {@link Row} straight from their Java types (see {@link ParquetSchemas}): no
 * intermediate Avro or Group objects. Integers beyond 64 bits do not fit the column and are written as null.
 */
final class RowWriteSupport extends WriteSupport<Row> {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private final MessageType schema;
  private final List<Column> columns;
  private final AirbyteMeta meta;
  private RecordConsumer out;

  RowWriteSupport(MessageType schema, List<Column> columns, AirbyteMeta meta) {
    this.schema = schema;
    this.columns = columns;
    this.meta = meta;
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(schema, Map.of());
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(schema, Map.of());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Row row) {
    out.startMessage();
    out.startField("_airbyte_raw_id", 0);
    out.addBinary(Binary.fromString(row.rawId()));
    out.endField("_airbyte_raw_id", 0);
    out.startField("_airbyte_extracted_at", 1);
    out.addLong(row.extractedAtMillis());
    out.endField("_airbyte_extracted_at", 1);
    writeMeta();
    out.startField("_airbyte_generation_id", 3);
    out.addLong(meta.generationId());
    out.endField("_airbyte_generation_id", 3);
    Object[] values = row.values();
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null || values[i] instanceof BigInteger big && big.bitLength() > 63) {
        continue; // a missing optional field is null
      }
      String name = columns.get(i).name();
      out.startField(name, i + 4);
      writeValue(columns.get(i), values[i]);
      out.endField(name, i + 4);
    }
    out.endMessage();
  }

  private void writeMeta() {
    out.startField("_airbyte_meta", 2);
    out.startGroup();
    out.startField("sync_id", 0);
    out.addLong(meta.syncId());
    out.endField("sync_id", 0);
    out.startField("changes", 1);
    out.startGroup(); // an empty list: the LIST group without its repeated field
    out.endGroup();
    out.endField("changes", 1);
    out.endGroup();
    out.endField("_airbyte_meta", 2);
  }

  private void writeValue(Column column, Object value) {
    if (ParquetSchemas.isText(column.type())) {
      out.addBinary(Binary.fromString(value instanceof String text ? text : JsonText.text(value)));
      return;
    }
    switch (value) {
      case Boolean bool -> out.addBoolean(bool);
      case Long number -> out.addLong(number);
      case BigInteger number -> out.addLong(number.longValueExact());
      case Double number -> out.addDouble(number);
      case BigDecimal number -> out.addDouble(number.doubleValue());
      case LocalDate date -> out.addInteger(Math.toIntExact(date.toEpochDay()));
      case OffsetDateTime time -> out.addLong(ChronoUnit.MICROS.between(EPOCH,
          time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
      case LocalDateTime time -> out.addLong(ChronoUnit.MICROS.between(EPOCH, time));
      case LocalTime time -> out.addLong(time.toNanoOfDay() / 1000);
      case byte[] bytes -> out.addBinary(Binary.fromConstantByteArray(bytes));
      default -> throw new IllegalArgumentException("column " + column.name() + " of type " + column.type()
          + " cannot hold a " + value.getClass().getSimpleName());
    }
  }
}
