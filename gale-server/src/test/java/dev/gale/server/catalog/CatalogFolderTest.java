package dev.gale.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorDescriptor.ReleaseStage;
import dev.gale.connector.ConnectorDescriptor.SourceType;
import dev.gale.connector.ConnectorDescriptor.SupportLevel;
import dev.gale.server.testing.TestManifests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connector folders in Airbyte's layout: what loads, and the reason for each folder that does not. */
class CatalogFolderTest {
  private static final ManifestLoader LOADER = new ManifestLoader();
  private static final String ID = "6371b14b-bc68-4236-bfbd-468e8df8e968";
  private static final String MANIFEST = TestManifests.yaml("/items", "catalog", "");

  @TempDir
  Path root;

  @Test
  void aManifestOnlySourceLoadsAsItsMetadataDescribesIt() throws IOException {
    Path folder = connector("source-pokeapi", metadata("""
        connectorSubtype: file
        releaseStage: generally_available
        supportLevel: certified
        icon: pokeapi.svg
        """), MANIFEST);
    Files.writeString(folder.resolve("pokeapi.svg"), "<svg/>");

    CatalogEntry.Loaded loaded = (CatalogEntry.Loaded) CatalogFolder.read(folder, LOADER);

    ConnectorDescriptor descriptor = loaded.source().descriptor();
    assertThat(descriptor.definitionId()).isEqualTo(UUID.fromString(ID));
    assertThat(descriptor.name()).isEqualTo("PokeAPI");
    assertThat(descriptor.dockerRepository()).isEqualTo("airbyte/source-pokeapi");
    assertThat(descriptor.dockerImageTag()).isEqualTo("0.3.10");
    assertThat(descriptor.documentationUrl()).isEqualTo("https://docs.airbyte.com/integrations/sources/pokeapi");
    assertThat(descriptor.releaseStage()).isEqualTo(ReleaseStage.GENERALLY_AVAILABLE);
    assertThat(descriptor.supportLevel()).isEqualTo(SupportLevel.CERTIFIED);
    assertThat(descriptor.sourceType()).isEqualTo(SourceType.FILE);
    assertThat(descriptor.icon()).isEqualTo("<svg/>");
    assertThat(loaded.source().spec().connectionSpecification().at("/properties/api_key/airbyte_secret").asBoolean())
        .isTrue();
  }

  @Test
  void whatTheMetadataLeavesOutHasAirbytesDefaults() throws IOException {
    Path folder = connector("source-plain", """
        data:
          connectorType: source
          definitionId: %s
          dockerImageTag: 1.0.0
          dockerRepository: airbyte/source-plain
          name: Plain
        """.formatted(ID), MANIFEST);

    ConnectorDescriptor descriptor = ((CatalogEntry.Loaded) CatalogFolder.read(folder, LOADER)).source().descriptor();

    assertThat(descriptor.releaseStage()).isEqualTo(ReleaseStage.ALPHA);
    assertThat(descriptor.supportLevel()).isEqualTo(SupportLevel.COMMUNITY);
    assertThat(descriptor.sourceType()).isEqualTo(SourceType.API);
    assertThat(descriptor.documentationUrl()).as("the manifest's").isEqualTo("https://example.com/docs/items");
    assertThat(descriptor.icon()).isNull();
  }

  @Test
  void eachFolderThatDoesNotLoadSaysWhy() throws IOException {
    assertThat(reason(Files.createDirectories(root.resolve("empty")))).startsWith("no metadata.yaml");
    assertThat(reason(connector("bad-yaml", "data: [", MANIFEST))).startsWith("metadata.yaml cannot be read");
    assertThat(reason(connector("no-id", "data:\n  name: X\n", MANIFEST))).contains("data.definitionId is missing");
    assertThat(reason(connector("bad-id", metadata("").replace(ID, "not-a-uuid"), MANIFEST)))
        .contains("'not-a-uuid' is not a UUID");
    assertThat(reason(connector("destination", metadata("").replace("connectorType: source",
        "connectorType: destination"), MANIFEST))).contains("a destination connector");
    Path python = connector("python", metadata(""), MANIFEST);
    Files.delete(python.resolve("manifest.yaml"));
    assertThat(reason(python)).startsWith("no manifest.yaml");
    assertThat(reason(connector("broken", metadata(""), MANIFEST.replace("DpathExtractor", "DpathExtractors"))))
        .startsWith("manifest.yaml: streams[0].retriever.record_selector.extractor")
        .contains("DpathExtractors");
    assertThat(reason(connector("not-yaml", metadata(""), "streams: [")))
        .startsWith("manifest.yaml: the manifest is not valid YAML");
  }

  @Test
  void aCatalogIsItsConnectorFoldersByNameAndNothingWhenItIsMissing() throws IOException {
    connector("source-b", metadata(""), MANIFEST);
    connector("source-a", metadata("").replace(ID, UUID.randomUUID().toString()), MANIFEST);
    Files.createDirectories(root.resolve(".git"));
    Files.writeString(root.resolve("README.md"), "not a connector");

    assertThat(CatalogFolder.scan(root, LOADER)).extracting(entry -> entry.folder().getFileName().toString())
        .containsExactly("source-a", "source-b");
    assertThat(CatalogFolder.scan(root.resolve("missing"), LOADER)).isEmpty();
    assertThat(CatalogFolder.isConnectorFolder(root.resolve("source-a"))).isTrue();
    assertThat(CatalogFolder.isConnectorFolder(root)).isFalse();
  }

  private String reason(Path folder) {
    CatalogEntry entry = CatalogFolder.read(folder, LOADER);
    assertThat(entry).isInstanceOf(CatalogEntry.Refused.class);
    return ((CatalogEntry.Refused) entry).reason();
  }

  private Path connector(String name, String metadata, String manifest) throws IOException {
    Path folder = Files.createDirectories(root.resolve(name));
    Files.writeString(folder.resolve("metadata.yaml"), metadata);
    Files.writeString(folder.resolve("manifest.yaml"), manifest);
    return folder;
  }

  /** PokeAPI's metadata as Airbyte's repository has it, with {@code more} fields under {@code data}. */
  private static String metadata(String more) {
    return """
        data:
          connectorType: source
          definitionId: %s
          dockerImageTag: 0.3.10
          dockerRepository: airbyte/source-pokeapi
          documentationUrl: https://docs.airbyte.com/integrations/sources/pokeapi
          name: PokeAPI
        %s
        """.formatted(ID, more.indent(2));
  }
}
