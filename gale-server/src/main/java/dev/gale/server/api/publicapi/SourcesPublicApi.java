package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicRoutes.delete;
import static dev.gale.server.api.publicapi.PublicRoutes.get;
import static dev.gale.server.api.publicapi.PublicRoutes.patch;
import static dev.gale.server.api.publicapi.PublicRoutes.post;
import static dev.gale.server.api.publicapi.PublicRoutes.put;
import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.publicapi.model.SourceResources.SourceCreateRequest;
import dev.gale.server.api.publicapi.model.SourceResources.SourcePatchRequest;
import dev.gale.server.api.publicapi.model.SourceResources.SourcePutRequest;
import dev.gale.server.api.publicapi.model.SourceResources.SourceResponse;
import dev.gale.server.api.publicapi.model.SourceResources.SourcesResponse;
import dev.gale.server.domain.ActorType;
import dev.gale.server.http.Call;
import dev.gale.server.http.QueryParameter;
import dev.gale.server.http.Route;
import dev.gale.server.service.actor.ActorService;
import java.util.List;
import java.util.UUID;

/** The Public API's sources, mapped onto {@link ActorService}. */
public final class SourcesPublicApi implements ApiModule {
  private static final String TAG = "public_sources";
  private static final ActorType TYPE = ActorType.SOURCE;
  /** Where the Public API carries a configuration, for the paths of input errors. */
  private static final String CONFIGURATION = "configuration";

  private final ActorService actors;

  public SourcesPublicApi(ActorService actors) {
    this.actors = requireNonNull(actors, "actors is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(
        get("/sources", TAG, "List sources", SourcesResponse.class, (body, call) -> {
          PageRequest page = PageRequest.of(call);
          return SourcesResponse.of(page.fromOverfetched(actors.list(TYPE, call.queryUuids("workspaceIds"),
              call.queryBoolean("includeDeleted", false), page.overfetchLimit(), page.offset()), call));
        }).withQuery(PageRequest.PARAMETERS).withQuery(QueryParameter.uuids("workspaceIds"),
            QueryParameter.bool("includeDeleted")),
        post("/sources", TAG, "Create a source", SourceCreateRequest.class, SourceResponse.class,
            (body, call) -> SourceResponse.of(actors.create(TYPE, body.workspaceId(), body.definitionId(), body.name(),
                body.configuration(), CONFIGURATION))),
        get("/sources/{sourceId}", TAG, "Get a source", SourceResponse.class,
            (body, call) -> SourceResponse.of(actors.getLive(TYPE, sourceId(call)))),
        patch("/sources/{sourceId}", TAG, "Rename a source or merge changes into its configuration",
            SourcePatchRequest.class, SourceResponse.class,
            (body, call) -> SourceResponse.of(actors.patch(TYPE, sourceId(call), body.workspaceId(), body.name(),
                body.configuration(), CONFIGURATION))),
        put("/sources/{sourceId}", TAG, "Replace a source's name and configuration", SourcePutRequest.class,
            SourceResponse.class, (body, call) -> SourceResponse.of(actors.update(TYPE, sourceId(call), body.name(),
                body.configuration(), CONFIGURATION))),
        delete("/sources/{sourceId}", TAG, "Delete a source and deprecate its connections", (body, call) -> {
          actors.delete(TYPE, sourceId(call));
          return null;
        }));
  }

  private static UUID sourceId(Call call) {
    return PublicRoutes.pathId(call, "sourceId", "source");
  }
}
