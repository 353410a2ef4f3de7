package dev.gale.server.store;

import static dev.gale.server.testing.StoreSamples.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.domain.Actor;
import dev.gale.server.domain.ActorCatalog;
import dev.gale.server.domain.ActorCatalogFetchEvent;
import dev.gale.server.domain.ActorType;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class CatalogRepositoryIT {
  @Parameter
  TestDatabase db;

  TestingStore store;
  CatalogRepository catalogs;
  Actor source;

  @BeforeEach
  void setUp() {
    store = new TestingStore(db.database());
    catalogs = store.catalogs;
    var workspace = store.newWorkspace("Catalogs");
    source = store.newActor(workspace.id(), store.newDefinition(ActorType.SOURCE, "discoverable"), "source");
  }

  @Test
  void contentHashIgnoresKeyOrderButNotContent() {
    JsonNode one = json("{\"a\":1,\"b\":{\"x\":[1,{\"p\":true,\"q\":null}],\"y\":\"s\"}}");
    JsonNode reordered = json("{\"b\":{\"y\":\"s\",\"x\":[1,{\"q\":null,\"p\":true}]},\"a\":1}");
    JsonNode arrayReordered = json("{\"a\":1,\"b\":{\"x\":[{\"p\":true,\"q\":null},1],\"y\":\"s\"}}");

    assertThat(CatalogRepository.contentHash(one)).isEqualTo(CatalogRepository.contentHash(reordered)).hasSize(64);
    assertThat(CatalogRepository.contentHash(one)).isNotEqualTo(CatalogRepository.contentHash(arrayReordered));
  }

  @Test
  void storedCatalogReadsBackAndEqualContentIsStoredOnce() {
    JsonNode catalog = catalog("once");

    ActorCatalog stored = catalogs.store(catalog);
    ActorCatalog again = catalogs.store(json(catalog.toString()));

    assertThat(again).isEqualTo(stored);
    assertThat(stored.catalogHash()).isEqualTo(CatalogRepository.contentHash(catalog));
    assertThat(catalogs.find(stored.id())).contains(stored);
    assertThat(catalogs.store(catalog("other")).id()).isNotEqualTo(stored.id());
    assertThat(catalogs.find(UUID.randomUUID())).isEmpty();
  }

  @Test
  void concurrentStoresOfOneNewCatalogAgreeOnOneRow() throws Exception {
    JsonNode catalog = catalog("raced");
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Callable<ActorCatalog>> stores = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        stores.add(() -> catalogs.store(catalog));
      }
      List<UUID> ids = new ArrayList<>();
      for (Future<ActorCatalog> result : threads.invokeAll(stores)) {
        ids.add(result.get().id());
      }
      assertThat(ids).hasSize(4).containsOnly(ids.getFirst());
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void latestCatalogFollowsTheMostRecentFetch() {
    ActorCatalog first = catalogs.store(catalog("first"));
    ActorCatalog second = catalogs.store(catalog("second"));

    assertThat(catalogs.findLatest(source.id())).isEmpty();
    assertThat(catalogs.findLatestFetch(source.id())).isEmpty();

    catalogs.recordFetch(source.id(), first.id(), "config-a", "1.0.0");
    ActorCatalogFetchEvent latest = catalogs.recordFetch(source.id(), second.id(), "config-b", "1.0.0");

    assertThat(catalogs.findLatest(source.id())).contains(second);
    assertThat(catalogs.findLatestFetch(source.id())).contains(latest);
    assertThat(latest.actorId()).isEqualTo(source.id());
    assertThat(latest.actorCatalogId()).isEqualTo(second.id());
    assertThat(latest.configHash()).isEqualTo("config-b");
    assertThat(latest.connectorVersion()).isEqualTo("1.0.0");
  }

  @Test
  void cacheLookupNeedsTheSameConfigHashAndConnectorVersion() {
    ActorCatalog withA = catalogs.store(catalog("with config a"));
    ActorCatalog withB = catalogs.store(catalog("with config b"));
    ActorCatalog newerA = catalogs.store(catalog("with config a, later"));
    catalogs.recordFetch(source.id(), withA.id(), "config-a", "1.0.0");
    catalogs.recordFetch(source.id(), withB.id(), "config-b", "1.0.0");

    assertThat(catalogs.findLatest(source.id(), "config-a", "1.0.0")).contains(withA);
    assertThat(catalogs.findLatest(source.id(), "config-b", "1.0.0")).contains(withB);
    assertThat(catalogs.findLatest(source.id(), "config-a", "2.0.0")).isEmpty();
    assertThat(catalogs.findLatest(source.id(), "config-c", "1.0.0")).isEmpty();
    assertThat(catalogs.findLatest(UUID.randomUUID(), "config-a", "1.0.0")).isEmpty();

    catalogs.recordFetch(source.id(), newerA.id(), "config-a", "1.0.0");
    assertThat(catalogs.findLatest(source.id(), "config-a", "1.0.0")).contains(newerA);
  }

  private static JsonNode catalog(String streamName) {
    return json("{\"streams\":[{\"name\":\"" + streamName + "\",\"json_schema\":{\"type\":\"object\"},"
        + "\"supported_sync_modes\":[\"full_refresh\",\"incremental\"]}]}");
  }
}
