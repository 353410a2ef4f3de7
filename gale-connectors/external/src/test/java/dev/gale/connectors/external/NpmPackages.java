package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Third-party connectors from npm for tests: the packages pinned in {@code src/test/npm/package-lock.json} and our
 * launcher scripts beside them, installed with {@code npm ci} into {@code target/npm} once per JVM.
 *
 * <p>The install is skipped when {@code target/npm} already holds the same package and lock files (a marker keeps
 * their digest), so a second test run costs nothing. Node.js and npm are a prerequisite of the test suite, like the
 * JDK: when they are missing the tests fail naming them, rather than being skipped and proving nothing.
 */
final class NpmPackages {
  static final Path SOURCES = Path.of("src", "test", "npm");
  static final Path INSTALLED = Path.of("target", "npm");
  private static final int OLDEST_NODE = 18;
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
  private static final String MARKER = ".gale-installed";
  private static Path folder;
  private static RuntimeException failure;

  private NpmPackages() {}

  /**
   * The folder holding {@code node_modules} and the launcher scripts, installing them on first use. A failed install
   * is not tried again in the same JVM: every later test fails at once with the same reason.
   */
  static synchronized Path folder() {
    if (failure != null) {
      throw failure;
    }
    if (folder == null) {
      try {
        folder = install();
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
    }
    return folder;
  }

  /** A connector run as {@code node <script>} from the installed folder. */
  static ExternalCommand node(String script) {
    requireNonNull(script, "script is null");
    Path file = folder().resolve(script).toAbsolutePath();
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no script " + script + " in " + SOURCES);
    }
    return ExternalCommand.of("node", file.toString());
  }

  private static Path install() {
    requireNodeAndNpm();
    try {
      Files.createDirectories(INSTALLED);
      List<Path> sources;
      try (Stream<Path> files = Files.list(SOURCES)) {
        sources = files.filter(Files::isRegularFile).sorted().toList();
      }
      // Launcher scripts are copied every time (they are ours and small); only the packages are installed once.
      for (Path source : sources) {
        Files.copy(source, INSTALLED.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
      String digest = digest(SOURCES.resolve("package.json"), SOURCES.resolve("package-lock.json"));
      Path marker = INSTALLED.resolve(MARKER);
      boolean current = Files.isDirectory(INSTALLED.resolve("node_modules")) && Files.exists(marker)
          && Files.readString(marker).equals(digest);
      if (!current) {
        Files.deleteIfExists(marker);
        run(INSTALL_TIMEOUT, INSTALLED, "npm", "ci", "--no-audit", "--no-fund");
        Files.writeString(marker, digest);
      }
      return INSTALLED.toAbsolutePath();
    } catch (IOException e) {
      throw new UncheckedIOException("could not install the test's npm packages into " + INSTALLED, e);
    }
  }

  private static void requireNodeAndNpm() {
    String version = run(Duration.ofSeconds(30), Path.of("."), "node", "--version").strip();
    int major;
    try {
      major = Integer.parseInt(version.replaceFirst("^v", "").split("\\.")[0]);
    } catch (NumberFormatException e) {
      throw new IllegalStateException(prerequisite("node --version answered '" + version + "'"), e);
    }
    if (major < OLDEST_NODE) {
      throw new IllegalStateException(prerequisite("this machine has Node.js " + version));
    }
    run(Duration.ofSeconds(30), Path.of("."), "npm", "--version");
  }

  private static String prerequisite(String problem) {
    return "These tests run third-party connectors from npm and need Node.js " + OLDEST_NODE + "+ and npm on the PATH"
        + " (and the npm registry reachable once, to install " + SOURCES + "/package-lock.json): " + problem;
  }

  /** Runs a command to its end and returns its output, failing with the output when it does not succeed. */
  private static String run(Duration timeout, Path directory, String... command) {
    Path log;
    try {
      log = Files.createTempFile("gale-npm", ".log");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Process process;
      try {
        process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
            .redirectOutput(log.toFile()).start();
      } catch (IOException e) {
        throw new IllegalStateException(prerequisite("'" + command[0] + "' cannot be run (" + e.getMessage() + ")"), e);
      }
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException(prerequisite(String.join(" ", command) + " did not finish within " + timeout
            + ":\n" + tail(log)));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(prerequisite(String.join(" ", command) + " failed with exit code "
            + process.exitValue() + ":\n" + tail(log)));
      }
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
    } finally {
      try {
        Files.deleteIfExists(log);
      } catch (IOException e) {
        // A temporary log left behind is harmless.
      }
    }
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", new ArrayList<>(lines.subList(Math.max(0, lines.size() - 30), lines.size())));
  }

  private static String digest(Path... files) throws IOException {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path file : files) {
        sha.update(Files.readAllBytes(file));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
