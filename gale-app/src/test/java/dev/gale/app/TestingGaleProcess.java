package dev.gale.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code gale server} in a process of its own, as the launcher starts it (same JVM options, embedded store in a
 * fresh data directory): for what only a whole process shows, its memory and the JDK server's process-wide limits.
 * Its output goes to {@code server.out} in the data directory's parent.
 */
final class TestingGaleProcess implements AutoCloseable {
  private static final List<String> LAUNCHER_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k");

  private final Process process;
  private final int port;
  private final Path home;

  private TestingGaleProcess(Process process, int port, Path home) {
    this.process = process;
    this.port = port;
    this.home = home;
  }

  /** Starts a server with {@code environment} added to this one's, and waits (at most a minute) until it is healthy. */
  static TestingGaleProcess start(Map<String, String> environment) throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    List<String> launcher = new ArrayList<>(List.of(java));
    launcher.addAll(LAUNCHER_OPTIONS);
    launcher.addAll(List.of("-cp", System.getProperty("java.class.path"), GaleCommand.class.getName()));
    return start(launcher, environment);
  }

  /**
   * Starts {@code launcher server} (the launcher being what runs the gale command: a java command line, or a script)
   * with {@code environment} added to this one's, and waits (at most a minute) until it is healthy.
   */
  static TestingGaleProcess start(List<String> launcher, Map<String, String> environment)
      throws IOException, InterruptedException {
    Path home = Files.createTempDirectory("gale-process-");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    List<String> command = new ArrayList<>(launcher);
    command.addAll(List.of("server", "--port", String.valueOf(port), "--data-dir", home.resolve("data").toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(home.resolve("server.out").toFile());
    Map<String, String> env = new HashMap<>(Map.of("GALE_HOST", "127.0.0.1", "GALE_WORKERS", "1"));
    env.putAll(environment);
    builder.environment().putAll(env);
    TestingGaleProcess server = new TestingGaleProcess(builder.start(), port, home);
    server.awaitHealthy(Duration.ofMinutes(1));
    return server;
  }

  int port() {
    return port;
  }

  /** The server's resident memory, in bytes, as the kernel counts it. */
  long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for process " + process.pid());
  }

  /** The health endpoint's status, or -1 when it does not answer within {@code timeout}. */
  int health(Duration timeout) {
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
      return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
          .timeout(timeout).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The files the process has mapped into its memory (a JVM maps its class-data archive or AOT cache). */
  List<String> mappedFiles() throws IOException {
    return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "maps")).stream()
        .map(line -> line.split("\\s+", 6)).filter(fields -> fields.length == 6).map(fields -> fields[5].strip())
        .distinct().toList();
  }

  /** The program the process runs: what a launcher script ended up executing. */
  String program() {
    return process.info().command().orElseThrow();
  }

  boolean alive() {
    return process.isAlive();
  }

  String output() {
    try {
      return Files.readString(home.resolve("server.out"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitHealthy(Duration limit) throws InterruptedException {
    Instant deadline = Instant.now().plus(limit);
    while (Instant.now().isBefore(deadline) && process.isAlive()) {
      if (health(Duration.ofSeconds(2)) == 200) {
        return;
      }
      Thread.sleep(100);
    }
    close();
    throw new IllegalStateException("gale server did not become healthy: " + output());
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try (var files = Files.walk(home)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
