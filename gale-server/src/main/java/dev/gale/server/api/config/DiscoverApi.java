package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.ActorBodies.SourceIdRequestBody;
import dev.gale.server.api.model.CheckBodies.SourceCoreConfig;
import dev.gale.server.api.model.DiscoverBodies.ActorCatalogWithUpdatedAt;
import dev.gale.server.api.model.DiscoverBodies.DiscoverCatalogResult;
import dev.gale.server.api.model.DiscoverBodies.SourceDiscoverSchemaRead;
import dev.gale.server.api.model.DiscoverBodies.SourceDiscoverSchemaRequestBody;
import dev.gale.server.api.model.DiscoverBodies.SourceDiscoverSchemaWriteRequestBody;
import dev.gale.server.http.Route;
import dev.gale.server.service.catalog.DiscoverService;
import java.util.List;

/** Schema discovery: {@code sources/discover_schema}, the catalog cache, and {@code scheduler/sources/discover_schema}. */
public final class DiscoverApi implements ApiModule {
  private final DiscoverService discovery;

  public DiscoverApi(DiscoverService discovery) {
    this.discovery = discovery;
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(
        rpc("/api/v1/sources/discover_schema", "source", "Discover the streams of a source (cached per configuration)",
            SourceDiscoverSchemaRequestBody.class, SourceDiscoverSchemaRead.class,
            (body, call) -> DiscoverReads.read(discovery.discover(body.sourceId(), Boolean.TRUE.equals(body.disableCache()), body.connectionId()),
                body.sourceId())),
        rpc("/api/v1/sources/most_recent_source_actor_catalog", "source", "The catalog last discovered for a source",
            SourceIdRequestBody.class, ActorCatalogWithUpdatedAt.class, (body, call) -> discovery.mostRecent(body.sourceId())
                .map(c -> new ActorCatalogWithUpdatedAt(c.createdAt().getEpochSecond(), c.catalog()))
                .orElseGet(() -> new ActorCatalogWithUpdatedAt(null, null))),
        rpc("/api/v1/sources/write_discover_catalog_result", "source", "Store a catalog discovered for a source",
            SourceDiscoverSchemaWriteRequestBody.class, DiscoverCatalogResult.class,
            (body, call) -> new DiscoverCatalogResult(discovery.write(body.catalog(), body.sourceId(), body.connectorVersion(),
                body.configurationHash()))),
        rpc("/api/v1/scheduler/sources/discover_schema", "scheduler", "Discover the streams of a source configuration that is not saved",
            SourceCoreConfig.class, SourceDiscoverSchemaRead.class, (body, call) -> DiscoverReads.read(
                discovery.discoverUnsaved(body.workspaceId(), body.sourceDefinitionId(), body.connectionConfiguration()),
                body.sourceDefinitionId())));
  }
}
