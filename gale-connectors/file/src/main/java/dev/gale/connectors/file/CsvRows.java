package dev.gale.connectors.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.gale.connector.ConnectorException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The records of a CSV file after pandas' {@code skiprows} and {@code header}: a header (from the file, from
 * {@code names}, or numbered "0", "1"... without either), then data rows of exactly as many cells (short rows are
 * padded with empty cells). Row indices count parsed records, so a quoted value spanning lines counts once; blank
 * lines are skipped, as pandas does.
 */
final class CsvRows implements AutoCloseable {
  private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
      .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

  private final FileSourceConfig config;
  private final Reader reader;
  private final MappingIterator<String[]> records;
  private final List<String> header;
  private String[] pending;
  private long index = -1;

  private CsvRows(FileSourceConfig config, InputStream in) throws IOException {
    this.config = config;
    ReaderOptions options = config.readerOptions();
    this.reader = new InputStreamReader(in, options.encoding());
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(options.separator())
        .withQuoteChar(options.quote());
    this.records = MAPPER.readerFor(String[].class).with(schema).readValues(reader);
    this.header = readHeader(options);
  }

  static CsvRows open(FileSourceConfig config) throws IOException, InterruptedException {
    InputStream in = FileOpener.open(config);
    try {
      return new CsvRows(config, in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  List<String> header() {
    return header;
  }

  /** The next data row, one cell per header column; {@code null} at the end. */
  String[] next() throws IOException {
    String[] record = pending != null ? pending : nextKept();
    pending = null;
    if (record == null) {
      return null;
    }
    if (record.length > header.size()) {
      throw new ConnectorException("Row " + (index + 1) + " of " + config.shownUrl() + " has " + record.length
          + " values for " + header.size() + " columns; check reader_options sep, quotechar and header");
    }
    if (record.length < header.size()) {
      String[] padded = new String[header.size()];
      System.arraycopy(record, 0, padded, 0, record.length);
      record = padded;
    }
    return record;
  }

  /** The 1-based number of the last record read, counting every parsed record of the file. */
  long rowNumber() {
    return index + 1;
  }

  private List<String> readHeader(ReaderOptions options) throws IOException {
    String[] headerRow = null;
    if (options.headerRow() != ReaderOptions.NO_HEADER) {
      for (int row = 0; row <= options.headerRow(); row++) {
        headerRow = nextKept();
        if (headerRow == null) {
          throw new ConnectorException(config.shownUrl() + " has no header row " + options.headerRow()
              + " (reader_options header); is it an empty file?");
        }
      }
    }
    if (!options.names().isEmpty()) {
      return options.names();
    }
    if (headerRow != null) {
      return uniqueNames(headerRow);
    }
    pending = nextKept();
    if (pending == null) {
      throw new ConnectorException(config.shownUrl() + " is empty: it holds no CSV row");
    }
    List<String> numbered = new ArrayList<>(pending.length);
    for (int i = 0; i < pending.length; i++) {
      numbered.add(Integer.toString(i));
    }
    return numbered;
  }

  // As pandas: a blank name becomes "Unnamed: i" and a repeated one gets ".1", ".2"... so every column is kept.
  private static List<String> uniqueNames(String[] row) {
    List<String> names = new ArrayList<>(row.length);
    Set<String> used = new HashSet<>();
    for (int i = 0; i < row.length; i++) {
      String base = row[i] == null || row[i].isEmpty() ? "Unnamed: " + i : row[i];
      String name = base;
      for (int n = 1; !used.add(name); n++) {
        name = base + "." + n;
      }
      names.add(name);
    }
    return names;
  }

  private String[] nextKept() throws IOException {
    try {
      while (records.hasNextValue()) {
        String[] record = records.nextValue();
        index++;
        if (!config.readerOptions().skips(index)) {
          return record;
        }
      }
      return null;
    } catch (JsonProcessingException e) {
      // The parser's own message says what is wrong, and holds no configuration.
      throw new ConnectorException(config.shownUrl() + " is not CSV Gale can parse near row " + (index + 2) + ": "
          + e.getOriginalMessage(), null);
    } catch (RuntimeException e) {
      throw new ConnectorException(config.shownUrl() + " is not CSV Gale can parse near row " + (index + 2) + ": "
          + e.getMessage(), null);
    }
  }

  @Override
  public void close() throws IOException {
    try (reader) {
      records.close();
    }
  }
}
