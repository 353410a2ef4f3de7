package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.DefinitionBodies.CustomSourceDefinitionCreate;
import dev.gale.server.api.model.DefinitionBodies.PrivateSourceDefinitionRead;
import dev.gale.server.api.model.DefinitionBodies.PrivateSourceDefinitionReadList;
import dev.gale.server.api.model.DefinitionBodies.SourceDefinitionIdRequestBody;
import dev.gale.server.api.model.DefinitionBodies.SourceDefinitionIdWithWorkspaceId;
import dev.gale.server.api.model.DefinitionBodies.SourceDefinitionRead;
import dev.gale.server.api.model.DefinitionBodies.SourceDefinitionReadList;
import dev.gale.server.api.model.DefinitionBodies.SourceDefinitionSpecificationRead;
import dev.gale.server.api.model.DefinitionBodies.SourceDefinitionUpdate;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceIdRequestBody;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.http.Route;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.workspace.WorkspaceService;
import java.time.Clock;
import java.util.List;

/** {@code /api/v1/source_definitions/*} and {@code /api/v1/source_definition_specifications/get}. */
public final class SourceDefinitionsApi implements ApiModule {
  private static final String TAG = "source_definition";
  private static final ActorType TYPE = ActorType.SOURCE;

  private final DefinitionService definitions;
  private final WorkspaceService workspaces;
  private final Clock clock;

  public SourceDefinitionsApi(DefinitionService definitions, WorkspaceService workspaces, Clock clock) {
    this.definitions = definitions;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  @Override
  public List<Route<?, ?>> routes() {
    String p = "/api/v1/source_definitions/";
    return List.of(
        rpc(p + "list", TAG, "List source definitions", null, SourceDefinitionReadList.class,
            (body, call) -> list(definitions.list(TYPE))),
        rpc(p + "list_latest", TAG, "List the source definitions this Gale ships", null, SourceDefinitionReadList.class,
            (body, call) -> list(definitions.listBuiltIn(TYPE))),
        rpc(p + "list_for_workspace", TAG, "List the source definitions a workspace may use", WorkspaceIdRequestBody.class,
            SourceDefinitionReadList.class,
            (body, call) -> list(definitions.listForWorkspace(TYPE, workspaces.live(body.workspaceId()).id()))),
        rpc(p + "list_private", TAG, "List private source definitions and whether the workspace has them",
            WorkspaceIdRequestBody.class, PrivateSourceDefinitionReadList.class,
            (body, call) -> new PrivateSourceDefinitionReadList(definitions.listPrivate(TYPE, workspaces.live(body.workspaceId()).id())
                .stream().map(g -> new PrivateSourceDefinitionRead(DefinitionReads.source(g.definition()), g.granted())).toList())),
        rpc(p + "get", TAG, "Get a source definition", SourceDefinitionIdRequestBody.class, SourceDefinitionRead.class,
            (body, call) -> DefinitionReads.source(definitions.live(TYPE, body.sourceDefinitionId()))),
        rpc(p + "get_for_workspace", TAG, "Get a source definition a workspace may use", SourceDefinitionIdWithWorkspaceId.class,
            SourceDefinitionRead.class, (body, call) -> DefinitionReads.source(definitions.liveForWorkspace(TYPE,
                body.sourceDefinitionId(), workspaces.live(body.workspaceId()).id()))),
        rpc(p + "create_custom", TAG, "Add a custom source definition to a workspace", CustomSourceDefinitionCreate.class,
            SourceDefinitionRead.class, (body, call) -> DefinitionReads.source(definitions.createCustom(TYPE,
                workspaces.live(Scopes.workspaceId(body.workspaceId(), body.scopeId(), body.scopeType())).id(),
                DefinitionReads.custom(body.sourceDefinition()), "sourceDefinition"))),
        rpc(p + "update", TAG, "Update a source definition", SourceDefinitionUpdate.class, SourceDefinitionRead.class,
            (body, call) -> DefinitionReads.source(definitions.update(TYPE, body.sourceDefinitionId(), body.dockerImageTag(),
                body.resourceRequirements()))),
        rpc(p + "delete", TAG, "Delete a source definition", SourceDefinitionIdRequestBody.class, Void.class,
            (body, call) -> {
              definitions.delete(TYPE, body.sourceDefinitionId());
              return null;
            }),
        rpc(p + "grant_definition", TAG, "Let a workspace use a private source definition", SourceDefinitionIdWithWorkspaceId.class,
            PrivateSourceDefinitionRead.class, (body, call) -> {
              definitions.grant(TYPE, body.sourceDefinitionId(), workspaces.live(body.workspaceId()).id());
              return new PrivateSourceDefinitionRead(DefinitionReads.source(definitions.live(TYPE, body.sourceDefinitionId())), true);
            }),
        rpc(p + "revoke_definition", TAG, "Take a private source definition away from a workspace",
            SourceDefinitionIdWithWorkspaceId.class, Void.class, (body, call) -> {
              definitions.revoke(TYPE, body.sourceDefinitionId(), workspaces.live(body.workspaceId()).id());
              return null;
            }),
        rpc("/api/v1/source_definition_specifications/get", "source_definition_specification",
            "Get the configuration specification of a source definition", SourceDefinitionIdWithWorkspaceId.class,
            SourceDefinitionSpecificationRead.class, (body, call) -> {
              DefinitionWithVersion definition = definitions.liveForWorkspace(TYPE, body.sourceDefinitionId(),
                  workspaces.live(body.workspaceId()).id());
              return DefinitionReads.sourceSpec(definition, definitions.spec(definition), clock);
            }));
  }

  private static SourceDefinitionReadList list(List<DefinitionWithVersion> definitions) {
    return new SourceDefinitionReadList(definitions.stream().map(DefinitionReads::source).toList());
  }
}
