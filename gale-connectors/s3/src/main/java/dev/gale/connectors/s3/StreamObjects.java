package dev.gale.connectors.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.protocol.StreamDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The objects one stream gets in one sync: one open at a time, split at {@link Limits#objectSize}, finished at every
 * flush so that the records a state covers are in complete objects before the state is acknowledged.
 */
final class StreamObjects {
  private final S3Client s3;
  private final String bucket;
  private final StreamDescriptor stream;
  private final ObjectKeys keys;
  private final String directory;
  private final OutputFormat format;
  private final AirbyteMeta meta;
  private final JsonNode jsonSchema;
  private final Limits limits;
  private final boolean overwrite;
  private final List<String> flushed = new ArrayList<>();
  private final List<String> finishedSinceFlush = new ArrayList<>();
  private RecordFileWriter current;
  private String currentKey;
  private RecordSchema schema;
  private final AtomicLong partNumbers;

  /**
   * @param jsonSchema the stream's JSON Schema from the catalog, which gives objects and arrays their shape in Parquet
   *     and Avro
   * @param partNumbers numbers the stream's objects, shared by its lanes so that keys never collide
   */
  StreamObjects(S3Client s3, String bucket, StreamDescriptor stream, ObjectKeys keys, OutputFormat format,
                AirbyteMeta meta, JsonNode jsonSchema, Limits limits, boolean overwrite, AtomicLong partNumbers) {
    this.s3 = s3;
    this.bucket = bucket;
    this.stream = stream;
    this.keys = keys;
    this.directory = keys.directory(stream);
    this.format = format;
    this.meta = meta;
    this.jsonSchema = jsonSchema;
    this.limits = limits;
    this.overwrite = overwrite;
    this.partNumbers = partNumbers;
  }

  /** Writes a batch's rows, each with a fresh raw id, into the open object, starting new ones as needed. */
  void write(RecordBatch batch, RawIds rawIds) throws IOException {
    long extractedAt = batch.emittedAt().toEpochMilli();
    List<Object[]> rows = batch.rows();
    if (current != null && !batch.schema().equals(schema)) {
      // A Parquet or Avro object has one schema; a batch with other columns starts a new object.
      finishCurrent();
    }
    for (int i = 0; i < rows.size(); i++) {
      if (current == null) {
        schema = batch.schema();
        current = open(keys.key(directory, stream, partNumbers.getAndIncrement()), rows.subList(i, rows.size()));
      }
      current.write(new Row(rawIds.next(), extractedAt, rows.get(i)));
      if (current.size() >= limits.objectSize()) {
        finishCurrent();
      }
    }
  }

  /** Finishes the open object; afterwards everything written is in complete objects. */
  void finishOpen() throws IOException {
    finishCurrent();
  }

  /**
   * Marks the objects finished so far as acknowledged: a failed sync keeps them (in append mode). Called once the
   * whole writer's flush has succeeded, so that a flush failing in another lane or stream takes them back too.
   */
  void acknowledge() {
    flushed.addAll(finishedSinceFlush);
    finishedSinceFlush.clear();
  }

  /** Every object this sync completed for the stream. */
  List<String> written() {
    List<String> all = new ArrayList<>(flushed);
    all.addAll(finishedSinceFlush);
    return all;
  }

  /** Objects that no flush acknowledged, and for an overwrite all of this sync's: a failed sync takes them back. */
  List<String> abandon() {
    if (current != null) {
      current.abort();
      current = null;
    }
    return overwrite ? written() : List.copyOf(finishedSinceFlush);
  }

  private void finishCurrent() throws IOException {
    if (current == null) {
      return;
    }
    RecordFileWriter finishing = current;
    current = null;
    try {
      finishing.finish();
    } catch (IOException | RuntimeException e) {
      finishing.abort();
      throw e;
    }
    finishedSinceFlush.add(currentKey);
  }

  private RecordFileWriter open(String key, List<Object[]> firstRows) throws IOException {
    currentKey = key;
    MultipartObject object = new MultipartObject(s3, bucket, key, limits.partSize());
    return switch (format) {
      case OutputFormat.Text text -> new TextRecordWriter(text, schema.columns(), meta, object);
      case OutputFormat.Parquet parquet -> new ParquetRecordWriter(parquet, schema.columns(),
          NestedType.of(schema.columns(), jsonSchema), meta, object, firstRows);
      case OutputFormat.Avro avro -> new AvroRecordWriter(avro, stream, schema.columns(),
          NestedType.of(schema.columns(), jsonSchema), meta, object);
    };
  }
}
