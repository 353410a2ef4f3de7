package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connectors.postgres.TestingPostgres;
import dev.gale.connectors.postgres.destination.PostgresDestination;
import dev.gale.engine.ReplicationEngine;
import dev.gale.engine.ReplicationRequest;
import dev.gale.engine.ReplicationResult;
import dev.gale.engine.StreamMapping;
import dev.gale.protocol.StreamDescriptor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An external source program into the built-in PostgreSQL destination, on a real server. */
@Timeout(120)
class ExternalToPostgresIT {
  static final TestingPostgres POSTGRES = TestingPostgres.shared();

  @TempDir
  Path dir;

  @Test
  void theRecordsOfAnExternalSourceLandInPostgresAndItsStatesAreCommitted() throws Exception {
    String database = POSTGRES.newDatabase();
    ExternalSyncIT.Recording listener = new ExternalSyncIT.Recording();

    ReplicationResult result = new ReplicationEngine(ExternalSyncIT.FLUSH_AT_EVERY_CHECKPOINT)
        .start(new ReplicationRequest(ExternalSyncIT.countingSource(dir), ExternalSourceTest.CONFIG,
            new PostgresDestination(), POSTGRES.config(database).put("schema", "public"), ExternalSyncIT.users(),
            StreamMapping.identity(), List.of(), 5), listener)
        .await(Duration.ofSeconds(90)).orElseThrow();

    assertThat(result.failure()).isEmpty();
    assertThat(result.totals().streams().get(StreamDescriptor.of("users")).recordsCommitted()).isEqualTo(3000);
    assertThat(POSTGRES.query(database, "SELECT count(*), count(DISTINCT id), max(id) FROM public.users"))
        .containsExactly(List.of(3000L, 3000L, 3000L));
    assertThat(listener.committed()).extracting(state -> state.stream().streamState().get("cursor").asInt())
        .containsExactly(1000, 2000, 3000);
  }
}
