package dev.gale.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gale connectors list|import} on folders in Airbyte's layout, as a user runs them. */
class ConnectorsCommandTest {
  private static final String ITEMS_ID = "0b4f6f57-6a1d-4d4e-9f7a-3c1b7b2f0e11";
  private static final String FAKER_ID = "dfd88b22-b603-4c3d-aad7-3701784586b1";

  @TempDir
  Path directory;

  @Test
  void listShowsEachFolderWithItsConnectorAndWhetherItRuns() throws IOException {
    Path catalog = directory.resolve("catalog");
    connector(catalog, "source-items", metadata(ITEMS_ID, "Items", "airbyte/source-items", "1.2.3"), manifest("items"));
    connector(catalog, "source-broken", metadata("5d3c9a40-1e0f-4b9b-8f5e-2a6d7c8e9f01", "Broken", "airbyte/source-broken",
        "0.0.1"), manifest("items").replace("DpathExtractor", "DpathExtractors"));
    connector(catalog, "source-faker", metadata(FAKER_ID, "Faker again", "airbyte/source-faker-again", "9.9.9"),
        manifest("users"));

    Run run = run(Map.of("GALE_CONNECTORS", catalog.toString()), "connectors", "list");

    assertThat(run.exit).as(run.toString()).isZero();
    assertThat(run.out).contains("Connector catalog " + catalog + ": 3 folders, 1 sources run");
    assertThat(run.out.lines().skip(1).findFirst()).get().asString().startsWith("FOLDER").contains("DEFINITION ID");
    assertThat(row(run, "source-items")).contains("Items", ITEMS_ID, "1.2.3", "loads");
    assertThat(row(run, "source-broken")).contains("Broken", "0.0.1",
        "refused: manifest.yaml: streams[0].retriever.record_selector.extractor", "DpathExtractors");
    assertThat(row(run, "source-faker")).contains("Faker again", "skipped: its definition id " + FAKER_ID,
        "which keeps it");
  }

