import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Reads the replication jobs of a Gale store for bench/scheduling.sh, whichever the store (H2 or PostgreSQL, both
 * drivers are in the distribution's lib folder): one line per job, "created_us updated_us status", the times in
 * microseconds since the epoch as the store keeps them (timestamp(6) with time zone), oldest job first.
 *
 * <pre>
 *   java -cp 'gale-app/target/lib/*' bench/JobTimes.java JDBC_URL USER PASSWORD_FILE|-
 * </pre>
 *
 * An H2 file store opened with AUTO_SERVER can be read while its server runs; "-" is an empty password.
 */
public final class JobTimes {
  private JobTimes() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: JobTimes JDBC_URL USER PASSWORD_FILE|-");
      System.exit(2);
    }
    String password = args[2].equals("-") ? "" : Files.readString(Path.of(args[2])).strip();
    StringBuilder out = new StringBuilder();
    try (Connection connection = DriverManager.getConnection(args[0], args[1], password);
         Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT created_at, updated_at, status FROM jobs "
             + "WHERE config_type IN ('sync', 'reset_connection', 'clear', 'refresh') ORDER BY id")) {
      while (rows.next()) {
        out.append(micros(rows.getObject(1, OffsetDateTime.class))).append(' ')
            .append(micros(rows.getObject(2, OffsetDateTime.class))).append(' ')
            .append(rows.getString(3)).append('\n');
      }
    } catch (SQLException e) {
      System.err.println("JobTimes: " + e.getMessage());
      System.exit(1);
    }
    System.out.print(out);
  }

  private static long micros(OffsetDateTime time) {
    return ChronoUnit.MICROS.between(OffsetDateTime.parse("1970-01-01T00:00Z"), time);
  }
}
