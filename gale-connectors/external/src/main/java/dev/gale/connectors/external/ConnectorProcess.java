package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connectors.external.LineReader.LineTooLongException;
import dev.gale.connectors.external.LineReader.OnLongLine;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * One run of an external connector program: {@code <command> <verb> --config <file> ...} with its files in a
 * {@link PrivateFiles} folder, stdout read as protocol messages, stderr copied to the log. A Docker image runs the
 * same way through {@code docker run} (see {@link DockerRun}), with the folder mounted into the container.
 *
 * <h2>Messages</h2>
 * {@link #next} returns the messages its caller acts on (records, states, answers); log lines, text that is no
 * message and ignored types are logged here, and the first TRACE error is kept: {@link #finish} fails with it, after
 * the messages before and after it were read, as a connector may report one stream's failure and go on with others.
 *
 * <h2>Stopping</h2>
 * A watchdog stops the whole process tree (the program and every process it started, including those that outlive
 * it; see {@link ProcessTree}) when the thread that started the run is interrupted (a cancelled sync), when the
 * connector sent nothing for {@link ExternalCommand#noMessageTimeout} while Gale was not itself holding it up (see
 * {@link #pauseClock}), and on {@link #close}. A container is stopped through its engine first: killing the
 * {@code docker} command line leaves the container running. The read that was waiting then ends, and {@link #next} or
 * {@link #finish} say why: {@link InterruptedException} for a cancel, a {@link ConnectorException} for a timeout.
 *
 * <h2>Secrets</h2>
 * Every line from the connector passes through {@code mask} before it is logged or quoted in a failure, and nothing
 * here prints a configuration value; the configuration only travels in its private file.
 *
 * <p>{@link #next} and {@link #finish} are called from one thread; {@link #input()} may be written from another.
 */
final class ConnectorProcess implements AutoCloseable {
  private static final int STDERR_LINE_BYTES = 16 * 1024;

  enum Stop { CANCELLED, TIMED_OUT, CLOSED }

  private final ExternalCommand command;
  private final String verb;
  private final PrivateFiles files;
  private final Process process;
  private final DockerRun container;
  private final BiConsumer<LogLevel, String> log;
  private final UnaryOperator<String> mask;
  private final Thread owner;
  private final LineReader stdout;
  private final ProcessTree tree;
  private final ErrorLines errorLines = new ErrorLines();
  private final AtomicReference<Stop> stop = new AtomicReference<>();
  private final Thread stderrPump;
  private final Thread watchdog;
  private OutputStream input;
  private volatile long lastActivity = System.nanoTime();
  private volatile boolean clockPaused;
  private volatile ProtocolMessage.TraceError firstTraceError;

  private ConnectorProcess(ExternalCommand command, String verb, PrivateFiles files, Process process,
                           DockerRun container, BiConsumer<LogLevel, String> log, UnaryOperator<String> mask) {
    this.command = command;
    this.verb = verb;
    this.files = files;
    this.process = process;
    this.container = container;
    this.tree = new ProcessTree(process);
    this.log = log;
    this.mask = mask;
    this.owner = Thread.currentThread();
    this.stdout = new LineReader(process.getInputStream(), command.maxLineBytes(), OnLongLine.FAIL);
    if (!verb.equals("write")) {
      // Only a destination reads stdin; any other program that tries should see its end rather than wait forever.
      try {
        process.getOutputStream().close();
      } catch (IOException e) {
        // The program has exited already; its stdout says the rest.
      }
    }
    this.stderrPump = Thread.ofVirtual().name("gale-connector-stderr-" + process.pid()).start(this::copyStderr);
    this.watchdog = Thread.ofVirtual().name("gale-connector-watchdog-" + process.pid()).start(this::watch);
  }

  /**
   * Starts {@code <command> <verb>} with one {@code --<name> <file>} pair per entry of {@code files} (the value
   * written as JSON to a private file), in the order given.
   *
   * @param log where the connector's log lines, stderr and stdout text go (already masked)
   * @param mask removes secret values from a line of the connector's output
   * @throws ConnectorException when the program cannot be started
   */
  static ConnectorProcess start(ExternalCommand command, String verb, Map<String, Object> files,
                                BiConsumer<LogLevel, String> log, UnaryOperator<String> mask) {
    requireNonNull(command, "command is null");
    requireNonNull(verb, "verb is null");
    requireNonNull(files, "files is null");
    requireNonNull(log, "log is null");
    requireNonNull(mask, "mask is null");
    PrivateFiles folder = PrivateFiles.create();
    try {
      Map<String, Path> paths = new LinkedHashMap<>();
      files.forEach((name, value) -> paths.put(name, folder.write(name + ".json", value)));
      DockerRun container = command.launch() instanceof DockerImage image
          ? DockerRun.of(image, folder.folder(), verb, List.copyOf(paths.keySet()), command.environment().keySet())
          : null;
      List<String> arguments = container != null ? container.arguments()
          : localArguments((Launch.LocalProgram) command.launch(), verb, paths);
      ProcessBuilder builder = new ProcessBuilder(arguments);
      // For docker, the command line passes these on to the container by name.
      builder.environment().putAll(command.environment());
      return new ConnectorProcess(command, verb, folder, builder.start(), container, log, mask);
    } catch (IOException e) {
      folder.close();
      throw new ConnectorException("Cannot start the connector `" + command.display() + "`: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      folder.close();
      throw e;
    }
  }

  private static List<String> localArguments(Launch.LocalProgram program, String verb, Map<String, Path> paths) {
    List<String> arguments = new ArrayList<>(program.command());
    arguments.add(verb);
    paths.forEach((name, path) -> {
      arguments.add("--" + name);
      arguments.add(path.toString());
    });
    return arguments;
  }

  /** What the run is called in messages: the program, its fixed arguments and the verb (never a file's content). */
  String display() {
    return "`" + command.display() + " " + verb + "`";
  }

  long pid() {
    return process.pid();
  }

  /** The container's name, or {@code null} for a local program. */
  String containerName() {
    return container == null ? null : container.containerName();
  }

  /** The folder of the run's private files, for tests of their modes. */
  Path folder() {
    return files.folder();
  }

  /** Turns one stdout line, {@code bytes[offset, offset + length)}, into a message. */
  @FunctionalInterface
  interface LineDecoder {
    ProtocolMessage decode(byte[] bytes, int offset, int length);
  }

  /**
   * The next message to act on, decoded by {@link MessageDecoder}, or {@code null} once stdout has ended.
   *
   * @throws InterruptedException when the run was cancelled
   * @throws ConnectorException on a line over the limit, an invalid message, or when the run timed out
   */
  ProtocolMessage next() throws InterruptedException {
    return next(MessageDecoder::decode);
  }

  /**
   * The next message to act on, decoded by {@code decoder}, or {@code null} once stdout has ended.
   *
   * @throws InterruptedException when the run was cancelled
   * @throws ConnectorException on a line over the limit, an invalid message, or when the run timed out
   */
  ProtocolMessage next(LineDecoder decoder) throws InterruptedException {
    while (true) {
      int length;
      try {
        length = stdout.next();
      } catch (LineTooLongException e) {
        throw new ConnectorException("The connector " + display() + " wrote a line longer than "
            + e.maxLineBytes() + " bytes, the limit for one message (a record that large needs a higher limit)");
      } catch (IOException e) {
        length = -1;
      }
      if (length < 0) {
        throwIfStopped();
        // A fresh window for the program to exit, which finish() waits for.
        lastActivity = System.nanoTime();
        return null;
      }
      lastActivity = System.nanoTime();
      ProtocolMessage message = decoder.decode(stdout.bytes(), stdout.offset(), length);
      switch (message) {
        case ProtocolMessage.Text text -> log.accept(LogLevel.INFO, shortened(mask.apply(text.line())));
        case ProtocolMessage.Log line -> {
          String masked = mask.apply(line.message());
          log.accept(line.level(), masked);
          if (line.level() == LogLevel.ERROR) {
            errorLines.add(masked);
          }
        }
        case ProtocolMessage.TraceError error -> {
          log.accept(LogLevel.ERROR, "the connector reports a failure (" + error.failureType() + "): "
              + mask.apply(error.message()));
          if (firstTraceError == null) {
            firstTraceError = error;
          }
        }
        case ProtocolMessage.Ignored ignored ->
            log.accept(LogLevel.DEBUG, "ignored a " + ignored.type() + " message, which Gale does not act on yet");
        default -> {
          return message;
        }
      }
    }
  }

  /**
   * Waits for the program to exit after its stdout ended, and fails when it did not end well.
   *
   * @throws ConnectorException with the first TRACE error's message and type, else on a non-zero exit code with the
   *     connector's last error lines, or when it timed out
   * @throws InterruptedException when the run was cancelled
   */
  void finish() throws InterruptedException {
    int exitCode = process.waitFor();
    // The last stderr lines explain a failure; they are read once the program and its children closed stderr.
    stderrPump.join(Duration.ofSeconds(5));
    throwIfStopped();
    ProtocolMessage.TraceError error = firstTraceError;
    if (error != null) {
      throw TraceErrors.exception(error, display(), mask);
    }
    if (exitCode != 0) {
      String lines = errorLines.joined();
      throw new ConnectorException(ConnectorException.Kind.SYSTEM, "The connector " + display() + " exited with code "
          + exitCode + (lines.isEmpty() ? " and wrote no error" : "; its last error lines: " + lines), null);
    }
  }

  /** The program's stdin, buffered; written by destinations. */
  synchronized OutputStream input() {
    if (input == null) {
      input = new BufferedOutputStream(process.getOutputStream(), 64 * 1024);
    }
    return input;
  }

  /**
   * Stops the no-message clock while Gale is the one holding things up (the engine's queue is full, say): a
   * connector blocked writing to a pipe nobody reads is not hanging.
   */
  void pauseClock() {
    clockPaused = true;
  }

  void resumeClock() {
    lastActivity = System.nanoTime();
    clockPaused = false;
  }

  /** Why the run was stopped, if it was. */
  Stop stopped() {
    return stop.get();
  }

  /** Kills the process tree if it still runs and deletes the private files. */
  @Override
  public void close() {
    try {
      stop(Stop.CLOSED);
      watchdog.interrupt();
      stderrPump.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      files.close();
    }
  }

  void throwIfStopped() throws InterruptedException {
    Stop reason = stop.get();
    if (reason == Stop.CANCELLED || reason == Stop.CLOSED) {
      throw new InterruptedException("the connector " + display() + " was stopped");
    }
    if (reason == Stop.TIMED_OUT) {
      throw new ConnectorException(ConnectorException.Kind.TRANSIENT, "The connector " + display() + " sent no message"
          + " for " + command.noMessageTimeout().toSeconds() + " seconds and was stopped", null);
    }
  }

  private void watch() {
    long tick = Math.max(1, Math.min(100, command.noMessageTimeout().toMillis() / 4));
    long timeout = command.noMessageTimeout().toNanos();
    while (stop.get() == null) {
      try {
        Thread.sleep(tick);
      } catch (InterruptedException e) {
        return;
      }
      tree.look();
      if (owner.isInterrupted()) {
        stop(Stop.CANCELLED);
      } else if (!clockPaused && System.nanoTime() - lastActivity > timeout) {
        stop(Stop.TIMED_OUT);
      }
    }
  }

  private void stop(Stop reason) {
    if (!stop.compareAndSet(null, reason)) {
      return;
    }
    // A docker command line that has exited saw its container end (and removed it): nothing to stop then.
    if (container != null && process.isAlive()) {
      container.image().engine().kill(container);
    }
    tree.kill();
  }

  private void copyStderr() {
    LineReader stderr = new LineReader(process.getErrorStream(), STDERR_LINE_BYTES, OnLongLine.TRUNCATE);
    try {
      int length;
      while ((length = stderr.next()) >= 0) {
        String line = mask.apply(new String(stderr.bytes(), stderr.offset(), length, StandardCharsets.UTF_8));
        log.accept(LogLevel.INFO, line);
        if (!line.isBlank()) {
          errorLines.add(line);
        }
      }
    } catch (IOException e) {
      // The process was killed and its pipe closed: nothing more to copy.
    }
  }

  // A line that is no message goes to the log; one of megabytes (a record that failed to parse) would swamp it.
  private static String shortened(String line) {
    return line.length() <= STDERR_LINE_BYTES ? line
        : line.substring(0, STDERR_LINE_BYTES) + "... (" + line.length() + " characters)";
  }
}