  @Test
  void listWithoutACatalogSaysWhereItLooked() {
    Run run = run(Map.of("GALE_DATA_DIR", directory.toString()), "connectors", "list");

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err).contains("no connector catalog at " + directory.resolve("connectors"), "--catalog");
    assertThat(run.out).isEmpty();
  }

  @Test
  void importCopiesAConnectorFolderThatLoadsAndReplacesAnOlderVersion() throws IOException {
    Path catalog = directory.resolve("catalog");
    Path download = connector(directory.resolve("downloads"), "source-items",
        metadata(ITEMS_ID, "Items", "airbyte/source-items", "1.0.0"), manifest("items"));
    Files.writeString(download.resolve("icon.svg"), "<svg/>");

    Run first = run(Map.of(), "connectors", "import", download.toString(), "--catalog", catalog.toString());
    assertThat(first.exit).as(first.toString()).isZero();
    assertThat(first.out).contains("imported source-items: Items 1.0.0 (definition " + ITEMS_ID + ")");
    assertThat(catalog.resolve("source-items").resolve("icon.svg")).hasContent("<svg/>");

    Files.writeString(download.resolve("metadata.yaml"), metadata(ITEMS_ID, "Items", "airbyte/source-items", "1.1.0"));
    Files.delete(download.resolve("icon.svg"));
    Run second = run(Map.of(), "connectors", "import", download.toString(), "--catalog", catalog.toString());
    assertThat(second.exit).as(second.toString()).isZero();
    assertThat(catalog.resolve("source-items").resolve("metadata.yaml")).content().contains("dockerImageTag: 1.1.0");
    assertThat(catalog.resolve("source-items").resolve("icon.svg")).doesNotExist();
    try (var left = Files.list(catalog)) {
      assertThat(left).extracting(path -> path.getFileName().toString()).containsExactly("source-items");
    }
    assertThat(row(run(Map.of(), "connectors", "list", "--catalog", catalog.toString()), "source-items"))
        .contains("1.1.0", "loads");
  }

  @Test
  void importOfAFolderOfConnectorsRefusesTheOnesThatWouldNotRunWithTheirReasons() throws IOException {
    Path catalog = directory.resolve("catalog");
    connector(catalog, "source-items", metadata(ITEMS_ID, "Items", "airbyte/source-items", "1.0.0"), manifest("items"));
    Path downloads = directory.resolve("downloads");
    connector(downloads, "source-good", metadata("8a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Good", "airbyte/source-good",
        "2.0.0"), manifest("good"));
    connector(downloads, "source-broken", metadata("5d3c9a40-1e0f-4b9b-8f5e-2a6d7c8e9f01", "Broken",
        "airbyte/source-broken", "0.0.1"), "version: 6.33.0\ntype: DeclarativeSource\nstreams: [{$ref: '#/nowhere'}]\n");
    connector(downloads, "source-copycat", metadata(ITEMS_ID, "Copycat", "airbyte/source-copycat", "1.0.0"),
        manifest("items"));
    connector(downloads, "source-faker", metadata(FAKER_ID, "Faker", "airbyte/source-faker", "9.9.9"), manifest("users"));
    Files.createDirectories(downloads.resolve("destination-csv"));
    Files.writeString(downloads.resolve("destination-csv").resolve("metadata.yaml"),
        metadata("8be1cf83-fde1-477f-a4ad-318d23c9f3c6", "CSV", "airbyte/destination-csv", "1.0.0")
            .replace("connectorType: source", "connectorType: destination"));

    Run run = run(Map.of(), "connectors", "import", downloads.toString(), "--catalog", catalog.toString());

    assertThat(run.exit).as(run.toString()).isEqualTo(1);
    assertThat(run.out).contains("imported source-good: Good 2.0.0").doesNotContain("imported source-broken");
    assertThat(run.err).contains("refused source-broken: manifest.yaml:", "#/nowhere")
        .contains("refused source-copycat: its definition id " + ITEMS_ID + " is Items (source-items)'s")
        .contains("refused source-faker: its definition id " + FAKER_ID, "(built in)")
        .contains("refused destination-csv: a destination connector");
    try (var imported = Files.list(catalog)) {
      assertThat(imported).extracting(path -> path.getFileName().toString())
          .containsExactlyInAnyOrder("source-items", "source-good");
    }
  }

  @Test
  void importOfWhatHoldsNoConnectorIsAnError() throws IOException {
    Files.createDirectories(directory.resolve("empty"));

    Run run = run(Map.of(), "connectors", "import", directory.resolve("empty").toString(), "--catalog",
        directory.resolve("catalog").toString());

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.err).contains("is no connector folder and holds none");
  }

  private static String row(Run run, String folder) {
    return run.out.lines().filter(line -> line.startsWith(folder + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no row for " + folder + " in " + run));
  }

  private static Path connector(Path catalog, String name, String metadata, String manifest) throws IOException {
    Path folder = Files.createDirectories(catalog.resolve(name));
    Files.writeString(folder.resolve("metadata.yaml"), metadata);
    Files.writeString(folder.resolve("manifest.yaml"), manifest);
    return folder;
  }

  private static String metadata(String definitionId, String name, String repository, String tag) {
    return """
        data:
          connectorType: source
          connectorSubtype: api
          definitionId: %s
          dockerImageTag: %s
          dockerRepository: %s
          name: %s
          releaseStage: alpha
          supportLevel: community
        """.formatted(definitionId, tag, repository, name);
  }

  /** A manifest of one stream read from a URL its configuration gives. */
  private static String manifest(String stream) {
    return """
        version: 6.33.0
        type: DeclarativeSource
        check: {type: CheckStream, stream_names: [%1$s]}
        streams:
          - type: DeclarativeStream
            name: %1$s
            retriever:
              type: SimpleRetriever
              requester: {type: HttpRequester, url_base: "{{ config['url'] }}", path: /%1$s}
              record_selector:
                type: RecordSelector
                extractor: {type: DpathExtractor, field_path: []}
            schema_loader: {type: InlineSchemaLoader, schema: {type: object, properties: {}}}
        spec:
          type: Spec
          connection_specification: {type: object, properties: {url: {type: string}}}
        """.formatted(stream);
  }

  private static Run run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new GaleCommand());
    // The commands read this environment instead of the process's own.
    for (String command : new String[] {"list", "import"}) {
      Object subcommand = commandLine.getSubcommands().get("connectors").getSubcommands().get(command).getCommand();
      if (subcommand instanceof ConnectorsListCommand list) {
        list.location.environment = environment;
      } else if (subcommand instanceof ConnectorsImportCommand importing) {
        importing.location.environment = environment;
      }
    }
    int exit = commandLine.setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private record Run(int exit, String out, String err) {}
}
