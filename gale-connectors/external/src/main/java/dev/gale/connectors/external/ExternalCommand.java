package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run one external connector as a local program: the command that starts it (an executable and any fixed
 * arguments before Airbyte's own, such as {@code node main.js}), extra environment variables, and the limits Gale
 * holds it to. The connector's configuration never goes into the command line or the environment, which other users
 * of the machine can read; it goes into a private file (see {@link PrivateFiles}).
 *
 * @param noMessageTimeout a connector that sends nothing on stdout for this long is taken to hang and stopped; time
 *     that Gale itself spends waiting (a destination that is behind, say) does not count
 * @param maxLineBytes the longest stdout line accepted, in bytes; one record is one line, so this bounds both the
 *     largest record and the memory one line can take. A longer line fails the run rather than being buffered
 */
public record ExternalCommand(List<String> command, Map<String, String> environment, Duration noMessageTimeout,
                              int maxLineBytes) {
  /** Airbyte's own platform waits hours for a quiet source (a slow query); two hours is in that spirit. */
  public static final Duration DEFAULT_NO_MESSAGE_TIMEOUT = Duration.ofHours(2);
  /** Large enough for Airbyte's 50 MB record test case with room for escaping. */
  public static final int DEFAULT_MAX_LINE_BYTES = 100 << 20;

  public ExternalCommand {
    command = List.copyOf(requireNonNull(command, "command is null"));
    if (command.isEmpty()) {
      throw new IllegalArgumentException("command is empty");
    }
    environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    requireNonNull(noMessageTimeout, "noMessageTimeout is null");
    if (noMessageTimeout.isNegative() || noMessageTimeout.isZero()) {
      throw new IllegalArgumentException("noMessageTimeout must be positive");
    }
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive");
    }
  }

  /** The command with no extra environment and the default limits. */
  public static ExternalCommand of(String... command) {
    return new ExternalCommand(List.of(command), Map.of(), DEFAULT_NO_MESSAGE_TIMEOUT, DEFAULT_MAX_LINE_BYTES);
  }

  public ExternalCommand withNoMessageTimeout(Duration timeout) {
    return new ExternalCommand(command, environment, timeout, maxLineBytes);
  }

  public ExternalCommand withMaxLineBytes(int bytes) {
    return new ExternalCommand(command, environment, noMessageTimeout, bytes);
  }

  public ExternalCommand withEnvironment(Map<String, String> variables) {
    return new ExternalCommand(command, variables, noMessageTimeout, maxLineBytes);
  }

  /** The command as shown in log lines and failure reasons: the program and its fixed arguments, free of secrets. */
  String display() {
    return String.join(" ", command);
  }
}
