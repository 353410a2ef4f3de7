package dev.gale.server.jobs;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.server.secrets.SecretMasker;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log of one attempt: a text file in the data directory, one timestamped line per message from the worker, the
 * engine or a connector, every secret value of the sync masked before it is written. Each line is flushed at once
 * so that {@code jobs/get} shows a running attempt's progress. Thread-safe: the engine logs from several threads.
 */
public final class AttemptLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AttemptLog.class);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
      .withZone(ZoneOffset.UTC);

  private final Path file;
  private final BufferedWriter writer;
  // Grows when a connector sends a configuration with new secret values; read under this object's lock.
  private SecretMasker masker;
  private final Clock clock;
  private boolean broken;

  private AttemptLog(Path file, BufferedWriter writer, SecretMasker masker, Clock clock) {
    this.file = file;
    this.writer = writer;
    this.masker = masker;
    this.clock = clock;
  }

  /** Opens (creates or appends to) the log at {@code file}. */
  static AttemptLog open(Path file, SecretMasker masker, Clock clock) {
    requireNonNull(masker, "masker is null");
    try {
      Files.createDirectories(file.getParent());
      return new AttemptLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND), masker, requireNonNull(clock, "clock is null"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the attempt log " + file, e);
    }
  }

  Path file() {
    return file;
  }

  /** Writes one message; a message of several lines keeps them, each with the same prefix. */
  synchronized void log(LogLevel level, String message) {
    if (broken) {
      return;
    }
    String prefix = TIME.format(clock.instant()) + " " + level + " ";
    try {
      for (String line : masker.mask(String.valueOf(message)).split("\\R", -1)) {
        writer.write(prefix);
        writer.write(line);
        writer.newLine();
      }
      writer.flush();
    } catch (IOException e) {
      // A full disk must not fail the sync; the lines are lost, and the server log says so once.
      broken = true;
      LOG.warn("Cannot write the attempt log {}; its further lines are dropped", file, e);
    }
  }

  /** Masks these values too from now on (a connector's updated configuration brought new secrets). */
  synchronized void alsoMask(Collection<String> values) {
    masker = masker.plus(values);
  }

  /** What this log masks now: the attempt's secrets and any that turned up since. */
  synchronized SecretMasker masker() {
    return masker;
  }

  void info(String message) {
    log(LogLevel.INFO, message);
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      LOG.warn("Cannot close the attempt log {}", file, e);
    }
  }

  /**
   * The last {@code maxLines} lines of the log at {@code file}; empty when it does not exist (yet, or not on this
   * machine: processes that share a database see each other's logs only when they share the data directory).
   */
  public static List<String> read(Path file, int maxLines) {
    Deque<String> tail = new ArrayDeque<>();
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.forEach(line -> {
        if (tail.size() == maxLines) {
          tail.removeFirst();
        }
        tail.addLast(line);
      });
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException | UncheckedIOException e) {
      LOG.warn("Cannot read the attempt log {}", file, e);
      return List.of();
    }
    return new ArrayList<>(tail);
  }
}
