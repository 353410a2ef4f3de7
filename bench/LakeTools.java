import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The parts of bench/pg_to_lake.sh that need a JVM: the S3 server on loopback, DuckDB's own Parquet writer (the
 * baseline), and reading back what Gale wrote with DuckDB, an independent reader. Run with the S3 module's test
 * class path (local-s3-rest, the AWS SDK, DuckDB's JDBC driver).
 *
 * <pre>
 *   s3-server PORT DATA_DIR BUCKET           serves S3 on 127.0.0.1:PORT from DATA_DIR until stdin closes
 *   duckdb-load DB CSV DDL                   loads a CSV export into table firenibble of DuckDB file DB (unmeasured)
 *   duckdb-parquet DB OUT                    COPY firenibble TO OUT as Parquet/snappy; prints "wall_s cpu_s"
 *   s3-download ENDPOINT BUCKET PREFIX DIR   downloads every object under PREFIX into DIR
 *   spot SOURCE IDS                          "count" then the rows whose id is in IDS as a JSON array, from a
 *                                            DuckDB FROM clause (read_parquet(...), or db.table with DB attached)
 * </pre>
 */
public final class LakeTools {
  private static final String KEY_ID = "bench";
  private static final String SECRET = "bench-secret";

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "s3-server" -> s3Server(Integer.parseInt(args[1]), args[2], args[3]);
      case "duckdb-load" -> duckdbLoad(args[1], args[2], args[3]);
      case "duckdb-parquet" -> duckdbParquet(args[1], args[2]);
      case "s3-download" -> s3Download(URI.create(args[1]), args[2], args[3], Path.of(args[4]));
      case "spot" -> spot(args[1], args[2], args.length > 3 ? args[3] : null);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  private static void s3Server(int port, String dataDir, String bucket) throws IOException {
    LocalS3 server = LocalS3.builder().port(port).mode(LocalS3Mode.PERSISTENCE).dataPath(dataDir).build();
    server.start();
    try (S3Client client = client(URI.create("http://127.0.0.1:" + port))) {
      client.createBucket(b -> b.bucket(bucket));
    }
    System.out.println("ready");
    System.out.flush();
    // The script holds stdin open for as long as it needs the server.
    while (System.in.read() >= 0) {
      // Nothing to read; the end of input is the signal.
    }
    server.shutdown();
  }

  private static void duckdbLoad(String db, String csv, String ddl) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db);
         Statement statement = connection.createStatement()) {
      statement.execute(ddl);
      statement.execute("COPY firenibble FROM '" + csv + "' (FORMAT csv, HEADER false)");
      statement.execute("CHECKPOINT");
    }
  }

  private static void duckdbParquet(String db, String out) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db);
         Statement statement = connection.createStatement()) {
      var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      long cpu = os.getProcessCpuTime();
      long start = System.nanoTime();
      statement.execute("COPY firenibble TO '" + out + "' (FORMAT parquet, COMPRESSION snappy)");
      System.out.printf("%.3f %.3f%n", (System.nanoTime() - start) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9);
    }
  }

  private static void s3Download(URI endpoint, String bucket, String prefix, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (S3Client client = client(endpoint)) {
      int n = 0;
      for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
        String key = object.key();
        client.getObject(b -> b.bucket(bucket).key(key),
            dir.resolve((n++) + "_" + key.substring(key.lastIndexOf('/') + 1)));
      }
      System.out.println(n);
    }
  }

  /** Prints the row count of SOURCE and the rows with the given ids as JSON, numbers as Java writes doubles. */
  private static void spot(String source, String ids, String attach) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
         Statement statement = connection.createStatement()) {
      if (attach != null) {
        statement.execute("ATTACH '" + attach + "' AS db (READ_ONLY)");
      }
      try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + source)) {
        count.next();
        System.out.println(count.getLong(1));
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("SELECT * FROM " + source + " WHERE id IN (" + ids + ") ORDER BY id")) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          StringJoiner row = new StringJoiner(",", "{", "}");
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnName(i);
            if (name.startsWith("_airbyte_")) {
              continue;
            }
            Object value = rs.getObject(i);
            row.add("\"" + name + "\":" + json(value));
          }
          rows.add(row.toString());
        }
      }
      System.out.println("[" + String.join(",", rows) + "]");
    }
  }

  private static String json(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static S3Client client(URI endpoint) {
    return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY_ID, SECRET))).build();
  }
}
