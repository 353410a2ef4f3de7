package dev.gale.connectors.s3;

import dev.gale.connector.data.Column;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * One Parquet object. Parquet's own {@link OutputFile} API writes into the {@link MultipartObject}: no Hadoop file
 * system is involved, and only one row group (the configured block size) plus one upload part is held in memory.
 */
final class ParquetRecordWriter implements RecordFileWriter {
  private final MultipartObject object;
  private static final int SIZE_EVERY = 64;

  private final ParquetWriter<Row> writer;
  private long size;
  private int rowsSinceSize = SIZE_EVERY;

  /** @param sample the object's first rows, from which columns of mostly distinct values are told apart */
  ParquetRecordWriter(OutputFormat.Parquet format, String streamName, List<Column> columns, AirbyteMeta meta,
                      MultipartObject object, List<Object[]> sample) throws IOException {
    this.object = object;
    RowWriteSupport support = new RowWriteSupport(ParquetSchemas.of("record", columns), columns, meta);
    Builder builder = new Builder(new ObjectFile(object), support);
    if (format.dictionaryEncoding()) {
      builder.withDictionaryEncoding("_airbyte_raw_id", false); // a fresh UUID in every row
      DictionaryColumns.mostlyDistinct(columns, sample).forEach(name -> builder.withDictionaryEncoding(name, false));
    }
    this.writer = builder
        .withConf(new PlainParquetConfiguration())
        .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
        .withCompressionCodec(format.codec().parquetName().orElseThrow())
        .withRowGroupSize(format.blockSize())
        .withPageSize(format.pageSize())
        .withDictionaryPageSize(format.dictionaryPageSize())
        .withMaxPaddingSize(format.maxPaddingSize())
        .withDictionaryEncoding(format.dictionaryEncoding())
        .build();
  }

  @Override
  public void write(Row row) throws IOException {
    writer.write(row);
    rowsSinceSize++;
  }

  // Parquet's size walks every column's buffers; asked after each row it was 3% of the CPU time. An object may grow
  // past its limit by up to SIZE_EVERY rows, a few kilobytes.
  @Override
  public long size() {
    if (rowsSinceSize >= SIZE_EVERY) {
      size = writer.getDataSize();
      rowsSinceSize = 0;
    }
    return size;
  }

  @Override
  public void finish() throws IOException {
    writer.close(); // writes the footer into the object
    object.finish();
  }

  @Override
  public void abort() {
    object.abort();
  }

  private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
    private final RowWriteSupport support;

    Builder(OutputFile file, RowWriteSupport support) {
      super(file);
      this.support = support;
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(Configuration configuration) {
      return support;
    }

    @Override
    protected WriteSupport<Row> getWriteSupport(org.apache.parquet.conf.ParquetConfiguration configuration) {
      return support;
    }
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
