package dev.gale.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.data.ValueType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Parquet files written by DuckDB, an independent writer. */
class ParquetReadTest {

  static void writeParquet(Path file, String query) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("COPY (" + query + ") TO '" + file + "' (FORMAT parquet)");
    }
  }

  @Test
  void readsTypesFromTheParquetSchema() throws Exception {
    writeParquet(TestFiles.ROOT.resolve("types.parquet"), """
        SELECT * FROM (VALUES
          (1::INTEGER, 10000000000::BIGINT, 1.5::DOUBLE, 2.25::DECIMAL(10,2), true, 'a', DATE '2024-02-29',
           TIMESTAMP '2024-01-02 03:04:05.123456', TIMESTAMPTZ '2024-01-02 03:04:05+00', '\\x01\\x02'::BLOB),
          (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL))
        AS t(i, big, d, dec, b, s, day, ts, tstz, bin)""");

    TestFiles.Read read = TestFiles.read(TestFiles.local("parquet", "/local/types.parquet", null));

    assertThat(read.names()).containsExactly("i", "big", "d", "dec", "b", "s", "day", "ts", "tstz", "bin");
    assertThat(read.columns()).extracting(c -> c.type()).containsExactly(ValueType.INTEGER, ValueType.INTEGER,
        ValueType.NUMBER, ValueType.NUMBER, ValueType.BOOLEAN, ValueType.STRING, ValueType.DATE,
        ValueType.TIMESTAMP_WITHOUT_TIMEZONE, ValueType.TIMESTAMP_WITH_TIMEZONE, ValueType.BINARY);
    Object[] first = read.rows().get(0);
    assertThat(first).containsExactly(1L, 10_000_000_000L, 1.5, new BigDecimal("2.25"), true, "a",
        LocalDate.of(2024, 2, 29), LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000),
        OffsetDateTime.of(2024, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), new byte[] {1, 2});
    assertThat(read.rows().get(1)).containsOnlyNulls();
  }

  @Test
  void readsEveryRowGroupOfABiggerFile() throws Exception {
    writeParquet(TestFiles.ROOT.resolve("big.parquet"),
        "SELECT range AS id, 'row ' || range AS label FROM range(250000)");

    TestFiles.Read read = TestFiles.read(TestFiles.local("parquet", "/local/big.parquet", null));

    assertThat(read.rows()).hasSize(250_000);
    assertThat(read.rows().get(249_999)).containsExactly(249_999L, "row 249999");
  }
}
