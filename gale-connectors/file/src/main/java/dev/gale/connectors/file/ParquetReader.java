package dev.gale.connectors.file;

import dev.gale.connector.ConnectorException;
import java.io.IOException;
import java.util.List;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Parquet through parquet-java's {@code InputFile} API, without a Hadoop FileSystem. Parquet keeps its schema at the
 * end of the file, so a file from HTTP(S) is first downloaded to a temporary file. Memory holds one row group at a
 * time (as the writer sized them; commonly up to 128 MB).
 */
final class ParquetReader implements FormatReader {

  @Override
  public List<FileColumn> columns(FileSourceConfig config, int sampleRows) throws IOException, InterruptedException {
    try (FileOpener.LocalFile file = FileOpener.local(config); ParquetFileReader reader = open(config, file)) {
      return ParquetColumns.of(reader.getFooter().getFileMetaData().getSchema(), config.shownUrl());
    }
  }

  @Override
  public void read(FileSourceConfig config, List<FileColumn> columns, RowSink sink)
      throws IOException, InterruptedException {
    try (FileOpener.LocalFile file = FileOpener.local(config); ParquetFileReader reader = open(config, file)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      if (!ParquetColumns.of(schema, config.shownUrl()).equals(columns)) {
        throw new ConnectorException("The columns of " + config.shownUrl() + " changed since they were read");
      }
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      PageReadStore rowGroup;
      while ((rowGroup = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records = io.getRecordReader(rowGroup, new GroupRecordConverter(schema));
        for (long i = 0; i < rowGroup.getRowCount(); i++) {
          Group record = records.read();
          Object[] row = new Object[columns.size()];
          for (int c = 0; c < row.length; c++) {
            row[c] = ParquetColumns.value(record, c, schema.getType(c).asPrimitiveType(), columns.get(c).type());
          }
          sink.accept(row);
        }
      }
    }
  }

  private static ParquetFileReader open(FileSourceConfig config, FileOpener.LocalFile file) throws IOException {
    try {
      return ParquetFileReader.open(new LocalInputFile(file.path()),
          ParquetReadOptions.builder(new PlainParquetConfiguration()).build());
    } catch (RuntimeException | IOException e) {
      // parquet-java says "not a Parquet file" with the path; the path is the configured one or a temporary copy.
      throw new ConnectorException(config.shownUrl() + " is not a Parquet file Gale can read: "
          + e.getClass().getSimpleName(), null);
    }
  }
}
