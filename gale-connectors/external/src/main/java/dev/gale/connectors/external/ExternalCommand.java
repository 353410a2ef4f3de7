package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to run one external connector: how it is launched (a local program, or a Docker image, see {@link Launch}),
 * extra environment variables, and the limits Gale holds it to. The connector's configuration never goes into the command line or the environment, which other users
 * of the machine can read; it goes into a private file (see {@link PrivateFiles}).
 *
 * @param noMessageTimeout a connector that sends nothing on stdout for this long is taken to hang and stopped; time
 *     that Gale itself spends waiting (a destination that is behind, say) does not count
 * @param maxLineBytes the longest stdout line accepted, in bytes; one record is one line, so this bounds both the
 *     largest record and the memory one line can take. A longer line fails the run rather than being buffered
 */
public record ExternalCommand(Launch launch, Map<String, String> environment, Duration noMessageTimeout,
                              int maxLineBytes) {
  /** Airbyte's own platform waits hours for a quiet source (a slow query); two hours is in that spirit. */
  public static final Duration DEFAULT_NO_MESSAGE_TIMEOUT = Duration.ofHours(2);
  /** Large enough for Airbyte's 50 MB record test case with room for escaping. */
  public static final int DEFAULT_MAX_LINE_BYTES = 100 << 20;

  public ExternalCommand {
    requireNonNull(launch, "launch is null");
    environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    requireNonNull(noMessageTimeout, "noMessageTimeout is null");
    if (noMessageTimeout.isNegative() || noMessageTimeout.isZero()) {
      throw new IllegalArgumentException("noMessageTimeout must be positive");
    }
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive");
    }
  }

  /** The local program with no extra environment and the default limits. */
  public static ExternalCommand of(String... command) {
    return of(new Launch.LocalProgram(List.of(command)));
  }

  /** The Docker image with no extra environment and the default limits. */
  public static ExternalCommand docker(DockerImage image) {
    return of(image);
  }

  private static ExternalCommand of(Launch launch) {
    return new ExternalCommand(launch, Map.of(), DEFAULT_NO_MESSAGE_TIMEOUT, DEFAULT_MAX_LINE_BYTES);
  }

  public ExternalCommand withNoMessageTimeout(Duration timeout) {
    return new ExternalCommand(launch, environment, timeout, maxLineBytes);
  }

  public ExternalCommand withMaxLineBytes(int bytes) {
    return new ExternalCommand(launch, environment, noMessageTimeout, bytes);
  }

  public ExternalCommand withEnvironment(Map<String, String> variables) {
    return new ExternalCommand(launch, variables, noMessageTimeout, maxLineBytes);
  }

  /**
   * The command as shown in log lines and failure reasons, free of secrets: the program and its fixed arguments, or
   * the image.
   */
  String display() {
    return launch.display();
  }
}
