package dev.gale.connectors.s3;

import dev.gale.connector.data.Column;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which columns are not worth a Parquet dictionary, judged from the first rows of an object. Parquet's writer builds a
 * dictionary for every column and drops it only once it outgrows {@code dictionary_page_size_kb}, in every row group
 * again: for a column of mostly distinct values (ids, hashes, measurements) that work is thrown away, and it was a
 * quarter of the CPU time of writing Parquet. Such a column is written plain from the start, which is what the
 * fallback would have ended with; columns with repeated values keep their dictionary.
 */
final class DictionaryColumns {
  /** Fewer rows than this say too little: the column keeps its dictionary and Parquet decides as usual. */
  static final int MIN_SAMPLE = 1000;
  private static final int MAX_SAMPLE = 10_000;

  private DictionaryColumns() {}

  /** The names of the columns whose non-null values in {@code sample} are mostly (over half) distinct. */
  static List<String> mostlyDistinct(List<Column> columns, List<Object[]> sample) {
    List<String> distinct = new ArrayList<>();
    if (sample.size() < MIN_SAMPLE) {
      return distinct;
    }
    List<Object[]> rows = sample.subList(0, Math.min(sample.size(), MAX_SAMPLE));
    for (int i = 0; i < columns.size(); i++) {
      Set<Object> seen = new HashSet<>();
      int values = 0;
      for (Object[] row : rows) {
        Object value = row[i];
        if (value != null) {
          values++;
          seen.add(value instanceof byte[] bytes ? ByteBuffer.wrap(bytes) : value);
        }
      }
      if (values >= MIN_SAMPLE && seen.size() * 2 > values) {
        distinct.add(columns.get(i).name());
      }
    }
    return distinct;
  }
}
