package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.ConnectorDescriptor.Kind;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalLaunchesTest {
  /** An engine whose command line does not exist, so it never answers, whatever the machine has. */
  private static final DockerEngine NO_ENGINE = new DockerEngine("/nonexistent/docker");

  @TempDir
  Path temp;

  @Test
  void aConfiguredCommandComesFirst() throws Exception {
    Path bin = folderWith("source-tiny");
    ExternalLaunches launches = new ExternalLaunches(Map.of("someone/source-tiny", List.of("/opt/tiny", "--quiet")),
        bin.toString(), NO_ENGINE);

    assertThat(launches.find(Kind.SOURCE, "someone/source-tiny", "1.0").found())
        .contains(new Launch.LocalProgram(List.of("/opt/tiny", "--quiet")));
  }

  @Test
  void thePathIsSearchedUnderTheImagesShortNameInOrder() throws Exception {
    Path first = Files.createDirectory(temp.resolve("first"));
    Path second = folderWith("source-tiny");
    Files.writeString(first.resolve("source-tiny"), "not executable");
    String path = String.join(File.pathSeparator, "", temp.resolve("missing").toString(), first.toString(),
        second.toString());

    ExternalLaunches launches = new ExternalLaunches(Map.of(), path, NO_ENGINE);

    assertThat(launches.find(Kind.SOURCE, "someone/source-tiny", "1.0").found())
        .contains(new Launch.LocalProgram(List.of(second.resolve("source-tiny").toString())));
  }

  @Test
  void aProgramOnThePathMustBeNamedForItsKind() throws Exception {
    Path bin = folderWith("destination-tiny");
    ExternalLaunches launches = new ExternalLaunches(Map.of(), bin.toString(), NO_ENGINE);

    ExternalLaunches.Search asSource = launches.find(Kind.SOURCE, "someone/destination-tiny", "1.0");

    assertThat(asSource.found()).isEmpty();
    assertThat(asSource.tried()).anySatisfy(reason -> assertThat(reason).contains("source-xyz", "destination-tiny"));
    assertThat(launches.find(Kind.DESTINATION, "someone/destination-tiny", "1.0").found()).isPresent();
  }

  @Test
  void nothingFoundSaysEverythingThatWasTried() {
    ExternalLaunches launches = new ExternalLaunches(Map.of(), temp.toString(), NO_ENGINE);

    ExternalLaunches.Search search = launches.find(Kind.SOURCE, "someone/source-tiny", "1.0");

    assertThat(search.found()).isEmpty();
    assertThat(search.tried()).containsExactly(
        "no command is configured for someone/source-tiny in GALE_CONNECTOR_COMMANDS",
        "no executable source-tiny is on the PATH",
        "no Docker engine answers");
  }

  @Test
  void anEngineThatAnswersRunsTheImageAtItsTag() throws Exception {
    Path fake = temp.resolve("docker");
    Files.writeString(fake, "#!/usr/bin/env bash\nexit 0\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
    ExternalLaunches launches = new ExternalLaunches(Map.of(), "", new DockerEngine(fake.toString()));

    assertThat(launches.find(Kind.SOURCE, "someone/source-tiny", "1.0").found())
        .contains(DockerImage.of("someone/source-tiny:1.0").withEngine(new DockerEngine(fake.toString())));
    assertThat(launches.find(Kind.SOURCE, "someone/source tiny", "1.0").tried())
        .contains("'someone/source tiny:1.0' is no Docker image name");
  }

  @Test
  void theCommandsFileMapsRepositoriesToCommandLines() throws Exception {
    Path file = temp.resolve("commands");
    Files.writeString(file, """
        # connectors installed by hand
        airbyte/source-faker = /opt/faker/bin/python  -m source_faker.run

        airbyte/destination-duckdb=/opt/duckdb/run
        """);

    ExternalLaunches launches = ExternalLaunches.fromEnvironment(Map.of("GALE_CONNECTOR_COMMANDS", file.toString()));

    assertThat(launches.configuredRepositories()).containsExactly("airbyte/destination-duckdb", "airbyte/source-faker");
    assertThat(ExternalLaunches.readCommands(file)).containsEntry("airbyte/source-faker",
        List.of("/opt/faker/bin/python", "-m", "source_faker.run"));
    assertThat(ExternalLaunches.fromEnvironment(Map.of()).configuredRepositories()).isEmpty();
  }

  @Test
  void aWrongCommandsFileIsRefusedWithItsLine() throws Exception {
    Path file = temp.resolve("commands");
    Files.writeString(file, "airbyte/source-faker = /opt/faker\nairbyte/source-other\n");
    assertThatThrownBy(() -> ExternalLaunches.readCommands(file)).hasMessageContaining("line 2");
    Files.writeString(file, "a/source-x = /x\na/source-x = /y\n");
    assertThatThrownBy(() -> ExternalLaunches.readCommands(file)).hasMessageContaining("a second time");
    assertThatThrownBy(() -> ExternalLaunches.readCommands(temp.resolve("missing")))
        .hasMessageContaining("GALE_CONNECTOR_COMMANDS").hasMessageContaining("cannot read");
  }

  private Path folderWith(String executable) throws Exception {
    Path folder = Files.createTempDirectory(temp, "bin");
    Path file = folder.resolve(executable);
    Files.writeString(file, "#!/usr/bin/env bash\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return folder;
  }
}
