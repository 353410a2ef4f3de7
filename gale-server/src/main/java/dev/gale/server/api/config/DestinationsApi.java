package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.ActorBodies.DestinationCloneRequestBody;
import dev.gale.server.api.model.ActorBodies.DestinationCreate;
import dev.gale.server.api.model.ActorBodies.DestinationIdRequestBody;
import dev.gale.server.api.model.ActorBodies.DestinationRead;
import dev.gale.server.api.model.ActorBodies.DestinationReadList;
import dev.gale.server.api.model.ActorBodies.DestinationSearch;
import dev.gale.server.api.model.ActorBodies.DestinationUpdate;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceIdRequestBody;
import dev.gale.server.domain.ActorType;
import dev.gale.server.http.Route;
import dev.gale.server.service.actor.ActorService;
import java.util.List;

/** {@code /api/v1/destinations/*}. */
public final class DestinationsApi implements ApiModule {
  private static final String TAG = "destination";
  private static final ActorType TYPE = ActorType.DESTINATION;

  private final ActorService actors;

  public DestinationsApi(ActorService actors) {
    this.actors = actors;
  }

  @Override
  public List<Route<?, ?>> routes() {
    String p = "/api/v1/destinations/";
    return List.of(
        rpc(p + "create", TAG, "Create a destination", DestinationCreate.class, DestinationRead.class,
            (body, call) -> ActorReads.destination(actors.create(TYPE, body.workspaceId(),
                body.destinationDefinitionId(), body.name(), body.connectionConfiguration()))),
        rpc(p + "update", TAG, "Rename and reconfigure a destination; masked secrets keep their values",
            DestinationUpdate.class, DestinationRead.class, (body, call) -> ActorReads.destination(actors.update(TYPE,
                body.destinationId(), body.name(), body.connectionConfiguration()))),
        rpc(p + "get", TAG, "Get a destination, deleted or not", DestinationIdRequestBody.class, DestinationRead.class,
            (body, call) -> ActorReads.destination(actors.get(TYPE, body.destinationId()))),
        rpc(p + "list", TAG, "List the destinations of a workspace", WorkspaceIdRequestBody.class,
            DestinationReadList.class, (body, call) -> ActorReads.destinations(actors.list(TYPE, body.workspaceId()))),
        rpc(p + "search", TAG, "Find the destinations matching every property given", DestinationSearch.class,
            DestinationReadList.class, (body, call) -> ActorReads.destinations(actors.search(TYPE,
                new ActorService.Criteria(body.destinationId(), body.workspaceId(), body.destinationDefinitionId(),
                    body.name(), body.destinationName(), body.connectionConfiguration())))),
        rpc(p + "clone", TAG, "Copy a destination, optionally renamed and reconfigured", DestinationCloneRequestBody.class,
            DestinationRead.class, (body, call) -> ActorReads.destination(actors.clone(TYPE, body.destinationCloneId(),
                body.destinationConfiguration().name(), body.destinationConfiguration().connectionConfiguration()))),
        rpc(p + "delete", TAG, "Delete a destination and deprecate its connections", DestinationIdRequestBody.class,
            Void.class, (body, call) -> {
              actors.delete(TYPE, body.destinationId());
              return null;
            }));
  }
}
