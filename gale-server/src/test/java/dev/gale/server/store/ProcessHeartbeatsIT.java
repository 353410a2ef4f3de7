package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.store.ProcessHeartbeats.Kind;
import dev.gale.server.testing.ManualClock;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

/** Heartbeat rows and the census of live processes they give, on H2 and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class ProcessHeartbeatsIT {
  @Parameter
  TestDatabase vendor;

  /** A database of the vendor's own for each test, since every test moves its clock and counts every row. */
  TestDatabase db;
  final ManualClock clock = ManualClock.at2025();
  ProcessHeartbeats heartbeats;
  JobCensus census;

  @BeforeEach
  void setUp() {
    db = new TestDatabase(vendor.kind());
    db.useClock(clock);
    heartbeats = new ProcessHeartbeats(db.database());
    census = new JobCensus(db.database());
  }

  @AfterEach
  void closeDatabase() {
    db.close();
  }

  @Test
  void idleProcessesCountAsAliveByKindAndTheOnesWithWorkersAsWorkerProcesses() {
    heartbeats.beat(process("server-with-workers", Kind.SERVER, 4));
    heartbeats.beat(process("api-only-server", Kind.SERVER, 0));
    heartbeats.beat(process("worker", Kind.WORKER, 8));

    JobCensus.Count count = census.take();

    assertThat(count.liveProcesses(Kind.SERVER)).isEqualTo(2);
    assertThat(count.liveProcesses(Kind.WORKER)).isEqualTo(1);
    assertThat(count.liveWorkerProcesses()).as("the API-only server runs no workers").isEqualTo(2);
    assertThat(count.busyWorkerProcesses()).as("no job, so no lease").isZero();
  }

  @Test
  void aProcessSilentForThreeIntervalsIsGoneAndPrunedButComesBackWithItsNextBeat() {
    ProcessHeartbeats.Process silent = process("silent", Kind.WORKER, 2);
    ProcessHeartbeats.Process beating = process("beating", Kind.WORKER, 2);
    heartbeats.beat(silent);
    heartbeats.beat(beating);

    clock.advance(ProcessHeartbeats.INTERVAL.multipliedBy(2));
    heartbeats.beat(beating);
    assertThat(census.take().liveProcesses(Kind.WORKER)).as("one beat late is not gone").isEqualTo(2);
    assertThat(heartbeats.pruneGone()).isZero();

    clock.advance(ProcessHeartbeats.INTERVAL.plusMillis(1));
    heartbeats.beat(beating);
    assertThat(census.take().liveProcesses(Kind.WORKER)).isEqualTo(1);
    assertThat(census.take().liveWorkerProcesses()).isEqualTo(1);
    assertThat(heartbeats.pruneGone()).isEqualTo(1);
    assertThat(rows()).isEqualTo(1);

    heartbeats.beat(silent);
    assertThat(census.take().liveProcesses(Kind.WORKER)).as("it was only paused").isEqualTo(2);
  }

  @Test
  void aBeatKeepsOneRowPerProcessAndRemovingItEndsIt() {
    ProcessHeartbeats.Process process = process("restarted", Kind.SERVER, 1);
    heartbeats.beat(process);
    clock.advance(Duration.ofSeconds(5));
    heartbeats.beat(process);
    assertThat(rows()).isEqualTo(1);
    String host = db.database().jdbi().withHandle(handle -> handle.createQuery("SELECT host FROM process_heartbeats")
        .mapTo(String.class).one());
    assertThat(host).isEqualTo("host-a");

    heartbeats.remove(process.id());

    assertThat(rows()).isZero();
    assertThat(census.take().liveProcesses(Kind.SERVER)).isZero();
  }

  private ProcessHeartbeats.Process process(String id, Kind kind, int workers) {
    return new ProcessHeartbeats.Process(id, kind, "host-a", workers, clock.instant());
  }

  private int rows() {
    return db.database().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM process_heartbeats")
        .mapTo(Integer.class).one());
  }
}
