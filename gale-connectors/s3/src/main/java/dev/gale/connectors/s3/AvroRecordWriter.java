package dev.gale.connectors.s3;

import dev.gale.connector.data.Column;
import dev.gale.protocol.StreamDescriptor;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * One Avro object container file, written by Avro's {@link DataFileWriter} straight into the {@link MultipartObject}:
 * one Avro block (about 64 KB) plus one upload part is held in memory. The values of a {@link Row} are turned into
 * Avro's representations of the types {@link AvroSchemas} gives; integers beyond 64 bits are written as null, as in
 * Parquet.
 */
final class AvroRecordWriter implements RecordFileWriter {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private final MultipartObject object;
  private final List<Column> columns;
  private final Schema schema;
  private final GenericRecord meta;
  private final long generationId;
  private final DataFileWriter<GenericRecord> writer;

  AvroRecordWriter(OutputFormat.Avro format, StreamDescriptor stream, List<Column> columns, AirbyteMeta meta,
                   MultipartObject object) throws IOException {
    this.object = object;
    this.columns = columns;
    this.schema = AvroSchemas.of(stream.name(), stream.namespace(), columns);
    this.meta = new GenericData.Record(schema.getField("_airbyte_meta").schema());
    this.meta.put("sync_id", meta.syncId());
    this.meta.put("changes", new GenericData.Array<>(0, this.meta.getSchema().getField("changes").schema()));
    this.generationId = meta.generationId();
    this.writer = new DataFileWriter<GenericRecord>(new GenericDatumWriter<>(schema))
        .setCodec(format.codec().factory(format.level(), format.checksum()));
    // Avro closes its stream when it is closed; the object is finished explicitly, after the last block.
    OutputStream unclosable = new FilterOutputStream(object) {
      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        object.write(bytes, offset, length);
      }

      @Override
      public void close() {}
    };
    writer.create(schema, unclosable);
  }

  @Override
  public void write(Row row) throws IOException {
    GenericData.Record record = new GenericData.Record(schema);
    record.put(0, row.rawId());
    record.put(1, row.extractedAtMillis());
    record.put(2, meta);
    record.put(3, generationId);
    Object[] values = row.values();
    for (int i = 0; i < values.length; i++) {
      record.put(i + 4, value(columns.get(i), values[i]));
    }
    writer.append(record);
  }

  /** The bytes in the object so far; Avro's current block (at most its sync interval) is not counted. */
  @Override
  public long size() {
    return object.size();
  }

  @Override
  public void finish() throws IOException {
    writer.close(); // writes the last block
    object.finish();
  }

  @Override
  public void abort() {
    object.abort();
  }

  private static Object value(Column column, Object value) {
    if (value == null || value instanceof BigInteger big && big.bitLength() > 63) {
      return null;
    }
    if (ParquetSchemas.isText(column.type())) {
      return value instanceof String text ? text : JsonText.text(value);
    }
    return switch (value) {
      case Boolean bool -> bool;
      case Long number -> number;
      case BigInteger number -> number.longValueExact();
      case Double number -> number;
      case BigDecimal number -> number.doubleValue();
      case LocalDate date -> Math.toIntExact(date.toEpochDay());
      case OffsetDateTime time -> ChronoUnit.MICROS.between(EPOCH,
          time.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
      case LocalDateTime time -> ChronoUnit.MICROS.between(EPOCH, time);
      case LocalTime time -> time.toNanoOfDay() / 1000;
      case byte[] bytes -> ByteBuffer.wrap(bytes);
      default -> throw new IllegalArgumentException("column " + column.name() + " of type " + column.type()
          + " cannot hold a " + value.getClass().getSimpleName());
    };
  }
}
