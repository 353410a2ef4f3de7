package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicRoutes.delete;
import static dev.gale.server.api.publicapi.PublicRoutes.get;
import static dev.gale.server.api.publicapi.PublicRoutes.patch;
import static dev.gale.server.api.publicapi.PublicRoutes.post;
import static dev.gale.server.api.publicapi.PublicRoutes.put;
import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.publicapi.model.DestinationResources.DestinationCreateRequest;
import dev.gale.server.api.publicapi.model.DestinationResources.DestinationPatchRequest;
import dev.gale.server.api.publicapi.model.DestinationResources.DestinationPutRequest;
import dev.gale.server.api.publicapi.model.DestinationResources.DestinationResponse;
import dev.gale.server.api.publicapi.model.DestinationResources.DestinationsResponse;
import dev.gale.server.domain.ActorType;
import dev.gale.server.http.Call;
import dev.gale.server.http.QueryParameter;
import dev.gale.server.http.Route;
import dev.gale.server.service.actor.ActorService;
import java.util.List;
import java.util.UUID;

/** The Public API's destinations, mapped onto {@link ActorService}. */
public final class DestinationsPublicApi implements ApiModule {
  private static final String TAG = "public_destinations";
  private static final ActorType TYPE = ActorType.DESTINATION;
  /** Where the Public API carries a configuration, for the paths of input errors. */
  private static final String CONFIGURATION = "configuration";

  private final ActorService actors;

  public DestinationsPublicApi(ActorService actors) {
    this.actors = requireNonNull(actors, "actors is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(
        get("/destinations", TAG, "List destinations", DestinationsResponse.class, (body, call) -> {
          PageRequest page = PageRequest.of(call);
          return DestinationsResponse.of(page.fromOverfetched(actors.list(TYPE, call.queryUuids("workspaceIds"),
              call.queryBoolean("includeDeleted", false), page.overfetchLimit(), page.offset()), call));
        }).withQuery(PageRequest.PARAMETERS).withQuery(QueryParameter.uuids("workspaceIds"),
            QueryParameter.bool("includeDeleted")),
        post("/destinations", TAG, "Create a destination", DestinationCreateRequest.class, DestinationResponse.class,
            (body, call) -> DestinationResponse.of(actors.create(TYPE, body.workspaceId(), body.definitionId(), body.name(),
                body.configuration(), CONFIGURATION))),
        get("/destinations/{destinationId}", TAG, "Get a destination", DestinationResponse.class,
            (body, call) -> DestinationResponse.of(actors.getLive(TYPE, destinationId(call)))),
        patch("/destinations/{destinationId}", TAG, "Rename a destination or merge changes into its configuration",
            DestinationPatchRequest.class, DestinationResponse.class,
            (body, call) -> DestinationResponse.of(actors.patch(TYPE, destinationId(call), null, body.name(),
                body.configuration(), CONFIGURATION))),
        put("/destinations/{destinationId}", TAG, "Replace a destination's name and configuration", DestinationPutRequest.class,
            DestinationResponse.class, (body, call) -> DestinationResponse.of(actors.update(TYPE, destinationId(call), body.name(),
                body.configuration(), CONFIGURATION))),
        delete("/destinations/{destinationId}", TAG, "Delete a destination and deprecate its connections", (body, call) -> {
          actors.delete(TYPE, destinationId(call));
          return null;
        }));
  }

  private static UUID destinationId(Call call) {
    return PublicRoutes.pathId(call, "destinationId", "destination");
  }
}
