package dev.gale.server.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own parser of the text exposition: {@code promtool check metrics}, from Debian's {@code prometheus}
 * package, which {@code scripts/ensure-debian-packages.sh} installs when it is missing. A test that cannot have it
 * fails, naming the package: a metrics test that skipped its parser would prove nothing.
 */
public final class Promtool {
  private static final String PACKAGE = "prometheus";
  private static Path executable;

  private Promtool() {}

  /**
   * Parses and lints {@code exposition} as Prometheus does when it scrapes; fails with promtool's words on any error.
   */
  public static void check(String exposition) {
    Path promtool = executable();
    try {
      Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(exposition.getBytes(StandardCharsets.UTF_8));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(1, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError("promtool check metrics did not end within a minute");
      }
      if (process.exitValue() != 0) {
        throw new AssertionError("promtool check metrics refused the exposition (exit " + process.exitValue() + "):\n"
            + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while promtool ran", e);
    }
  }

  private static synchronized Path executable() {
    if (executable == null) {
      executable = onPath().orElseGet(() -> {
        install();
        return onPath().orElseThrow(() -> new AssertionError(
            "promtool is still missing after installing the Debian package '" + PACKAGE + "'"));
      });
    }
    return executable;
  }

  private static Optional<Path> onPath() {
    for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(folder, "promtool");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void install() {
    Path script = scriptFolder().resolve("ensure-debian-packages.sh");
    try {
      Process process = new ProcessBuilder("bash", script.toString(), PACKAGE).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new AssertionError("promtool is needed: install the Debian package '" + PACKAGE + "' (" + script
            + " could not):\n" + output);
      }
    } catch (IOException e) {
      throw new AssertionError("promtool is needed: install the Debian package '" + PACKAGE + "'", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while installing the Debian package '" + PACKAGE + "'", e);
    }
  }

  /** The checkout's scripts/ folder: tests run in their module's folder, one level below it. */
  private static Path scriptFolder() {
    for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
      if (Files.isRegularFile(folder.resolve("scripts").resolve("ensure-debian-packages.sh"))) {
        return folder.resolve("scripts");
      }
    }
    throw new AssertionError("promtool is needed: install the Debian package '" + PACKAGE
        + "' (no scripts/ensure-debian-packages.sh above " + Path.of("").toAbsolutePath() + ")");
  }
}
