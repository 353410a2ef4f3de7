package dev.gale.connectors.file;

import dev.gale.connector.ConnectorException;
import java.io.IOException;
import java.util.List;

/** CSV through a real CSV parser, with the columns' types inferred from the first records (see {@link CsvCells}). */
final class CsvReader implements FormatReader {

  @Override
  public List<FileColumn> columns(FileSourceConfig config, int sampleRows) throws IOException, InterruptedException {
    try (CsvRows rows = CsvRows.open(config)) {
      List<String> header = rows.header();
      ColumnTypes types = new ColumnTypes();
      header.forEach(types::declare);
      String[] record;
      for (int sampled = 0; sampled < sampleRows && (record = rows.next()) != null; sampled++) {
        for (int i = 0; i < record.length; i++) {
          types.observe(header.get(i), CsvCells.typeOf(record[i]));
        }
      }
      return types.columns();
    }
  }

  @Override
  public void read(FileSourceConfig config, List<FileColumn> columns, RowSink sink)
      throws IOException, InterruptedException {
    try (CsvRows rows = CsvRows.open(config)) {
      if (!rows.header().equals(columns.stream().map(FileColumn::name).toList())) {
        throw new ConnectorException("The columns of " + config.shownUrl() + " changed since they were read: "
            + rows.header());
      }
      String[] record;
      while ((record = rows.next()) != null) {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) {
          Object value = CsvCells.value(record[i], columns.get(i).type());
          if (value == CsvCells.Unfit.VALUE) {
            throw Mismatch.of(config, rows.rowNumber(), columns.get(i), record[i]);
          }
          row[i] = value;
        }
        sink.accept(row);
      }
    }
  }
}
