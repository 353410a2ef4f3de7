package dev.gale.server.service.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Connector;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.external.ExternalSource;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.Json;
import dev.gale.server.catalog.CatalogEntry;
import dev.gale.server.catalog.ManifestLoader;
import dev.gale.server.domain.ActorDefinition;
import dev.gale.server.domain.ActorDefinitionVersion;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.DeclarativeManifest;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.domain.ReleaseStage;
import dev.gale.server.domain.SourceType;
import dev.gale.server.domain.SupportLevel;
import dev.gale.server.store.DeclarativeSourceRepository;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestManifests;
import dev.gale.server.testing.TestPrograms;
import dev.gale.server.testing.TestingStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What runs a definition: built-ins first, then the catalog's sources, stored manifests, and shipped images. */
class ConnectorCatalogIT {
  private static final ManifestLoader LOADER = new ManifestLoader();
  private static final UUID CATALOG_ID = UUID.fromString("0b4f6f57-6a1d-4d4e-9f7a-3c1b7b2f0e11");

  private final TestDatabase db = new TestDatabase(TestDatabase.Kind.H2);
  private final DeclarativeSourceRepository declaratives = new DeclarativeSourceRepository(db.database());
  private final ConnectorRegistry builtIns = ConnectorRegistry.builtIns();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void builtInsAndTheCatalogsSourcesRunByIdAndTheirImagesRunCustomDefinitions() {
    DeclarativeSource items = catalogSource(CATALOG_ID, "airbyte/source-gale-items");
    DeclarativeSource fakerLookalike = catalogSource(SampleDataSource.DEFINITION_ID, "airbyte/source-lookalike");
    ConnectorCatalog catalog = catalog(items, fakerLookalike);

    Connector faker = builtIns.find(SampleDataSource.DEFINITION_ID).orElseThrow();
    assertThat(catalog.resolve(definition(SampleDataSource.DEFINITION_ID, "airbyte/source-faker", "6.2.0")).connector())
        .as("the built-in keeps its id").isSameAs(faker);
    assertThat(catalog.shipped()).contains(items).doesNotContain(fakerLookalike);
    assertThat(catalog.resolve(definition(CATALOG_ID, "airbyte/source-gale-items", "1.0.0")).connector()).isSameAs(items);
    assertThat(catalog.resolve(definition(UUID.randomUUID(), "airbyte/source-gale-items", "custom")).connector())
        .as("a custom definition of the catalog's image").isSameAs(items);
    ConnectorCatalog.Resolution none = catalog.resolve(definition(UUID.randomUUID(), "airbyte/source-elsewhere", "1"));
    assertThat(none.found()).isEmpty();
    assertThat(none.problem()).contains("No connector of this Gale runs", "airbyte/source-elsewhere");
  }

  @Test
  void aCustomDefinitionOfAnImageNotShippedRunsItsProgramWithTheStoredSpecOncePerVersion(@TempDir Path bin)
      throws Exception {
    // The program refuses spec: the connector must come from the stored one, not from running spec again.
    TestPrograms.script(bin, "source-tiny", "exit 7");
    ConnectorCatalog catalog = new ConnectorCatalog(builtIns, List.of(), declaratives, LOADER, TestPrograms.onPath(bin),
        Path.of("catalog"));
    JsonNode spec = Json.parse("{\"connectionSpecification\":{\"type\":\"object\",\"properties\":{}}}");
    DefinitionWithVersion first = custom(UUID.randomUUID(), "someone/source-tiny", "1.0", spec);

    Connector connector = catalog.resolve(first).connector();
    assertThat(connector).isInstanceOf(ExternalSource.class);
    assertThat(connector.spec()).isEqualTo(Json.convert(spec, ConnectorSpecification.class));
    assertThat(connector.descriptor().dockerImageTag()).isEqualTo("1.0");
    assertThat(catalog.resolve(first).connector()).as("cached").isSameAs(connector);
    DefinitionWithVersion second = custom(first.definition().id(), "someone/source-tiny", "2.0", spec);
    assertThat(catalog.resolve(second).connector()).isNotSameAs(connector);

    ConnectorCatalog.Resolution none = catalog.resolve(custom(UUID.randomUUID(), "someone/source-gone", "1.0", spec));
    assertThat(none.found()).isEmpty();
    assertThat(none.problem()).contains("someone/source-gone:1.0", "no executable source-gone is on the PATH",
        "airbyte/source-faker", "connector catalog folder catalog", "GALE_CONNECTOR_COMMANDS");
  }

