package dev.gale.server.service.actor;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Connector;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.service.BoundedCall;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.definition.UnrunnableDefinitionException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a connector's {@code check} as Airbyte's synchronous check job does: bounded in time, and a connector that
 * fails or hangs is an answer ("failed, because ..."), not a server error. Gale's connectors run in process, so the
 * "job" is this call.
 */
public final class ConnectorCheckService {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorCheckService.class);

  private final DefinitionService definitions;
  private final Clock clock;
  private final Duration timeout;

  public ConnectorCheckService(DefinitionService definitions, Clock clock, Duration timeout) {
    this.definitions = requireNonNull(definitions, "definitions is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.timeout = requireNonNull(timeout, "timeout is null");
  }

  /**
   * The outcome of a check.
   *
   * @param completed whether the connector answered (true also when it answered "failed")
   * @param succeeded whether the configuration works
   * @param message the connector's explanation; never a secret value
   */
  public record Outcome(boolean completed, boolean succeeded, String message, long startedAtMillis, long endedAtMillis) {}

  public Outcome check(DefinitionWithVersion definition, JsonNode revealedConfiguration) {
    long started = clock.millis();
    Connector connector;
    try {
      connector = definitions.implementation(definition);
    } catch (UnrunnableDefinitionException e) {
      // A stored manifest that no longer loads: the check fails, saying where, as a connector that refuses would.
      return new Outcome(false, false, e.getMessage(), started, clock.millis());
    }
    BoundedCall.Result<AirbyteConnectionStatus> result =
        BoundedCall.run(() -> connector.check(revealedConfiguration), timeout, "check");
    if (!result.succeeded()) {
      // A connector's exception message is secret-free by contract; its stack stays in the server log.
      LOG.warn("Check of {} failed: {}", connector.descriptor().name(), result.failure(), result.cause());
      return new Outcome(false, false, result.failure(), started, clock.millis());
    }
    boolean ok = result.value().status() == AirbyteConnectionStatus.Status.SUCCEEDED;
    return new Outcome(true, ok, result.value().message(), started, clock.millis());
  }
}
