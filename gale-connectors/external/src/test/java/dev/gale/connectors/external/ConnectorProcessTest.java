package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

// A test whose program outlives what it checks fails here rather than waiting for the program to end by itself.
@Timeout(30)
class ConnectorProcessTest {
  private static final JsonNode CONFIG = Json.parse("{\"password\":\"hunter2\"}");

  @TempDir
  Path dir;
  private final List<String> logs = new ArrayList<>();
  private final BiConsumer<LogLevel, String> log = (level, line) -> {
    synchronized (logs) {
      logs.add(level + " " + line);
    }
  };

  @Test
  void passesPrivateFilesWithAirbytesArgumentsAndRemovesThemAfterwards() throws Exception {
    ExternalCommand command = Scripts.script(dir, "modes.sh", """
        echo "args $1 $2 $4"
        echo "modes $(stat -c %a "$(dirname "$3")") $(stat -c %a "$3") $(stat -c %a "$5")"
        """);
    Path folder;
    try (ConnectorProcess process = start(command, "read", files())) {
      folder = process.folder();
      assertThat(process.next()).isNull();
      process.finish();
      assertThat(folder).isDirectory();
    }

    assertThat(logs()).contains("INFO args read --config --catalog", "INFO modes 700 600 600");
    assertThat(folder).doesNotExist();
  }

  @Test
  void masksSecretsInWhatTheConnectorPrints() throws Exception {
    ExternalCommand command = Scripts.script(dir, "leaky.sh", """
        echo "config $(cat "$3")"
        echo "stderr $(cat "$3")" >&2
        exit 1
        """);
    try (ConnectorProcess process = start(command, "check", files())) {
      assertThat(process.next()).isNull();
      assertThatThrownBy(process::finish).isInstanceOf(ConnectorException.class)
          .hasMessageContaining("stderr {\"password\":\"****\"}").hasMessageNotContaining("hunter2");
    }

    assertThat(logs()).anyMatch(line -> line.contains("config {\"password\":\"****\"}"))
        .noneMatch(line -> line.contains("hunter2"));
  }

  @Test
  void aNonZeroExitFailsWithTheCodeAndTheLastErrorLines() throws Exception {
    ExternalCommand command = Scripts.script(dir, "dies.sh", """
        echo '{"type":"LOG","log":{"level":"ERROR","message":"lost the connection"}}'
        echo "Traceback: disk full" >&2
        exit 3
        """);
    try (ConnectorProcess process = start(command, "read", files())) {
      assertThat(process.next()).isNull();
      assertThatThrownBy(process::finish).isInstanceOf(ConnectorException.class)
          .hasMessageContaining("dies.sh read` exited with code 3")
          .hasMessageContaining("lost the connection").hasMessageContaining("Traceback: disk full")
          .extracting(e -> ((ConnectorException) e).kind()).isEqualTo(ConnectorException.Kind.SYSTEM);
    }
  }

  @Test
  void aLongLineThatIsNoMessageIsLoggedShortened() throws Exception {
    ExternalCommand command = Scripts.script(dir, "chatty.sh", "head -c 100000 /dev/zero | tr '\\0' y; echo");
    try (ConnectorProcess process = start(command, "read", files())) {
      assertThat(process.next()).isNull();
      process.finish();
    }

    assertThat(logs()).singleElement().satisfies(line -> assertThat(line)
        .startsWith("INFO yyyy").endsWith("... (100000 characters)").hasSizeLessThan(20_000));
  }

  @Test
  void aLineOverTheLimitFailsClearly() throws Exception {
    ExternalCommand command = Scripts.script(dir, "huge.sh", "head -c 2000000 /dev/zero | tr '\\0' x; echo")
        .withMaxLineBytes(1 << 20);
    try (ConnectorProcess process = start(command, "read", files())) {
      assertThatThrownBy(process::next).isInstanceOf(ConnectorException.class)
          .hasMessageContaining("wrote a line longer than 1048576 bytes");
    }
  }

