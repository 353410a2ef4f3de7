package dev.gale.server.testing;

import dev.gale.connectors.external.DockerEngine;
import dev.gale.connectors.external.ExternalLaunches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/** External connector programs for tests: bash scripts in a folder that stands for the PATH. */
public final class TestPrograms {
  /** An engine whose command line does not exist: it never answers, whatever this machine has. */
  public static final DockerEngine NO_ENGINE = new DockerEngine("/nonexistent/docker");

  private TestPrograms() {}

  /** Settings under which nothing external runs: no commands, an empty PATH, no Docker engine. */
  public static ExternalLaunches none() {
    return new ExternalLaunches(Map.of(), "", NO_ENGINE);
  }

  /** Settings under which the programs of {@code folder} run, and nothing else. */
  public static ExternalLaunches onPath(Path folder) {
    return new ExternalLaunches(Map.of(), folder.toString(), NO_ENGINE);
  }

  /** Writes an executable bash script {@code name} into {@code folder}; Airbyte's verb is in {@code $1}. */
  public static Path script(Path folder, String name, String body) {
    Path file = folder.resolve(name);
    try {
      Files.writeString(file, "#!/usr/bin/env bash\nset -u\n" + body + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
