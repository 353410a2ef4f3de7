package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.ActorBodies.SourceCloneRequestBody;
import dev.gale.server.api.model.ActorBodies.SourceCreate;
import dev.gale.server.api.model.ActorBodies.SourceIdRequestBody;
import dev.gale.server.api.model.ActorBodies.SourceRead;
import dev.gale.server.api.model.ActorBodies.SourceReadList;
import dev.gale.server.api.model.ActorBodies.SourceSearch;
import dev.gale.server.api.model.ActorBodies.SourceUpdate;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceIdRequestBody;
import dev.gale.server.domain.ActorType;
import dev.gale.server.http.Route;
import dev.gale.server.service.actor.ActorService;
import java.util.List;

/** {@code /api/v1/sources/*}. */
public final class SourcesApi implements ApiModule {
  private static final String TAG = "source";
  private static final ActorType TYPE = ActorType.SOURCE;

  private final ActorService actors;

  public SourcesApi(ActorService actors) {
    this.actors = actors;
  }

  @Override
  public List<Route<?, ?>> routes() {
    String p = "/api/v1/sources/";
    return List.of(
        rpc(p + "create", TAG, "Create a source", SourceCreate.class, SourceRead.class,
            (body, call) -> ActorReads.source(actors.create(TYPE, body.workspaceId(), body.sourceDefinitionId(), body.name(),
                body.connectionConfiguration()))),
        rpc(p + "update", TAG, "Rename and reconfigure a source; masked secrets keep their values", SourceUpdate.class,
            SourceRead.class, (body, call) -> ActorReads.source(actors.update(TYPE, body.sourceId(), body.name(),
                body.connectionConfiguration()))),
        rpc(p + "get", TAG, "Get a source, deleted or not", SourceIdRequestBody.class, SourceRead.class,
            (body, call) -> ActorReads.source(actors.get(TYPE, body.sourceId()))),
        rpc(p + "list", TAG, "List the sources of a workspace", WorkspaceIdRequestBody.class, SourceReadList.class,
            (body, call) -> ActorReads.sources(actors.list(TYPE, body.workspaceId()))),
        rpc(p + "search", TAG, "Find the sources matching every property given", SourceSearch.class, SourceReadList.class,
            (body, call) -> ActorReads.sources(actors.search(TYPE, new ActorService.Criteria(body.sourceId(),
                body.workspaceId(), body.sourceDefinitionId(), body.name(), body.sourceName(), body.connectionConfiguration())))),
        rpc(p + "clone", TAG, "Copy a source, optionally renamed and reconfigured", SourceCloneRequestBody.class,
            SourceRead.class, (body, call) -> ActorReads.source(actors.clone(TYPE, body.sourceCloneId(),
                body.sourceConfiguration().name(), body.sourceConfiguration().connectionConfiguration()))),
        rpc(p + "delete", TAG, "Delete a source and deprecate its connections", SourceIdRequestBody.class, Void.class,
            (body, call) -> {
              actors.delete(TYPE, body.sourceId());
              return null;
            }));
  }
}
