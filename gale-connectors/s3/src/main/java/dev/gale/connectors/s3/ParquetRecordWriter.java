package dev.gale.connectors.s3;

import dev.gale.connector.data.Column;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;
import org.apache.parquet.schema.MessageType;

/**
 * One Parquet object, written row group by row group through Parquet's column API: {@link RowColumns} hands values to
 * the column writers, and the row group is flushed into the file once its buffers reach the block size. Parquet's own
 * {@link OutputFile} API writes into the {@link MultipartObject}: no Hadoop file system is involved, and only one row
 * group (the configured block size) plus the upload's part buffers are held in memory.
 */
final class ParquetRecordWriter implements RecordFileWriter {
  // Buffered sizes walk every column's buffers; asked after each row they cost 3% of the CPU time. A row group or an
  // object may grow past its limit by up to SIZE_EVERY rows, a few kilobytes.
  private static final int SIZE_EVERY = 64;

  private final MultipartObject object;
  private final MessageType schema;
  private final ParquetProperties properties;
  private final CodecFactory codecs;
  private final BytesInputCompressor compressor;
  private final ParquetFileWriter file;
  private final RowColumns columns;
  private final long rowGroupSize;
  private ColumnChunkPageWriteStore pages;
  private ColumnWriteStore store;
  private int rowGroups;
  private long rowsInGroup;
  private int rowsSinceSize;
  private long size;

  /**
   * @param shapes one per column: nested columns are groups and lists, the others flat
   * @param sample the object's first rows, from which columns of mostly distinct values are told apart
   */
  ParquetRecordWriter(OutputFormat.Parquet format, List<Column> columns, List<NestedType> shapes, AirbyteMeta meta,
                      MultipartObject object, List<Object[]> sample) throws IOException {
    this.object = object;
    this.schema = ParquetSchemas.of("record", columns, shapes);
    this.columns = new RowColumns(schema, columns, shapes, meta);
    this.rowGroupSize = format.blockSize();
    ParquetProperties.Builder builder = ParquetProperties.builder()
        .withPageSize(format.pageSize())
        .withDictionaryPageSize(format.dictionaryPageSize())
        .withDictionaryEncoding(format.dictionaryEncoding())
        // Size statistics (level histograms, unencoded byte counts) are counted value by value and few readers use
        // them; min/max statistics and the page index stay.
        .withSizeStatisticsEnabled(false);
    if (format.dictionaryEncoding()) {
      builder.withDictionaryEncoding("_airbyte_raw_id", false); // a fresh UUID in every row
      DictionaryColumns.mostlyDistinct(columns, sample).forEach(name -> builder.withDictionaryEncoding(name, false));
    }
    this.properties = builder.build();
    this.codecs = new CodecFactory(new PlainParquetConfiguration(), properties.getPageSizeThreshold());
    this.compressor = codecs.getCompressor(format.codec().parquetName().orElseThrow());
    this.file = new ParquetFileWriter(new ObjectFile(object), schema, ParquetFileWriter.Mode.OVERWRITE, rowGroupSize,
        format.maxPaddingSize(), null, properties);
    file.start();
  }

  @Override
  public void write(Row row) throws IOException {
    if (store == null) {
      startRowGroup();
    }
    columns.write(row);
    store.endRecord();
    rowsInGroup++;
    if (++rowsSinceSize >= SIZE_EVERY) {
      rowsSinceSize = 0;
      long buffered = store.getBufferedSize();
      if (buffered >= rowGroupSize) {
        endRowGroup();
        buffered = 0;
      }
      size = file.getPos() + buffered;
    }
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public void finish() throws IOException {
    try {
      endRowGroup();
      file.end(Map.of()); // writes the footer into the object
    } finally {
      codecs.release();
    }
    object.finish();
  }

  @Override
  public void abort() {
    codecs.release();
    object.abort();
  }

  private void startRowGroup() {
    pages = new ColumnChunkPageWriteStore(compressor, schema, properties.getAllocator(),
        properties.getColumnIndexTruncateLength(), properties.getPageWriteChecksumEnabled(), null, rowGroups);
    store = properties.newColumnWriteStore(schema, pages, pages);
    columns.writeTo(store);
  }

  private void endRowGroup() throws IOException {
    if (store == null) {
      return;
    }
    if (rowsInGroup > 0) {
      file.startBlock(rowsInGroup);
      store.flush();
      pages.flushToFileWriter(file);
      file.endBlock();
      rowGroups++;
    }
    store.close();
    pages.close();
    store = null;
    pages = null;
    rowsInGroup = 0;
  }

  /** The object as Parquet's output file; closing Parquet's stream does not finish the upload. */
  private record ObjectFile(MultipartObject object) implements OutputFile {
    @Override
    public PositionOutputStream create(long blockSizeHint) {
      return new PositionOutputStream() {
        @Override
        public long getPos() {
          return object.size();
        }

        @Override
        public void write(int b) throws IOException {
          object.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          object.write(bytes, offset, length);
        }
      };
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
      return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
      return false;
    }

    @Override
    public long defaultBlockSize() {
      return 0;
    }

    @Override
    public String getPath() {
      return object.key();
    }
  }
}
