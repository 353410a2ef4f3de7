package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.ConnectorDescriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Connectors for tests: small bash scripts written into a test's temporary folder. */
final class Scripts {
  /** A spec answer any script can print: one secret property. */
  static final String SPEC = "{\"type\":\"SPEC\",\"spec\":{\"connectionSpecification\":{\"type\":\"object\","
      + "\"properties\":{\"password\":{\"type\":\"string\",\"airbyte_secret\":true}}},"
      + "\"supported_destination_sync_modes\":[\"append\",\"overwrite\"]}}";

  private Scripts() {}

  /** An executable bash script of {@code body}, with the protocol's verb in {@code $1}. */
  static ExternalCommand script(Path folder, String name, String body) {
    Path file = folder.resolve(name);
    try {
      Files.writeString(file, "#!/usr/bin/env bash\nset -u\n" + body + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ExternalCommand.of(file.toString()).withNoMessageTimeout(Duration.ofSeconds(30));
  }

  static ConnectorDescriptor source(String name) {
    return new ConnectorDescriptor(UUID.nameUUIDFromBytes(name.getBytes()), ConnectorDescriptor.Kind.SOURCE, name,
        "test/" + name, "0.1.0", "https://example.com", null, ConnectorDescriptor.ReleaseStage.CUSTOM,
        ConnectorDescriptor.SupportLevel.NONE, ConnectorDescriptor.SourceType.CUSTOM);
  }

  static ConnectorDescriptor destination(String name) {
    return new ConnectorDescriptor(UUID.nameUUIDFromBytes(name.getBytes()), ConnectorDescriptor.Kind.DESTINATION, name,
        "test/" + name, "0.1.0", "https://example.com", null, ConnectorDescriptor.ReleaseStage.CUSTOM,
        ConnectorDescriptor.SupportLevel.NONE, null);
  }

  /** Waits until none of {@code pids} is alive; fails after a few seconds. */
  static void assertAllGone(List<Long> pids) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (pids.stream().noneMatch(Scripts::alive)) {
        return;
      }
      Thread.sleep(50);
    }
    assertThat(pids).filteredOn(Scripts::alive).as("processes still alive").isEmpty();
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The pids a script wrote to {@code file}, one a line, waiting until it holds {@code count}. */
  static List<Long> pids(Path file, int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        List<Long> pids = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).map(Long::valueOf).toList();
        if (pids.size() >= count) {
          return pids;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the script did not write " + count + " pids to " + file);
  }
}
