package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * An application of the Public API: its client id and secret buy bearer tokens.
 *
 * @param sealedSecret the client secret as a {@code SecretCipher} envelope; never the secret itself
 */
public record Application(UUID id, UUID organizationId, UUID userId, String name, String clientId, String sealedSecret,
                          Instant createdAt) {
  /** Gale serves one organization with one user, under Airbyte's ids for them. */
  public static final UUID DEFAULT_ORGANIZATION_ID = new UUID(0, 0);
  public static final UUID DEFAULT_USER_ID = new UUID(0, 0);

  public Application {
    requireNonNull(id, "id is null");
    requireNonNull(organizationId, "organizationId is null");
    requireNonNull(userId, "userId is null");
    requireNonNull(name, "name is null");
    requireNonNull(clientId, "clientId is null");
    requireNonNull(sealedSecret, "sealedSecret is null");
    requireNonNull(createdAt, "createdAt is null");
  }

  @Override
  public String toString() {
    return "Application[id=" + id + ", name=" + name + ", clientId=" + clientId + "]";
  }
}
