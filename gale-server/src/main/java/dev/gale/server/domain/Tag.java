package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A label for grouping a workspace's connections.
 *
 * @param color six hexadecimal digits, without {@code #} ({@code FF5733})
 */
public record Tag(UUID id, UUID workspaceId, String name, String color, Instant createdAt, Instant updatedAt) {
  public Tag {
    requireNonNull(id, "id is null");
    requireNonNull(workspaceId, "workspaceId is null");
    requireNonNull(name, "name is null");
    requireNonNull(color, "color is null");
    requireNonNull(createdAt, "createdAt is null");
    requireNonNull(updatedAt, "updatedAt is null");
  }
}
