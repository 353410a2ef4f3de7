package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.server.domain.Application;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class ApplicationRepositoryIT {
  @Parameter
  TestDatabase db;

  ApplicationRepository applications;
  UUID user;

  @BeforeEach
  void setUp() {
    applications = new ApplicationRepository(db.database());
    // A user of its own per test: the databases are shared between tests.
    user = UUID.randomUUID();
  }

  @Test
  void insertedApplicationReadsBackByIdAndClientId() {
    Application application = application("first", db.database().now());

    applications.insert(application);

    assertThat(applications.find(application.id())).contains(application);
    assertThat(applications.findByClientId(application.clientId())).contains(application);
    assertThat(applications.find(UUID.randomUUID())).isEmpty();
    assertThat(applications.findByClientId("nobody")).isEmpty();
  }

  @Test
  void listIsOneUsersApplicationsOldestFirst() {
    Instant now = db.database().now();
    Application second = application("second", now.plusSeconds(1));
    Application first = application("first", now);
    applications.insert(second);
    applications.insert(first);
    applications.insert(new Application(UUID.randomUUID(), Application.DEFAULT_ORGANIZATION_ID, UUID.randomUUID(),
        "someone else's", UUID.randomUUID().toString(), "gale:aesgcm:v1:x", now));

    assertThat(applications.listByUser(user)).containsExactly(first, second);
  }

  @Test
  void clientIdsAreUnique() {
    Application application = application("one", db.database().now());
    applications.insert(application);
    Application twin = new Application(UUID.randomUUID(), application.organizationId(), user, "twin",
        application.clientId(), application.sealedSecret(), application.createdAt());

    assertThatThrownBy(() -> applications.insert(twin)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void deleteRemovesTheApplication() {
    Application application = application("doomed", db.database().now());
    applications.insert(application);

    assertThat(applications.delete(application.id())).isTrue();

    assertThat(applications.find(application.id())).isEmpty();
    assertThat(applications.findByClientId(application.clientId())).isEmpty();
    assertThat(applications.delete(application.id())).isFalse();
  }

  private Application application(String name, Instant createdAt) {
    return new Application(UUID.randomUUID(), Application.DEFAULT_ORGANIZATION_ID, user, name,
        UUID.randomUUID().toString(), "gale:aesgcm:v1:sealed-" + name, createdAt.truncatedTo(ChronoUnit.MICROS));
  }
}
