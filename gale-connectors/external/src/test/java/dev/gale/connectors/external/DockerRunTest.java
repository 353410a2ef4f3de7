package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerRunTest {
  private static final Path FOLDER = Path.of("/tmp/gale-connector-123");

  @Test
  void buildsTheExactDockerRunCommandLine() {
    DockerImage image = DockerImage.of("airbyte/source-faker:6.2.20").withLimits("2g", "1.5").withNetwork("gale-net");
    DockerRun run = new DockerRun(image, "gale-source-faker-read-0a1b2c3d", FOLDER, "1001:1002", "read",
        List.of("config", "catalog", "state"), Set.of("TZ", "API_TOKEN"));

    assertThat(run.arguments()).containsExactly("docker", "run", "--rm", "-i", "--init",
        "--name", "gale-source-faker-read-0a1b2c3d", "--log-driver", "none", "--network", "gale-net",
        "--user", "1001:1002", "--memory", "2g", "--cpus", "1.5",
        "-v", "/tmp/gale-connector-123:/config:ro",
        "-e", "DEPLOYMENT_MODE=OSS", "-e", "WORKER_ENVIRONMENT=DOCKER",
        "-e", "WORKER_CONNECTOR_IMAGE=airbyte/source-faker:6.2.20",
        "-e", "API_TOKEN", "-e", "TZ",
        "airbyte/source-faker:6.2.20", "read",
        "--config", "/config/config.json", "--catalog", "/config/catalog.json", "--state", "/config/state.json");
  }

  @Test
  void withoutLimitsOrFilesTheDefaultsAreHostNetworkAndNoLimitFlags() {
    DockerRun run = new DockerRun(DockerImage.of("airbyte/destination-dev-null:0.4.0"), "n", FOLDER, "0:0", "spec",
        List.of(), Set.of());

    assertThat(run.arguments()).containsSubsequence("--network", "host")
        .doesNotContain("--memory", "--cpus")
        .endsWith("airbyte/destination-dev-null:0.4.0", "spec");
  }

  @Test
  void anotherDockerExecutableIsUsedForRunAndKill() {
    DockerImage image = DockerImage.of("x/y:1").withEngine(new DockerEngine("/opt/bin/docker"));
    DockerRun run = new DockerRun(image, "gale-y-check-1", FOLDER, "0:0", "check", List.of("config"), Set.of());

    assertThat(run.arguments()).startsWith("/opt/bin/docker", "run");
    assertThat(run.killArguments()).containsExactly("/opt/bin/docker", "kill", "gale-y-check-1");
  }

  @Test
  void theKillCommandNamesTheContainer() {
    DockerRun run = new DockerRun(DockerImage.of("x/y:1"), "gale-y-read-42", FOLDER, "0:0", "read", List.of(), Set.of());

    assertThat(run.killArguments()).containsExactly("docker", "kill", "gale-y-read-42");
  }

  @Test
  void theContainerRunsAsTheUserWhoOwnsThePrivateFolder(@TempDir Path folder) throws Exception {
    DockerRun run = DockerRun.of(DockerImage.of("x/y:1"), folder, "spec", List.of(), Set.of());

    String owner = Files.getAttribute(folder, "unix:uid") + ":" + Files.getAttribute(folder, "unix:gid");
    assertThat(run.user()).isEqualTo(owner).matches("[0-9]+:[0-9]+");
    assertThat(run.arguments()).containsSubsequence("--user", owner);
  }

  @Test
  void eachRunHasAValidContainerNameOfItsOwn(@TempDir Path folder) throws Exception {
    DockerImage image = DockerImage.of("registry.example.com:5000/team/source-crm@sha256:abc");
    DockerRun first = DockerRun.of(image, folder, "discover", List.of("config"), Set.of());
    DockerRun second = DockerRun.of(image, folder, "discover", List.of("config"), Set.of());

    assertThat(first.containerName()).matches("gale-source-crm-discover-[0-9a-f]{8}")
        .isNotEqualTo(second.containerName());
    assertThat(first.arguments()).containsSubsequence("--name", first.containerName());
  }

  @Test
  void settingsDockerWouldMisreadAreRefused() {
    assertThatThrownBy(() -> DockerImage.of("--privileged")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DockerImage.of("a b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DockerImage.of("x/y:1").withLimits("lots", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory limit");
    assertThatThrownBy(() -> DockerImage.of("x/y:1").withLimits(null, "-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CPU limit");
    assertThatThrownBy(() -> DockerImage.of("x/y:1").withNetwork("--cap-add=ALL"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theShortNameDropsRegistryOwnerTagAndDigest() {
    assertThat(DockerImage.of("airbyte/source-pokeapi:0.3.0").shortName()).isEqualTo("source-pokeapi");
    assertThat(DockerImage.of("localhost:5000/source-x").shortName()).isEqualTo("source-x");
    assertThat(DockerImage.of("source-y@sha256:00").shortName()).isEqualTo("source-y");
  }
}
