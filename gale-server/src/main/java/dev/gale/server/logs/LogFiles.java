package dev.gale.server.logs;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.FilterReply;
import ch.qos.logback.core.util.FileSize;
import dev.gale.server.store.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The server's own log files in {@code <data dir>/logs}, which {@code logs/get} serves as Airbyte serves its server's
 * and scheduler's logs: {@code scheduler.log} takes what the scheduler, the workers and the engine log, and
 * {@code server.log} everything else. Each rolls over at 10 MB, keeping two older files, so the folder stays bounded.
 *
 * <p>They are Logback appenders attached to the root logger while the server runs (Logback is the distribution's
 * logging back end); under another back end nothing is written and the files stay absent. Several servers in one JVM
 * (tests) each write every event. Closing detaches them.
 */
public final class LogFiles implements AutoCloseable {
  /** The two logs, by the name Airbyte's API gives them. */
  public enum Kind {
    SERVER("server"), SCHEDULER("scheduler");

    private final String name;

    Kind(String name) {
      this.name = name;
    }

    String fileName() {
      return name + ".log";
    }
  }

  /** Loggers whose events are the scheduler's: the job scheduler and workers, and the engine they run. */
  private static final List<String> SCHEDULER_LOGGERS = List.of("dev.gale.server.jobs", "dev.gale.engine");
  private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
  private static final String MAX_FILE_SIZE = "10MB";

  private final Path directory;
  private final List<RollingFileAppender<ILoggingEvent>> appenders;

  private LogFiles(Path directory, List<RollingFileAppender<ILoggingEvent>> appenders) {
    this.directory = directory;
    this.appenders = appenders;
  }

  /** Starts writing both logs under {@code dataDir/logs}. */
  public static LogFiles open(Path dataDir) {
    Path directory = requireNonNull(dataDir, "dataDir is null").resolve("logs");
    createPrivately(directory);
    List<RollingFileAppender<ILoggingEvent>> appenders = new ArrayList<>();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      for (Kind kind : Kind.values()) {
        RollingFileAppender<ILoggingEvent> appender = appender(context, directory, kind);
        root.addAppender(appender);
        appenders.add(appender);
      }
    }
    return new LogFiles(directory, List.copyOf(appenders));
  }

  /** Where a log is written (it may not exist yet, or at all under another logging back end). */
  public Path file(Kind kind) {
    return directory.resolve(kind.fileName());
  }

  @Override
  public void close() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
      appenders.forEach(appender -> {
        root.detachAppender(appender);
        appender.stop();
      });
    }
  }

  /** Made here, owner only, rather than by Logback with the process's default mode: logs are Gale's user's alone. */
  private static void createPrivately(Path directory) {
    try {
      if (!Files.isDirectory(directory) && directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_ONLY_DIRECTORY));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the log folder " + directory, e);
    }
  }

  private static RollingFileAppender<ILoggingEvent> appender(LoggerContext context, Path directory, Kind kind) {
    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName("gale-" + kind.name + "-log-" + System.identityHashCode(appender));
    appender.setFile(directory.resolve(kind.fileName()).toString());

    FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
    rolling.setContext(context);
    rolling.setParent(appender);
    rolling.setFileNamePattern(directory.resolve(kind.name + ".%i.log").toString());
    rolling.setMinIndex(1);
    rolling.setMaxIndex(2);
    rolling.start();
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(context);
    trigger.setMaxFileSize(FileSize.valueOf(MAX_FILE_SIZE));
    trigger.start();
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();

    appender.setRollingPolicy(rolling);
    appender.setTriggeringPolicy(trigger);
    appender.setEncoder(encoder);
    appender.addFilter(new Filter<>() {
      @Override
      public FilterReply decide(ILoggingEvent event) {
        return isSchedulers(event.getLoggerName()) == (kind == Kind.SCHEDULER) ? FilterReply.NEUTRAL : FilterReply.DENY;
      }
    });
    appender.start();
    return appender;
  }

  private static boolean isSchedulers(String loggerName) {
    return SCHEDULER_LOGGERS.stream().anyMatch(prefix -> loggerName.equals(prefix) || loggerName.startsWith(prefix + "."));
  }
}
