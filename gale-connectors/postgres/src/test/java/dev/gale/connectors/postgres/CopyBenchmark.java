package dev.gale.connectors.postgres;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connector.data.WriteContext;
import dev.gale.connectors.postgres.destination.PostgresDestination;
import dev.gale.connectors.postgres.source.PostgresSource;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.SyncMode;
import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * A by-hand measurement, not a test: reads a table of several types into a counting output, writes the same rows
 * into a new table, and times psql's own binary COPY out and in on the same embedded server for comparison.
 * Run with the module's test class path: {@code java -cp ... dev.gale.connectors.postgres.CopyBenchmark [rows]}.
 */
public final class CopyBenchmark {
  private CopyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    try (TestingPostgres postgres = new TestingPostgres()) {
      String database = postgres.newDatabase();
      postgres.execute(database, """
          CREATE TABLE t AS SELECT i::int8 AS id, md5(i::text) AS name, (i * 1.25)::numeric(12,2) AS amount,
            now() - i * interval '1 second' AS created_at, i %% 2 = 0 AS flag, i / 7.0::float8 AS ratio,
            date '2020-01-01' + (i %% 1000) AS day, gen_random_uuid() AS uid
          FROM generate_series(1, %d) i""".formatted(rows), "VACUUM ANALYZE t");
      ObjectNode config = postgres.config(database).put("schema", "public");
      PostgresSource source = new PostgresSource();
      AirbyteStream stream = source.discover(config).streams().getFirst();
      ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(
          ConfiguredAirbyteStream.of(stream, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND)));

      for (int run = 1; run <= 3; run++) {
        long[] count = {0};
        List<RecordBatch> kept = new ArrayList<>();
        long start = System.nanoTime();
        source.read(config, catalog, List.of(), output(batch -> {
          count[0] += batch.size();
          if (kept.size() * 4096L < 250_000) {
            kept.add(batch); // a quarter million rows to write again below
          }
        }));
        report("source read", count[0], start);

        // The same rows as another stream, in another schema: what the engine's namespace mapping would do.
        AirbyteStream copy = stream.withNamespace("copy_" + run);
        ConfiguredAirbyteCatalog copyCatalog = new ConfiguredAirbyteCatalog(List.of(
            ConfiguredAirbyteStream.of(copy, SyncMode.FULL_REFRESH, DestinationSyncMode.APPEND)));
        List<RecordBatch> renamed = kept.stream().map(batch -> new RecordBatch(new RecordSchema(copy.descriptor(),
            batch.schema().columns()), batch.rows(), batch.emittedAt(), batch.estimatedBytes())).toList();
        start = System.nanoTime();
        long written = 0;
        try (DestinationWriter writer = new PostgresDestination().open(config, copyCatalog,
            new WriteContext(run, (level, message) -> { }))) {
          while (written < rows) {
            for (RecordBatch batch : renamed) {
              writer.write(batch);
              written += batch.size();
            }
          }
          writer.flush();
          writer.complete();
        }
        report("destination write", written, start);
      }
      File out = File.createTempFile("gale-bench", ".copy");
      for (int run = 1; run <= 3; run++) {
        long start = System.nanoTime();
        psql(postgres, database, "\\copy t TO STDOUT (FORMAT binary)", null, new File("/dev/null"));
        report("psql COPY TO STDOUT > /dev/null", rows, start);
      }
      psql(postgres, database, "\\copy t TO STDOUT (FORMAT binary)", null, out);
      postgres.execute(database, "CREATE TABLE t2 (LIKE t)");
      for (int run = 1; run <= 3; run++) {
        postgres.execute(database, "TRUNCATE t2");
        long start = System.nanoTime();
        psql(postgres, database, "\\copy t2 FROM STDIN (FORMAT binary)", out, null);
        report("psql COPY FROM STDIN < file", rows, start);
      }
      out.delete();
    }
  }

  private static void psql(TestingPostgres postgres, String database, String command, File in, File out)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder("psql", "-h", "localhost", "-p", String.valueOf(postgres.port()),
        "-U", "postgres", "-d", database, "-q", "-c", command);
    if (in != null) {
      builder.redirectInput(in);
    }
    builder.redirectOutput(out == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(out));
    builder.redirectError(ProcessBuilder.Redirect.INHERIT);
    if (builder.start().waitFor() != 0) {
      throw new IllegalStateException("psql failed: " + command);
    }
  }

  private static void report(String what, long rows, long startNanos) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    System.out.printf("%-34s %,10d rows in %6.2f s = %,12.0f rows/s%n", what, rows, seconds, rows / seconds);
  }

  private static SourceOutput output(java.util.function.Consumer<RecordBatch> batches) {
    return new SourceOutput() {
      @Override
      public void emit(RecordBatch batch) {
        batches.accept(batch);
      }

      @Override
      public void checkpoint(AirbyteStateMessage state) {
      }

      @Override
      public void log(LogLevel level, String message) {
      }
    };
  }
}
