package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.domain.ActorCatalog;
import dev.gale.server.domain.ActorCatalogFetchEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Discovered catalogs, each stored once per content, and the fetch events that say which actor found which catalog
 * with which configuration and connector version. Discover caching asks for the latest catalog of an actor with the
 * current configuration hash and connector version.
 */
public final class CatalogRepository {
  private static final String CATALOG_COLUMNS = "cat.id, cat.catalog, cat.catalog_hash, cat.created_at";
  private static final String EVENT_COLUMNS = "e.id, e.actor_id, e.actor_catalog_id, e.config_hash, e.actor_version, "
      + "e.created_at";

  private final Database database;

  public CatalogRepository(Database database) {
    this.database = requireNonNull(database, "database is null");
  }

  /**
   * A hash of a JSON document's content: SHA-256 of the document with object keys sorted, in hex. Equal documents
   * hash equal whatever their key order. Also the hash to use for a configuration in {@link #recordFetch}.
   */
  public static String contentHash(JsonNode document) {
    requireNonNull(document, "document is null");
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(Json.write(sortedKeys(document)).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /** Stores a catalog unless one with the same content is stored already; returns the stored one either way. */
  public ActorCatalog store(JsonNode catalog) {
    requireNonNull(catalog, "catalog is null");
    String hash = contentHash(catalog);
    Optional<ActorCatalog> existing = findByHash(hash);
    if (existing.isPresent()) {
      return existing.get();
    }
    ActorCatalog created = new ActorCatalog(UUID.randomUUID(), catalog, hash, database.now());
    try {
      database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO actor_catalog (id, catalog, catalog_hash, "
              + "created_at) VALUES (:id, :catalog, :catalogHash, :createdAt)")
          .bindMethods(created)
          .execute());
      return created;
    } catch (UnableToExecuteStatementException e) {
      if (Sql.isUniqueViolation(e)) { // a concurrent discover stored the same catalog first
        return findByHash(hash).orElseThrow(() -> e);
      }
      throw e;
    }
  }

  public Optional<ActorCatalog> find(UUID catalogId) {
    requireNonNull(catalogId, "catalogId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery(
            "SELECT " + CATALOG_COLUMNS + " FROM actor_catalog cat WHERE cat.id = :id")
        .bind("id", catalogId)
        .map(CatalogRepository::mapCatalog)
        .findOne());
  }

  /** Records that a discover of {@code actorId} found the catalog, stamped now. */
  public ActorCatalogFetchEvent recordFetch(UUID actorId, UUID catalogId, String configHash, String connectorVersion) {
    ActorCatalogFetchEvent event = new ActorCatalogFetchEvent(UUID.randomUUID(), actorId, catalogId, configHash,
        connectorVersion, database.now());
    database.jdbi().useHandle(handle -> handle.createUpdate("INSERT INTO actor_catalog_fetch_event (id, actor_id, "
            + "actor_catalog_id, config_hash, actor_version, created_at) VALUES (:id, :actorId, :actorCatalogId, "
            + ":configHash, :connectorVersion, :createdAt)")
        .bindMethods(event)
        .execute());
    return event;
  }

  /** The catalog most recently found for an actor, whatever the configuration it was found with. */
  public Optional<ActorCatalog> findLatest(UUID actorId) {
    requireNonNull(actorId, "actorId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + CATALOG_COLUMNS + " FROM "
            + "actor_catalog_fetch_event e JOIN actor_catalog cat ON cat.id = e.actor_catalog_id "
            + "WHERE e.actor_id = :actorId ORDER BY e.created_at DESC LIMIT 1")
        .bind("actorId", actorId)
        .map(CatalogRepository::mapCatalog)
        .findOne());
  }

  /** The catalog most recently found for an actor with this configuration hash and connector version: a cache hit. */
  public Optional<ActorCatalog> findLatest(UUID actorId, String configHash, String connectorVersion) {
    requireNonNull(actorId, "actorId is null");
    requireNonNull(configHash, "configHash is null");
    requireNonNull(connectorVersion, "connectorVersion is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + CATALOG_COLUMNS + " FROM "
            + "actor_catalog_fetch_event e JOIN actor_catalog cat ON cat.id = e.actor_catalog_id "
            + "WHERE e.actor_id = :actorId AND e.config_hash = :configHash AND e.actor_version = :connectorVersion "
            + "ORDER BY e.created_at DESC LIMIT 1")
        .bind("actorId", actorId)
        .bind("configHash", configHash)
        .bind("connectorVersion", connectorVersion)
        .map(CatalogRepository::mapCatalog)
        .findOne());
  }

  /** The latest fetch event of an actor: when, with what, its catalog was last discovered. */
  public Optional<ActorCatalogFetchEvent> findLatestFetch(UUID actorId) {
    requireNonNull(actorId, "actorId is null");
    return database.jdbi().withHandle(handle -> handle.createQuery("SELECT " + EVENT_COLUMNS
            + " FROM actor_catalog_fetch_event e WHERE e.actor_id = :actorId ORDER BY e.created_at DESC LIMIT 1")
        .bind("actorId", actorId)
        .map(CatalogRepository::mapEvent)
        .findOne());
  }

  private Optional<ActorCatalog> findByHash(String hash) {
    return database.jdbi().withHandle(handle -> handle.createQuery(
            "SELECT " + CATALOG_COLUMNS + " FROM actor_catalog cat WHERE cat.catalog_hash = :hash")
        .bind("hash", hash)
        .map(CatalogRepository::mapCatalog)
        .findOne());
  }

  private static JsonNode sortedKeys(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = Json.object();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.stream().sorted().forEach(name -> sorted.set(name, sortedKeys(node.get(name))));
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode sorted = Json.mapper().createArrayNode();
      node.forEach(element -> sorted.add(sortedKeys(element)));
      return sorted;
    }
    return node;
  }

  private static ActorCatalog mapCatalog(RowView row) {
    return new ActorCatalog(
        row.getColumn("id", UUID.class),
        row.getColumn("catalog", JsonNode.class),
        row.getColumn("catalog_hash", String.class),
        row.getColumn("created_at", Instant.class));
  }

  private static ActorCatalogFetchEvent mapEvent(RowView row) {
    return new ActorCatalogFetchEvent(
        row.getColumn("id", UUID.class),
        row.getColumn("actor_id", UUID.class),
        row.getColumn("actor_catalog_id", UUID.class),
        row.getColumn("config_hash", String.class),
        row.getColumn("actor_version", String.class),
        row.getColumn("created_at", Instant.class));
  }
}
