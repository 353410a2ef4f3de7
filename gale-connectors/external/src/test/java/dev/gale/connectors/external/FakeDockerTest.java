package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.protocol.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Docker path without an engine: a fake {@code docker} records every call, and its {@code run} behaves like
 * an engine running a connector image. It reads the files at the container's paths by mapping the mount back to the
 * host folder, starts its "container" detached (an engine's container is no child of the command line, so killing
 * the command line leaves it running), and ends when {@code docker kill} kills that container.
 */
@Timeout(30)
class FakeDockerTest {
  private static final JsonNode CONFIG = Json.parse("{\"password\":\"hunter2\"}");
  private static final String FAKE_DOCKER = """
      #!/usr/bin/env bash
      set -u
      DIR="$(dirname "$0")"
      printf '%s\\n' "$*" >> "$DIR/calls"
      if [ "$1" = kill ]; then
        kill -9 "$(cat "$DIR/containers/$2")"
        exit 0
      fi
      shift  # run
      name=""; mount=""
      while [ $# -gt 0 ]; do
        case "$1" in
          --rm|-i|--init) shift ;;
          --name) name=$2; shift 2 ;;
          -v) mount=$2; shift 2 ;;
          --log-driver|--network|--user|--memory|--cpus|-e) shift 2 ;;
          *) break ;;
        esac
      done
      verb=$2; shift 2
      host=${mount%%:*}; inside=${mount#*:}; inside=${inside%%:*}; mode=${mount##*:}
      args=(); for a in "$@"; do args+=("${a/#$inside/$host}"); done
      case "$verb" in
        check)
          echo "mount $mode $(stat -c %a "$host") $(ls "$host" | tr '\\n' ' ')$(stat -c %a "${args[1]}")"
          echo "token $API_TOKEN"
          if grep -q hunter2 "${args[1]}"; then
            echo '{"type":"CONNECTION_STATUS","connectionStatus":{"status":"SUCCEEDED"}}'
          fi
          ;;
        read)
          mkdir -p "$DIR/containers"
          ( setsid bash -c 'while true; do sleep 0.1; done' </dev/null >/dev/null 2>&1 &
            echo $! > "$DIR/containers/$name" )
          container=$(cat "$DIR/containers/$name")
          # Like docker run: the command line ends when its container does.
          while kill -0 "$container" 2>/dev/null; do sleep 0.1; done
          exit 137
          ;;
      esac
      """;

  @TempDir
  Path dir;
  private Path docker;
  private final List<String> logs = new ArrayList<>();
  private final BiConsumer<LogLevel, String> log = (level, line) -> {
    synchronized (logs) {
      logs.add(line);
    }
  };

  @BeforeEach
  void writeFakeDocker() throws Exception {
    docker = dir.resolve("docker");
    Files.writeString(docker, FAKE_DOCKER);
    Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void runsTheImageWithItsFilesMountedReadOnlyAndTheEnvironmentPassedByName() throws Exception {
    ExternalCommand command = command();
    Path folder;
    String name;
    try (ConnectorProcess process = start(command, "check")) {
      folder = process.folder();
      name = process.containerName();
      assertThat(process.next()).isInstanceOf(ProtocolMessage.ConnectionStatus.class);
      assertThat(process.next()).isNull();
      process.finish();
    }

    DockerRun expected = new DockerRun((DockerImage) command.launch(), name, folder, ownerOfThisProcess(), "check", List.of("config"),
        Set.of("API_TOKEN"));
    // The fake records its arguments, without its own path.
    assertThat(calls()).containsExactly(String.join(" ", expected.arguments().subList(1, expected.arguments().size())));
    assertThat(calls().getFirst()).contains("--memory 512m --cpus 0.5", "-v " + folder + ":/config:ro",
        "--config /config/config.json");
    assertThat(logs()).contains("mount ro 700 config.json 600", "token s3cret-env");
    // A container that ended by itself is not killed.
    assertThat(calls()).noneMatch(call -> call.startsWith("kill"));
    assertThat(folder).doesNotExist();
  }

  @Test
  void noSecretAppearsInTheCommandLine() throws Exception {
    // The configuration travels in its mounted file, the environment's values through docker's own environment.
    try (ConnectorProcess process = start(command(), "check")) {
      while (process.next() != null) {
        // The answer is not what this test is about.
      }
      process.finish();
    }

    assertThat(calls()).singleElement().satisfies(call -> assertThat(call).contains("-e API_TOKEN ")
        .doesNotContain("hunter2", "s3cret-env", "password"));
    // The container got both all the same.
    assertThat(logs()).contains("token s3cret-env");
  }

  @Test
  void cancellingTheRunKillsTheContainerByName() throws Exception {
    CompletableFuture<String> name = new CompletableFuture<>();
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    Thread reader = Thread.ofVirtual().start(() -> {
      try (ConnectorProcess process = start(command(), "read")) {
        name.complete(process.containerName());
        process.next();
        outcome.complete(null);
      } catch (Throwable e) {
        outcome.complete(e);
      }
    });
    long container = containerPid(name.get(10, TimeUnit.SECONDS));

    reader.interrupt();

    assertThat(outcome.get(20, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    assertThat(calls()).contains("kill " + name.get());
    Scripts.assertAllGone(List.of(container));
  }

  @Test
  void aTimedOutRunKillsTheContainerByName() throws Exception {
    ExternalCommand command = command().withNoMessageTimeout(Duration.ofSeconds(1));
    try (ConnectorProcess process = start(command, "read")) {
      long container = containerPid(process.containerName());

      assertThatThrownBy(process::next).isInstanceOf(ConnectorException.class).hasMessageContaining("no message");
      assertThat(calls()).contains("kill " + process.containerName());
      Scripts.assertAllGone(List.of(container));
    }
  }

  @Test
  void closingARunningRunKillsTheContainerByName() throws Exception {
    long container;
    String name;
    try (ConnectorProcess process = start(command(), "read")) {
      name = process.containerName();
      container = containerPid(name);
    }
    assertThat(calls()).contains("kill " + name);
    Scripts.assertAllGone(List.of(container));
  }

  private ExternalCommand command() {
    DockerImage image = DockerImage.of("airbyte/source-fake:1.0").withEngine(new DockerEngine(docker.toString()))
        .withLimits("512m", "0.5");
    return ExternalCommand.docker(image).withEnvironment(Map.of("API_TOKEN", "s3cret-env"))
        .withNoMessageTimeout(Duration.ofSeconds(30));
  }

  private ConnectorProcess start(ExternalCommand command, String verb) {
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("config", CONFIG);
    return ConnectorProcess.start(command, verb, files, log, line -> line.replace("hunter2", "****"));
  }

  private long containerPid(String name) throws Exception {
    return Scripts.pids(dir.resolve("containers").resolve(name), 1).getFirst();
  }

  /** Who owns what this test process creates: the user a container must run as. */
  private static String ownerOfThisProcess() throws Exception {
    Path file = Files.createTempFile("gale-owner", ".probe");
    try {
      return DockerRun.owner(file);
    } finally {
      Files.delete(file);
    }
  }

  private List<String> calls() throws Exception {
    Path calls = dir.resolve("calls");
    return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
  }

  private List<String> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }
}
