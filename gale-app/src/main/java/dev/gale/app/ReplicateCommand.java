package dev.gale.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Destination;
import dev.gale.connector.Source;
import dev.gale.engine.ReplicationEngine;
import dev.gale.engine.ReplicationRequest;
import dev.gale.engine.ReplicationResult;
import dev.gale.engine.RunningReplication;
import dev.gale.engine.StreamMapping;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.SyncMode;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gale replicate}: one sync between two connectors (built-in, or external programs, see {@link NamedConnectors}),
 * in this process, without a server or store.
 * Progress and log lines go to standard error, the summary to standard output; neither ever shows a configuration
 * value. Exit codes: 0 succeeded, 1 failed (the failure's message is printed), 2 usage.
 */
@Command(name = "replicate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs one sync from a source to a destination, without a server.",
        "Connectors are named by their Airbyte image (airbyte/source-postgres) or definition id.",
        "An image Gale does not ship runs as a program: the command GALE_CONNECTOR_COMMANDS configures for it,",
        "else source-xyz (destination-xyz) on the PATH for owner/source-xyz, else the image where Docker answers.",
        "Exit codes: 0 succeeded, 1 the sync failed, 2 usage error."})
final class ReplicateCommand implements Callable<Integer> {
  @Option(names = "--source", required = true, paramLabel = "CONNECTOR",
      description = "Source connector, e.g. airbyte/source-postgres.")
  String source;

  @Option(names = "--source-config", required = true, paramLabel = "FILE",
      description = "Source configuration (JSON object); '-' reads standard input.")
  String sourceConfig;

  @Option(names = "--destination", required = true, paramLabel = "CONNECTOR",
      description = "Destination connector, e.g. airbyte/destination-postgres.")
  String destination;

  @Option(names = "--destination-config", required = true, paramLabel = "FILE",
      description = "Destination configuration (JSON object); '-' reads standard input.")
  String destinationConfig;

  @Option(names = "--stream", paramLabel = "STREAM",
      description = "A stream to sync, as namespace.name or name; repeat for several (default: all).")
  List<String> streams = new ArrayList<>();

  @Option(names = "--sync-mode", paramLabel = "MODE", converter = ProtocolEnumConverters.SyncModes.class,
      description = "full_refresh or incremental (default: full_refresh).")
  SyncMode syncMode = SyncMode.FULL_REFRESH;

  @Option(names = "--destination-sync-mode", paramLabel = "MODE",
      converter = ProtocolEnumConverters.DestinationSyncModes.class,
      description = "overwrite, append or append_dedup (default: overwrite for full_refresh, append for incremental).")
  DestinationSyncMode destinationSyncMode;

  @Option(names = "--cursor-field", paramLabel = "[STREAM=]FIELD",
      description = "Cursor of incremental streams whose source does not define one; STREAM= limits it to one stream.")
  List<String> cursorFields = new ArrayList<>();

  @Option(names = "--primary-key", paramLabel = "[STREAM=]FIELD[,FIELD...]",
      description = "Primary key for append_dedup where the source defines none; STREAM= limits it to one stream.")
  List<String> primaryKeys = new ArrayList<>();

  @Option(names = "--state", paramLabel = "FILE",
      description = "Resume from the state in FILE when it exists; write the committed state there when the sync ends.")
  Path stateFile;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Where '-' configurations come from; tests replace it. */
  InputStream stdin = System.in;

  /** Where external connectors are found ({@code GALE_CONNECTOR_COMMANDS}, {@code PATH}); tests replace it. */
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    NamedConnectors connectors = NamedConnectors.load(spec.commandLine(), environment);
    Source sourceConnector = connectors.source("--source", source);
    Destination destinationConnector = connectors.destination("--destination", destination);
    JsonInputs inputs = new JsonInputs(spec.commandLine(), stdin);
    JsonNode sourceJson = inputs.object("--source-config", sourceConfig);
    JsonNode destinationJson = inputs.object("--destination-config", destinationConfig);
    CommittedState state = stateFile == null ? CommittedState.empty() : CommittedState.read(spec.commandLine(), stateFile);
    DestinationSyncMode writeMode = destinationSyncMode != null ? destinationSyncMode
        : syncMode == SyncMode.INCREMENTAL ? DestinationSyncMode.APPEND : DestinationSyncMode.OVERWRITE;

    long started = System.nanoTime();
    AirbyteCatalog discovered;
    try {
      discovered = sourceConnector.discover(sourceJson);
    } catch (ConnectorException e) {
      err.println("Failed: the source's streams could not be listed: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      // Only connector exceptions promise messages without secrets; of anything else, name the kind only.
      err.println("Failed: the source's streams could not be listed (" + e.getClass().getName() + ")");
      return 1;
    }
    ConfiguredAirbyteCatalog catalog = new CatalogChoice(spec.commandLine(), syncMode, writeMode,
        destinationConnector.capabilities(), cursorFields, primaryKeys).configure(discovered, streams);
    err.printf("Syncing %d stream(s) from %s to %s (%s, %s)%n", catalog.streams().size(),
        sourceConnector.descriptor().name(), destinationConnector.descriptor().name(), syncMode, writeMode);
    err.flush();

    ReplicationRequest request = new ReplicationRequest(sourceConnector, sourceJson, destinationConnector,
        destinationJson, catalog, StreamMapping.identity(), state.messages(), System.currentTimeMillis());
    ConsoleListener listener = new ConsoleListener(err, state, started);
    RunningReplication running = new ReplicationEngine().start(request, listener);
    CountDownLatch ended = new CountDownLatch(1);
    Thread onInterrupt = cancelOnShutdown(running, ended);
    try {
      ReplicationResult result = running.await();
      out.print(SyncSummary.of(result, Duration.ofNanos(System.nanoTime() - started)));
      out.flush();
      if (stateFile != null && !writeState(state, err)) {
        return 1;
      }
      return result.status() == ReplicationResult.Status.SUCCEEDED ? 0 : 1;
    } finally {
      ended.countDown();
      removeHook(onInterrupt);
    }
  }

  private boolean writeState(CommittedState state, PrintWriter err) {
    try {
      state.write(stateFile);
      err.printf("State written to %s (%d state(s) committed by this sync)%n", stateFile, state.committedCount());
      return true;
    } catch (UncheckedIOException e) {
      err.println("Failed: " + e.getMessage() + ": " + e.getCause());
      return false;
    } finally {
      err.flush();
    }
  }

  /**
   * Ctrl-C cancels the sync, so the destination rolls back what was not flushed, and waits a little for the summary
   * and the state file of what was committed.
   */
  private static Thread cancelOnShutdown(RunningReplication running, CountDownLatch ended) {
    Thread hook = new Thread(() -> {
      running.cancel();
      try {
        ended.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "gale-replicate-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Shutting down already: the hook is running and ends with this sync.
    }
  }
}
