package dev.gale.server.service.application;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/** An application with its client secret in clear, for the API answer and {@code gale credentials} only. */
public record ApplicationCredentials(UUID id, String name, String clientId, String clientSecret, Instant createdAt) {
  public ApplicationCredentials {
    requireNonNull(id, "id is null");
    requireNonNull(clientId, "clientId is null");
    requireNonNull(clientSecret, "clientSecret is null");
  }

  @Override
  public String toString() {
    return "ApplicationCredentials[id=" + id + ", name=" + name + ", clientId=" + clientId + ", clientSecret=**********]";
  }
}
