package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class DockerEngineTest {
  @TempDir
  Path dir;

  @Test
  void aDockerCommandLineWhoseEngineDoesNotAnswerIsNoEngine() throws Exception {
    // What `docker version` does with the command line installed and the engine down: client part, then exit 1.
    DockerEngine engine = new DockerEngine(script("docker", """
        echo "$@" >> "$(dirname "$0")/calls"
        echo "Cannot connect to the Docker daemon at unix:///var/run/docker.sock" >&2
        exit 1
        """));

    assertThat(engine.answers()).isFalse();
    assertThat(Files.readString(dir.resolve("calls"))).isEqualTo("version --format {{.Server.Version}}\n");
  }

  @Test
  void anEngineThatAnswersIsAvailable() throws Exception {
    DockerEngine engine = new DockerEngine(script("docker", "echo 27.3.1"));

    assertThat(engine.answers()).isTrue();
  }

  @Test
  void anEngineThatHangsIsNoEngineAfterTheProbeTimeout() throws Exception {
    DockerEngine engine = new DockerEngine(script("docker", "exec sleep 300"));
    long start = System.nanoTime();

    assertThat(engine.answers()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(DockerEngine.PROBE_TIMEOUT.plusSeconds(5));
  }

  @Test
  void noDockerProgramAtAllIsNoEngine() {
    assertThat(new DockerEngine(dir.resolve("missing").toString()).answers()).isFalse();
  }

  @Test
  void theDefaultProbeAsksTheDockerOnThePath() throws Exception {
    // This JVM's PATH cannot be changed, so the default probe runs in a child JVM whose PATH is a temporary folder.
    Path failing = Files.createDirectory(dir.resolve("failing"));
    Path answering = Files.createDirectory(dir.resolve("answering"));
    script(failing.resolve("docker"), "echo \"$@\" >> " + dir.resolve("calls") + "\nexit 1");
    script(answering.resolve("docker"), "echo 27.3.1");

    assertThat(probeWithPath(failing)).isEqualTo("available=false");
    assertThat(Files.readString(dir.resolve("calls"))).isEqualTo("version --format {{.Server.Version}}\n");
    assertThat(probeWithPath(answering)).isEqualTo("available=true");
  }

  private String probeWithPath(Path path) throws Exception {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Path out = Files.createTempFile(dir, "probe", ".txt");
    ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        Probe.class.getName()).redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().put("PATH", path.toString());
    assertThat(builder.start().waitFor()).isZero();
    return Files.readString(out).strip();
  }

  /** Prints what {@link DockerEngine#available()} answers. */
  static final class Probe {
    public static void main(String[] args) {
      System.out.println("available=" + DockerEngine.available());
    }
  }

  private String script(String name, String body) throws Exception {
    return script(dir.resolve(name), body);
  }

  // An absolute interpreter: the PATH of the probe's child JVM holds nothing but the fake docker.
  private static String script(Path file, String body) throws Exception {
    Files.writeString(file, "#!/bin/bash\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file.toString();
  }
}
