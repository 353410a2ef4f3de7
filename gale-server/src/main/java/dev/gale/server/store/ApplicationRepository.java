package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.Application;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.result.RowView;

/** Applications of the Public API. Deleting one removes its row, which is what makes its tokens fail. */
public final class ApplicationRepository {
  private static final String COLUMNS = "id, organization_id, user_id, name, client_id, client_secret, created_at";

  private final Database database;

  public ApplicationRepository(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  public void insert(Application application) {
    requireNonNull(application, "application is null");
    database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO application (" + COLUMNS + ") VALUES "
            + "(:id, :organizationId, :userId, :name, :clientId, :sealedSecret, :createdAt)")
        .bindMethods(application)
        .execute());
  }

  public Optional<Application> find(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM application WHERE id = :id")
        .bind("id", id)
        .map(ApplicationRepository::map)
        .findOne());
  }

  public Optional<Application> findByClientId(String clientId) {
    requireNonNull(clientId, "clientId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM application "
            + "WHERE client_id = :clientId")
        .bind("clientId", clientId)
        .map(ApplicationRepository::map)
        .findOne());
  }

  /** A user's applications, oldest first: the first is the one {@code gale credentials} shows. */
  public List<Application> listByUser(UUID userId) {
    requireNonNull(userId, "userId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM application "
            + "WHERE user_id = :userId ORDER BY created_at, id")
        .bind("userId", userId)
        .map(ApplicationRepository::map)
        .list());
  }

  /** False when there is no such application. */
  public boolean delete(UUID id) {
    requireNonNull(id, "id is null");
    return database.jdbi().withHandle(handle -> handle.createUpdate("DELETE FROM application WHERE id = :id")
        .bind("id", id)
        .execute()) == 1;
  }

  private static Application map(RowView row) {
    return new Application(
        row.getColumn("id", UUID.class),
        row.getColumn("organization_id", UUID.class),
        row.getColumn("user_id", UUID.class),
        row.getColumn("name", String.class),
        row.getColumn("client_id", String.class),
        row.getColumn("client_secret", String.class),
        row.getColumn("created_at", Instant.class));
  }
}
