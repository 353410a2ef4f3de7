package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The {@code docker} command line that talks to a Docker engine, by default the {@code docker} on the PATH.
 *
 * @param executable the {@code docker} program to run, a name looked up on the PATH or a path
 */
public record DockerEngine(String executable) {
  /** The {@code docker} on the PATH. */
  public static final DockerEngine DEFAULT = new DockerEngine("docker");
  /** An engine that answers does so in well under a second; one that hangs (a dead socket) must not hold Gale up. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
  /** {@code docker kill} returns once the engine signalled the container. */
  static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

  public DockerEngine {
    requireNonNull(executable, "executable is null");
    if (executable.isBlank()) {
      throw new IllegalArgumentException("executable is blank");
    }
  }

  /** Whether a Docker engine answers through the {@code docker} on the PATH. */
  public static boolean available() {
    return DEFAULT.answers();
  }

  /**
   * Whether an engine answers: {@code docker version} asks the engine for its own version, so it fails when only the
   * command line is installed or the engine is down, unlike {@code docker --version}.
   */
  public boolean answers() {
    return run(List.of(executable, "version", "--format", "{{.Server.Version}}"), PROBE_TIMEOUT);
  }

  /**
   * Stops a container at once. Killing the {@code docker run} command line does not stop its container, which the
   * engine runs; only the engine can, by the container's name.
   */
  void kill(DockerRun run) {
    run(run.killArguments(), KILL_TIMEOUT);
  }

  /** Runs a short {@code docker} command; true when it exits with 0 within {@code timeout}. */
  private static boolean run(List<String> command, Duration timeout) {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      return false; // No docker program at all.
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
