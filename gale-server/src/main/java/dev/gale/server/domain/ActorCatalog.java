package dev.gale.server.domain;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A catalog discovered from a source, stored once however many times (and by however many sources) it is found.
 *
 * @param catalog the Airbyte Protocol {@code AirbyteCatalog}
 * @param catalogHash identifies the catalog's content; equal catalogs have equal hashes
 */
public record ActorCatalog(UUID id, JsonNode catalog, String catalogHash, Instant createdAt) {
  public ActorCatalog {
    requireNonNull(id, "id is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(catalogHash, "catalogHash is null");
    requireNonNull(createdAt, "createdAt is null");
  }
}