  @Test
  void aStoredManifestIsLoadedOncePerVersionAndTheActiveVersionRuns() {
    ConnectorCatalog catalog = catalog();
    ActorDefinition definition = storedDefinition();
    declaratives.addVersion(version(definition.id(), 2), manifest(definition.id(), 2, TestManifests.items("/v2/items", "v2")), false);

    Connector first = catalog.resolve(atVersion(definition, 1)).connector();
    assertThat(catalog.resolve(atVersion(definition, 1)).connector()).as("cached").isSameAs(first);
    Connector second = catalog.resolve(atVersion(definition, 2)).connector();
    assertThat(second).isNotSameAs(first);
    assertThat(second.descriptor().dockerImageTag()).isEqualTo("2");
    assertThat(catalog.resolve(atVersion(definition, 2)).connector()).isSameAs(second);

    ConnectorCatalog.Resolution missing = catalog.resolve(atVersion(definition, 3));
    assertThat(missing.problem()).contains("has no manifest version 3");
  }

  @Test
  void aStoredManifestThatDoesNotLoadSaysWhere() {
    ConnectorCatalog catalog = catalog();
    ActorDefinition definition = storedDefinition();
    JsonNode broken = TestManifests.parse(TestManifests.yaml("/items", "v2", "").replace("PageIncrement,", "PageIncrements,"));
    declaratives.addVersion(version(definition.id(), 2), manifest(definition.id(), 2, broken), true);

    ConnectorCatalog.Resolution resolution = catalog.resolve(atVersion(definition, 2));

    assertThat(resolution.found()).isEmpty();
    assertThat(resolution.problem()).contains("(version 2) cannot run",
        "streams[0].retriever.paginator.pagination_strategy: unknown component type 'PageIncrements'");
  }

  private ConnectorCatalog catalog(DeclarativeSource... catalogSources) {
    List<CatalogEntry.Loaded> entries = Arrays.stream(catalogSources)
        .map(source -> new CatalogEntry.Loaded(Path.of("catalog", source.descriptor().name()), source)).toList();
    return new ConnectorCatalog(builtIns, entries, declaratives, LOADER, TestPrograms.none(), Path.of("catalog"));
  }

  private static DeclarativeSource catalogSource(UUID id, String repository) {
    return LOADER.load(new ConnectorDescriptor(id, ConnectorDescriptor.Kind.SOURCE, repository, repository, "1.0.0", "",
        null, ConnectorDescriptor.ReleaseStage.ALPHA, ConnectorDescriptor.SupportLevel.COMMUNITY,
        ConnectorDescriptor.SourceType.API), TestManifests.items("/items", "catalog"));
  }

  private ActorDefinition storedDefinition() {
    TestingStore store = new TestingStore(db.database());
    ActorDefinition definition = new ActorDefinition(UUID.randomUUID(), ActorType.SOURCE, "Stored", null,
        SourceType.CUSTOM, true, false, false, null, null, now(), now());
    declaratives.insert(definition, version(definition.id(), 1),
        manifest(definition.id(), 1, TestManifests.items("/items", "v1")), store.newWorkspace("catalog").id());
    return definition;
  }

  private DefinitionWithVersion atVersion(ActorDefinition definition, long manifestVersion) {
    return new DefinitionWithVersion(definition, version(definition.id(), manifestVersion));
  }

  private static DefinitionWithVersion definition(UUID id, String repository, String tag) {
    ActorDefinition definition = new ActorDefinition(id, ActorType.SOURCE, repository, null, SourceType.API, false,
        true, false, null, null, Instant.now(), Instant.now());
    return new DefinitionWithVersion(definition, new ActorDefinitionVersion(UUID.randomUUID(), id, repository, tag,
        null, Json.object(), "0.2.0", ReleaseStage.ALPHA, null, SupportLevel.COMMUNITY, Instant.now()));
  }

  private static DefinitionWithVersion custom(UUID id, String repository, String tag, JsonNode spec) {
    ActorDefinition definition = new ActorDefinition(id, ActorType.SOURCE, repository, null, SourceType.CUSTOM, true,
        false, false, null, null, Instant.now(), Instant.now());
    return new DefinitionWithVersion(definition, new ActorDefinitionVersion(DefinitionService.versionId(id, tag), id,
        repository, tag, null, spec, "0.2.0", ReleaseStage.CUSTOM, null, SupportLevel.NONE, Instant.now()));
  }

  private ActorDefinitionVersion version(UUID definitionId, long manifestVersion) {
    return new ActorDefinitionVersion(DefinitionService.versionId(definitionId, String.valueOf(manifestVersion)),
        definitionId, DeclarativeManifests.DOCKER_REPOSITORY, String.valueOf(manifestVersion), null, Json.object(),
        "0.2.0", ReleaseStage.CUSTOM, null, SupportLevel.NONE, now());
  }

  private DeclarativeManifest manifest(UUID definitionId, long version, JsonNode manifest) {
    return new DeclarativeManifest(definitionId, version, manifest, now());
  }

  private Instant now() {
    return db.database().now();
  }
}