  @Test
  void aConnectorThatSendsNothingIsStoppedWithItsWholeProcessTree() throws Exception {
    Path pids = dir.resolve("pids");
    ExternalCommand command = Scripts.script(dir, "hangs.sh", """
        echo $$ >> "$PIDS"
        sleep 300 & echo $! >> "$PIDS"
        bash -c 'sleep 300 & echo $! >> "$PIDS"; wait' &
        echo $! >> "$PIDS"
        wait
        """).withEnvironment(Map.of("PIDS", pids.toString())).withNoMessageTimeout(Duration.ofSeconds(1));
    try (ConnectorProcess process = start(command, "read", files())) {
      List<Long> tree = Scripts.pids(pids, 4);
      assertThat(tree).allMatch(Scripts::alive);

      assertThatThrownBy(process::next).isInstanceOf(ConnectorException.class)
          .hasMessageContaining("sent no message for 1 seconds and was stopped")
          .extracting(e -> ((ConnectorException) e).kind()).isEqualTo(ConnectorException.Kind.TRANSIENT);
      Scripts.assertAllGone(tree);
    }
  }

  @Test
  void aChildThatOutlivesTheProgramIsStoppedToo() throws Exception {
    Path pids = dir.resolve("pids");
    ExternalCommand command = Scripts.script(dir, "orphan.sh", """
        sleep 300 & echo $! >> "$PIDS"
        sleep 0.5
        exit 0
        """).withEnvironment(Map.of("PIDS", pids.toString())).withNoMessageTimeout(Duration.ofSeconds(2));
    try (ConnectorProcess process = start(command, "read", files())) {
      List<Long> orphan = Scripts.pids(pids, 1);
      // The orphan holds stdout open, so the read ends only when the timeout stops it.
      assertThatThrownBy(process::next).isInstanceOf(ConnectorException.class).hasMessageContaining("no message");
      Scripts.assertAllGone(orphan);
    }
  }

  @Test
  void interruptingTheThreadThatStartedTheRunCancelsItAndStopsTheTree() throws Exception {
    Path pids = dir.resolve("pids");
    ExternalCommand command = Scripts.script(dir, "slow.sh", """
        echo $$ >> "$PIDS"
        sleep 300 & echo $! >> "$PIDS"
        wait
        """).withEnvironment(Map.of("PIDS", pids.toString()));
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread reader = Thread.ofVirtual().start(() -> {
      try (ConnectorProcess process = start(command, "read", files())) {
        process.next();
        outcome.complete(null);
      } catch (Throwable e) {
        outcome.complete(e);
      }
    });
    List<Long> tree = Scripts.pids(pids, 2);

    reader.interrupt();

    assertThat(outcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    Scripts.assertAllGone(tree);
  }

  @Test
  void closeStopsARunningProgram() throws Exception {
    Path pids = dir.resolve("pids");
    ExternalCommand command = Scripts.script(dir, "forever.sh", """
        echo $$ >> "$PIDS"
        while true; do echo "tick"; sleep 0.1; done
        """).withEnvironment(Map.of("PIDS", pids.toString()));
    List<Long> tree;
    try (ConnectorProcess process = start(command, "read", files())) {
      tree = Scripts.pids(pids, 1);
      assertThat(tree).allMatch(Scripts::alive);
    }
    Scripts.assertAllGone(tree);
  }

  @Test
  void aProgramThatCannotStartIsAClearConfigurationError() {
    assertThatThrownBy(() -> start(ExternalCommand.of(dir.resolve("missing").toString()), "spec", Map.of()))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("Cannot start the connector");
  }

  private ConnectorProcess start(ExternalCommand command, String verb, Map<String, Object> files) {
    UnaryOperator<String> mask = line -> line.replace("hunter2", "****");
    return ConnectorProcess.start(command, verb, files, log, mask);
  }

  private static Map<String, Object> files() {
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("config", CONFIG);
    files.put("catalog", Json.parse("{\"streams\":[]}"));
    return files;
  }

  private List<String> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }
}
