package dev.gale.app;

import static dev.gale.app.DeploymentFiles.DEPLOY;
import static dev.gale.app.DeploymentFiles.REPOSITORY;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the container image carries, run without a container engine: the distribution, the Java runtime linked by
 * deploy/build-runtime.sh from deploy/jre-modules.txt, the server's AOT cache trained on both by
 * deploy/train-aot-cache.sh, and the image's launcher and health check (deploy/bin), laid out as the Dockerfile lays
 * them out in /opt/gale. The runtime must hold every module jdeps finds the jars using, start {@code gale server} with
 * the launcher's JVM options and the cache, and pass the health check.
 */
class ContainerRuntimeIT {
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  /** The image's /opt/gale. */
  private static final Path IMAGE = TARGET.resolve("container/opt/gale");
  private static final Path JDK = Path.of(System.getProperty("java.home"));

  @BeforeAll
  static void layOutTheImage() throws IOException, InterruptedException {
    assertThat(TARGET.resolve("gale.jar")).as("the distribution (mvn package)").exists();
    Files.createDirectories(IMAGE.resolve("bin"));
    for (Path file : List.of(DEPLOY.resolve("bin/gale"), DEPLOY.resolve("bin/gale-health"),
        REPOSITORY.resolve("scripts/jvm-options.sh"))) {
      Files.copy(file, IMAGE.resolve("bin").resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.COPY_ATTRIBUTES);
    }
    for (String part : List.of("gale.jar", "lib")) {
      Files.deleteIfExists(IMAGE.resolve(part));
      Files.createSymbolicLink(IMAGE.resolve(part), TARGET.resolve(part));
    }
    // Linking takes a while: a runtime linked since the module list and the script last changed is reused.
    Path release = IMAGE.resolve("jre/release");
    if (!Files.exists(release) || newer(DEPLOY.resolve("jre-modules.txt"), release)
        || newer(DEPLOY.resolve("build-runtime.sh"), release)) {
      run(List.of("bash", DEPLOY.resolve("build-runtime.sh").toString(), IMAGE.resolve("jre").toString()),
          Map.of("JAVA_HOME", JDK.toString()));
    }
    // The cache fits only the jars it was trained with: trained again for the jars of this build.
    run(List.of("bash", DEPLOY.resolve("train-aot-cache.sh").toString(), IMAGE.toString()), Map.of());
  }

  @Test
  void theRuntimeHoldsEveryModuleTheJarsUse() throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(JDK.resolve("bin/jdeps").toString(), "--print-module-deps",
        "--ignore-missing-deps", "--multi-release", "21", TARGET.resolve("gale.jar").toString()));
    try (var jars = Files.list(TARGET.resolve("lib"))) {
      jars.map(Path::toString).filter(name -> name.endsWith(".jar")).sorted().forEach(command::add);
    }
    List<String> output = run(command, Map.of());
    List<String> used = Arrays.asList(output.getLast().strip().split(","));

    assertThat(used).contains("java.base");
    // The image holds the modules listed and those they require: what the runtime's release file names.
    assertThat(runtimeModules()).containsAll(used);
    assertThat(runtimeModules()).containsAll(DeploymentFiles.jreModules());
  }

  @Test
  void theImagesLauncherStartsAServerOnTheRuntimeThatPassesTheHealthCheck() throws Exception {
    Path cache = Files.createTempDirectory("gale-image-cache-");
    // XDG_CACHE_HOME: the image's class-data archives (in the image, the volume), here a folder of the test's own.
    try (TestingGaleProcess server = TestingGaleProcess.start(List.of(IMAGE.resolve("bin/gale").toString()),
        Map.of("XDG_CACHE_HOME", cache.toString()))) {
      assertThat(server.program()).isEqualTo(IMAGE.resolve("jre/bin/java").toString());
      // The JVM maps the image's AOT cache: it accepted it (it ignores, silently, a cache of other jars or runtime).
      assertThat(server.mappedFiles()).contains(IMAGE.resolve("gale-server.aot").toString());
      try (HttpClient client = HttpClient.newHttpClient()) {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"available\":true}");
        // Process metrics need jdk.management, which only reflection reaches.
        assertThat(client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
            .build(), HttpResponse.BodyHandlers.ofString()).body()).contains("process_cpu_usage");
      }
      assertThat(healthCheck(server.port())).isZero();
      assertThat(healthCheck(closedPort())).isEqualTo(1);
    }
    // With the AOT cache, the server asks for no class-data archive of its own.
    assertThat(cache.resolve("gale/gale.jsa")).doesNotExist();
    try (var files = Files.walk(cache)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  /** The image's health check (deploy/bin/gale-health) against {@code port}: its exit code. */
  private static int healthCheck(int port) throws IOException, InterruptedException {
    Process check = new ProcessBuilder("bash", IMAGE.resolve("bin/gale-health").toString(), String.valueOf(port))
        .redirectErrorStream(true).start();
    check.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return check.exitValue();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  private static List<String> runtimeModules() throws IOException {
    String modules = Files.readAllLines(IMAGE.resolve("jre/release")).stream()
        .filter(line -> line.startsWith("MODULES=")).findFirst().orElseThrow();
    return Arrays.asList(modules.substring("MODULES=".length()).replace("\"", "").split(" "));
  }

  private static boolean newer(Path file, Path than) throws IOException {
    return Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
  }

  /** Runs {@code command} to its end (at most five minutes) and returns its output; a failure fails the test. */
  private static List<String> run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s ends", command.getFirst()).isTrue();
    assertThat(process.exitValue()).as("%s: %s", command.getFirst(), output).isZero();
    return output.lines().toList();
  }
}
