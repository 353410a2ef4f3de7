package dev.gale.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.ConnectorSpecification;

/**
 * What every connector can do: say what it is, what configuration it needs, and whether a configuration works.
 *
 * <h2>Lifecycle and threading</h2>
 * One instance serves the whole process. Gale creates it once (built-ins through {@link java.util.ServiceLoader},
 * with the public no-argument constructor) and calls it from many threads at the same time, each call with its own
 * configuration. Therefore an implementation
 * <ul>
 *   <li>keeps no state between calls: everything a call needs comes from its arguments, and nothing learned from
 *       one configuration may influence a call with another;</li>
 *   <li>may block in {@link #check} and in the methods of its sub-interfaces that take a configuration (network,
 *       disk, sleeping for a retry). Callers run them on their own (virtual) threads and bound them with their own
 *       timeouts; an implementation that blocks should give up promptly when its thread is interrupted;</li>
 *   <li>answers {@link #descriptor}, {@link #capabilities} and {@link #spec} at once, without blocking or doing I/O:
 *       they are constants.</li>
 * </ul>
 *
 * <h2>Configuration</h2>
 * A configuration is a JSON object meant to conform to {@code spec().connectionSpecification()}. The caller may
 * not have validated it, so an implementation checks what it reads (the declarations in
 * {@link dev.gale.connector.config} do). The node belongs to the caller: never modify it.
 *
 * <h2>Secrets</h2>
 * Properties marked {@code airbyte_secret: true} arrive in clear text. Their values must never appear in a returned
 * message, an exception message, a log line or anything else that leaves the connector, not even in part or
 * transformed (quoted, truncated, URL-encoded). Name the field instead.
 *
 * <h2>Errors</h2>
 * A configuration that does not work is an answer, not an error: {@link #check} returns a {@code FAILED} status with
 * a message that tells the user what to fix. Other methods taking a configuration throw
 * {@link ConnectorException} for the same kind of problem. Any other exception is a bug in the connector.
 */
public interface Connector {

  /** Who this connector is: its definition id, names and docker repository. Constant. */
  ConnectorDescriptor descriptor();

  /** What this connector supports, declared rather than probed. Constant. */
  ConnectorCapabilities capabilities();

  /** The configuration this connector needs, as the protocol's specification. Constant. */
  ConnectorSpecification spec();

  /**
   * Tells whether this connector can work with {@code config}: the configuration is valid and, where the connector
   * talks to another system, that system can be reached with it. May block; see the class comment.
   *
   * @return {@code SUCCEEDED}, or {@code FAILED} with a message for the user that holds no secret value
   */
  AirbyteConnectionStatus check(JsonNode config);

  /**
   * Refuses what is wrong in {@code config} on its face, without I/O: what its JSON Schema cannot say (a path that
   * would leave the folder the connector may write to, values that contradict each other). Gale calls it when a
   * configuration is saved, after it matched {@link #spec()}, so that such a configuration is refused then and
   * there rather than at its first sync. Answers at once; the default finds nothing wrong.
   *
   * @throws dev.gale.connector.config.ConfigException naming each property at fault, its problems starting with the
   *     property's dotted path (as {@code destination_path must ...})
   */
  default void validate(JsonNode config) {}

  /**
   * {@code config} as this connector's specification spells it, where clients are known to write a value otherwise:
   * an enum in another case, as Airbyte's API guide writes {@code "snappy"} for {@code SNAPPY}. Gale validates and
   * stores this form, so a configuration reads back as the connector declares it. Answers at once; the default
   * changes nothing. The node belongs to the caller: return a copy to change anything.
   */
  default JsonNode canonical(JsonNode config) {
    return config;
  }
}
