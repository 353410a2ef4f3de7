package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.config.Secrets;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.ConnectorSpecification;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * The commands that answer with one message ({@code spec}, {@code check}, {@code discover}), shared by sources and
 * destinations. Their log lines go to the server log (there is no sync log to put them in), masked like a sync's.
 */
final class Invocations {
  private static final Logger LOG = System.getLogger("dev.gale.connectors.external");

  private final ExternalCommand command;

  Invocations(ExternalCommand command) {
    this.command = requireNonNull(command, "command is null");
  }

  ExternalCommand command() {
    return command;
  }

  /** Runs {@code spec}. */
  ConnectorSpecification spec() {
    return answer("spec", Map.of(), ProtocolMessage.Spec.class, UnaryOperator.identity()).spec();
  }

  /**
   * Runs {@code check}: the connector's answer, or {@code FAILED} with the reason it gave none (a TRACE error, a
   * crash, a timeout), since a configuration that does not work is an answer, not an error.
   */
  AirbyteConnectionStatus check(JsonNode config, UnaryOperator<String> mask) {
    try {
      return answer("check", configFile(config), ProtocolMessage.ConnectionStatus.class, mask).status();
    } catch (ConnectorException e) {
      return AirbyteConnectionStatus.failed(e.getMessage());
    }
  }

  /** Runs {@code discover}. */
  ProtocolMessage.Catalog discover(JsonNode config, UnaryOperator<String> mask) {
    return answer("discover", configFile(config), ProtocolMessage.Catalog.class, mask);
  }

  /**
   * Masks the secret values of {@code config} (as the specification declares them, see {@link Secrets}) in the
   * connector's output: a program Gale did not write may print its configuration.
   */
  static UnaryOperator<String> mask(ConnectorSpecification spec, JsonNode config) {
    return Secrets.of(spec.connectionSpecification(), config)::mask;
  }

  static Map<String, Object> configFile(JsonNode config) {
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("config", requireNonNull(config, "config is null"));
    return files;
  }

  /** Runs a command and returns the first message of the type asked for, once the program exited well. */
  private <T extends ProtocolMessage> T answer(String verb, Map<String, Object> files, Class<T> type,
                                               UnaryOperator<String> mask) {
    try (ConnectorProcess process = ConnectorProcess.start(command, verb, files, serverLog(), mask)) {
      T answer = null;
      ProtocolMessage message;
      while ((message = process.next()) != null) {
        if (answer == null && type.isInstance(message)) {
          answer = type.cast(message);
        }
      }
      process.finish();
      if (answer == null) {
        throw new ConnectorException(ConnectorException.Kind.SYSTEM, "The connector " + process.display()
            + " ended without sending its answer", null);
      }
      return answer;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(ConnectorException.Kind.TRANSIENT, "`" + command.display() + " " + verb
          + "` was interrupted", e);
    }
  }

  private BiConsumer<LogLevel, String> serverLog() {
    return (level, line) -> LOG.log(switch (level) {
      case DEBUG -> Level.DEBUG;
      case INFO -> Level.INFO;
      case WARN -> Level.WARNING;
      case ERROR -> Level.ERROR;
    }, "{0}: {1}", command.display(), line);
  }
}
