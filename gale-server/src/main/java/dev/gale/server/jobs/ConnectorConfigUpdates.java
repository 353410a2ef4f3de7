package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.engine.ReplicationListener.Side;
import dev.gale.server.domain.ActorType;
import dev.gale.server.http.ApiException;
import dev.gale.server.secrets.SecretPaths;
import dev.gale.server.service.actor.ActorService;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a configuration a sync's connector sent about itself (Airbyte's CONTROL {@code CONNECTOR_CONFIG}, typically
 * a refreshed OAuth token) as its actor's configuration, the way {@code sources/update} or
 * {@code destinations/update} would with the actor's name unchanged: canonicalised, validated against the
 * specification, secrets encrypted in the store and masked in every answer. Its new secret values are masked in the
 * attempt's log from then on; the log says that it was saved, never what it holds.
 *
 * <p>An update that is invalid (or whose actor was deleted meanwhile) is not saved: the previous configuration stays
 * and the attempt's log has a WARN with the reason, and the sync goes on. Airbyte's platform does the same (it logs
 * the failed update and carries on): the connector still holds a working configuration for this sync, and failing
 * it would lose the data read so far over what is at worst a problem of the next sync, which then fails with a
 * clear configuration error of its own.
 */
final class ConnectorConfigUpdates {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorConfigUpdates.class);

  private final ActorService actors;
  private final UUID sourceId;
  private final SecretPaths sourceSecrets;
  private final UUID destinationId;
  private final SecretPaths destinationSecrets;
  private final AttemptLog log;

  ConnectorConfigUpdates(ActorService actors, UUID sourceId, SecretPaths sourceSecrets, UUID destinationId,
                         SecretPaths destinationSecrets, AttemptLog log) {
    this.actors = requireNonNull(actors, "actors is null");
    this.sourceId = requireNonNull(sourceId, "sourceId is null");
    this.sourceSecrets = requireNonNull(sourceSecrets, "sourceSecrets is null");
    this.destinationId = requireNonNull(destinationId, "destinationId is null");
    this.destinationSecrets = requireNonNull(destinationSecrets, "destinationSecrets is null");
    this.log = requireNonNull(log, "log is null");
  }

  void save(Side side, JsonNode configuration) {
    requireNonNull(configuration, "configuration is null");
    boolean source = side == Side.SOURCE;
    ActorType type = source ? ActorType.SOURCE : ActorType.DESTINATION;
    UUID actorId = source ? sourceId : destinationId;
    String label = source ? "source" : "destination";
    // First, so that nothing said below (a validation message may quote a value) can show a new secret.
    log.alsoMask((source ? sourceSecrets : destinationSecrets).secretValues(configuration));
    try {
      actors.update(type, actorId, actors.live(type, actorId).name(), configuration);
      log.info("Saved the configuration the " + label + " " + actorId + " sent (CONTROL CONNECTOR_CONFIG); later "
          + "syncs use it");
    } catch (ApiException e) {
      log.log(LogLevel.WARN, "The configuration the " + label + " " + actorId + " sent is not saved, the previous one "
          + "is kept: " + e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("Cannot save the configuration the {} {} sent", label, actorId, e);
      log.log(LogLevel.WARN, "The configuration the " + label + " " + actorId + " sent could not be saved; the "
          + "previous one is kept");
    }
  }
}
