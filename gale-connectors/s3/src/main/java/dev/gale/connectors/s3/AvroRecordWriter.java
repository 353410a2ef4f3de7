package dev.gale.connectors.s3;

import dev.gale.connector.data.Column;
import dev.gale.connector.data.ValueType;
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
import java.util.ArrayList;
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
 * Parquet. Nested columns are parsed from their JSON text into records and arrays; what did not fit its declared
 * shape is null and listed in the row's {@code _airbyte_meta.changes}, as Airbyte lists it.
 */
final class AvroRecordWriter implements RecordFileWriter {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private final MultipartObject object;
  private final List<Column> columns;
  private final List<NestedType> shapes;
  private final Schema schema;
  private final GenericRecord meta;
  private final long syncId;
  private final List<String> nulled = new ArrayList<>();
  private final long generationId;
  private final DataFileWriter<GenericRecord> writer;

  /** @param shapes one per column: nested columns are records and arrays, the others flat */
  AvroRecordWriter(OutputFormat.Avro format, StreamDescriptor stream, List<Column> columns, List<NestedType> shapes,
                   AirbyteMeta meta, MultipartObject object) throws IOException {
    this.object = object;
    this.columns = columns;
    this.shapes = shapes;
    this.schema = AvroSchemas.of(stream.name(), stream.namespace(), columns, shapes);
    this.syncId = meta.syncId();
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
    record.put(3, generationId);
    Object[] values = row.values();
    nulled.clear();
    for (int i = 0; i < values.length; i++) {
      Column column = columns.get(i);
      NestedType shape = shapes.get(i);
      record.put(i + 4, shape.nested()
          ? nested(shape, schema.getFields().get(i + 4).schema(),
              NestedValues.column(column.name(), shape, values[i], nulled))
          : value(column.name(), column.type(), values[i]));
    }
    record.put(2, nulled.isEmpty() ? meta : metaWithChanges());
    writer.append(record);
  }

  /** {@code _airbyte_meta} listing the fields of this row that were nulled. */
  private GenericRecord metaWithChanges() {
    Schema metaSchema = meta.getSchema();
    Schema changesSchema = metaSchema.getField("changes").schema();
    GenericData.Array<GenericRecord> changes = new GenericData.Array<>(nulled.size(), changesSchema);
    for (String field : nulled) {
      GenericRecord change = new GenericData.Record(changesSchema.getElementType());
      change.put("field", field);
      change.put("change", "NULLED");
      change.put("reason", "DESTINATION_SERIALIZATION_ERROR");
      changes.add(change);
    }
    GenericRecord withChanges = new GenericData.Record(metaSchema);
    withChanges.put("sync_id", syncId);
    withChanges.put("changes", changes);
    return withChanges;
  }

  /** A shaped nested value ({@link NestedValues}) as Avro's record, array or scalar of the nullable {@code type}. */
  private static Object nested(NestedType shape, Schema nullableType, Object value) {
    if (value == null) {
      return null;
    }
    Schema type = nullableType.getTypes().get(1); // the union is null and the type
    return switch (shape) {
      case NestedType.Struct struct -> {
        Object[] values = (Object[]) value;
        GenericData.Record record = new GenericData.Record(type);
        for (int i = 0; i < values.length; i++) {
          record.put(i, nested(struct.fields().get(i).type(), type.getFields().get(i).schema(), values[i]));
        }
        yield record;
      }
      case NestedType.ListOf list -> {
        List<?> values = (List<?>) value;
        GenericData.Array<Object> array = new GenericData.Array<>(values.size(), type);
        for (Object item : values) {
          array.add(nested(list.items(), type.getElementType(), item));
        }
        yield array;
      }
      case NestedType.Scalar scalar -> value("nested field", scalar.type(), value);
    };
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

  private static Object value(String column, ValueType type, Object value) {
    if (value == null || value instanceof BigInteger big && big.bitLength() > 63) {
      return null;
    }
    if (ParquetSchemas.isText(type)) {
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
      default -> throw new IllegalArgumentException("column " + column + " of type " + type
          + " cannot hold a " + value.getClass().getSimpleName());
    };
  }
}
