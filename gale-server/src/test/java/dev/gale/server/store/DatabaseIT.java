package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.domain.ConnectionStatus;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.ScheduleType;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** What every repository relies on: the schema, enum storage and timestamp precision. */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class DatabaseIT {
  @Parameter
  TestDatabase db;

  @Test
  void theVendorIsTheOneAskedFor() {
    assertThat(db.database().vendor().name()).isEqualTo(db.kind().name());
  }

  @Test
  void migrationsCreateEveryTable() {
    var tables = db.database().jdbi().withHandle(handle -> handle.createQuery(
            "SELECT table_name FROM information_schema.tables WHERE LOWER(table_schema) = 'public'")
        .mapTo(String.class)
        .map(name -> name.toLowerCase(Locale.ROOT))
        .list());

    assertThat(tables).contains("workspace", "actor_definition", "actor_definition_version",
        "actor_definition_workspace_grant", "actor", "connection", "connection_operation", "operation", "state",
        "actor_catalog", "actor_catalog_fetch_event", "jobs", "attempts", "sync_stats", "stream_stats");
  }

  @Test
  void enumsAreStoredAsTheirWireValues() {
    TestingStore store = new TestingStore(db.database());
    var connection = store.newConnection("wire values");
    long jobId = store.jobs.create(JobConfigType.RESET_CONNECTION, connection.id().toString(), null).id();

    assertThat(connection.scheduleType()).isEqualTo(ScheduleType.BASIC_SCHEDULE);
    assertThat(column("SELECT schedule_type FROM connection WHERE id = :id", connection.id())).isEqualTo("basic");
    assertThat(column("SELECT status FROM connection WHERE id = :id", connection.id()))
        .isEqualTo("active").isEqualTo(WireEnums.wire(ConnectionStatus.ACTIVE));
    assertThat(column("SELECT config_type FROM jobs WHERE id = :id", jobId)).isEqualTo("reset_connection");
    assertThat(column("SELECT status FROM jobs WHERE id = :id", jobId)).isEqualTo("pending");
  }

  @Test
  void instantsAreKeptToTheMicrosecondAndNowMatchesThatPrecision() {
    Instant now = db.database().now();
    Instant precise = Instant.parse("2024-02-29T23:59:59.123456789Z");
    long jobId = new JobRepository(db.database()).create(JobConfigType.SYNC, "precision", null).id();

    db.database().jdbi().useHandle(handle -> handle.createUpdate("UPDATE jobs SET started_at = :at WHERE id = :id")
        .bind("at", precise).bind("id", jobId).execute());

    Instant stored = db.database().jdbi().withHandle(handle -> handle.createQuery(
            "SELECT started_at FROM jobs WHERE id = :id").bind("id", jobId).mapTo(Instant.class).one());
    assertThat(stored).isEqualTo(precise.truncatedTo(ChronoUnit.MICROS));
    assertThat(now).isEqualTo(now.truncatedTo(ChronoUnit.MICROS));
  }

  private String column(String sql, Object id) {
    return db.database().jdbi().withHandle(handle -> handle.createQuery(sql)
        .bind("id", id instanceof UUID uuid ? (Object) uuid : id)
        .mapTo(String.class)
        .one());
  }
}
