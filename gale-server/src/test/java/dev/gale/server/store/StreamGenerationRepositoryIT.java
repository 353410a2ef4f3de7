package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.domain.Connection;
import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class StreamGenerationRepositoryIT {
  @Parameter
  TestDatabase db;

  @Test
  void eachResetJobStartsOneNewGenerationPerStreamThatItsRetriesKeep() {
    TestingStore store = new TestingStore(db.database());
    StreamGenerationRepository generations = new StreamGenerationRepository(db.database());
    Connection connection = store.newConnection("generations");
    StreamDescriptor users = StreamDescriptor.of("users");
    StreamDescriptor crmUsers = new StreamDescriptor("users", "crm");
    long firstReset = store.jobs.create(JobConfigType.RESET_CONNECTION, connection.id().toString(), null).id();
    long secondReset = store.jobs.create(JobConfigType.RESET_CONNECTION, connection.id().toString(), null).id();

    assertThat(generations.current(connection.id())).isEmpty();
    assertThat(generations.startFor(connection.id(), users, firstReset)).isEqualTo(1);
    assertThat(generations.startFor(connection.id(), users, firstReset)).as("a retry of the same job").isEqualTo(1);
    assertThat(generations.startFor(connection.id(), crmUsers, firstReset)).isEqualTo(1);
    assertThat(generations.startFor(connection.id(), users, secondReset)).isEqualTo(2);

    assertThat(generations.current(connection.id())).isEqualTo(Map.of(users, 2L, crmUsers, 1L));
    assertThat(generations.current(store.newConnection("other").id())).isEmpty();
  }
}
