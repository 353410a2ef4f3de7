package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.DefinitionBodies.CustomDestinationDefinitionCreate;
import dev.gale.server.api.model.DefinitionBodies.PrivateDestinationDefinitionRead;
import dev.gale.server.api.model.DefinitionBodies.PrivateDestinationDefinitionReadList;
import dev.gale.server.api.model.DefinitionBodies.DestinationDefinitionIdRequestBody;
import dev.gale.server.api.model.DefinitionBodies.DestinationDefinitionIdWithWorkspaceId;
import dev.gale.server.api.model.DefinitionBodies.DestinationDefinitionRead;
import dev.gale.server.api.model.DefinitionBodies.DestinationDefinitionReadList;
import dev.gale.server.api.model.DefinitionBodies.DestinationDefinitionSpecificationRead;
import dev.gale.server.api.model.DefinitionBodies.DestinationDefinitionUpdate;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceIdRequestBody;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.http.Route;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.workspace.WorkspaceService;
import java.time.Clock;
import java.util.List;

/** {@code /api/v1/destination_definitions/*} and {@code /api/v1/destination_definition_specifications/get}. */
public final class DestinationDefinitionsApi implements ApiModule {
  private static final String TAG = "destination_definition";
  private static final ActorType TYPE = ActorType.DESTINATION;

  private final DefinitionService definitions;
  private final WorkspaceService workspaces;
  private final Clock clock;

  public DestinationDefinitionsApi(DefinitionService definitions, WorkspaceService workspaces, Clock clock) {
    this.definitions = definitions;
    this.workspaces = workspaces;
    this.clock = clock;
  }

  @Override
  public List<Route<?, ?>> routes() {
    String p = "/api/v1/destination_definitions/";
    return List.of(
        rpc(p + "list", TAG, "List destination definitions", null, DestinationDefinitionReadList.class,
            (body, call) -> list(definitions.list(TYPE))),
        rpc(p + "list_latest", TAG, "List the destination definitions this Gale ships", null, DestinationDefinitionReadList.class,
            (body, call) -> list(definitions.listBuiltIn(TYPE))),
        rpc(p + "list_for_workspace", TAG, "List the destination definitions a workspace may use", WorkspaceIdRequestBody.class,
            DestinationDefinitionReadList.class,
            (body, call) -> list(definitions.listForWorkspace(TYPE, workspaces.live(body.workspaceId()).id()))),
        rpc(p + "list_private", TAG, "List private destination definitions and whether the workspace has them",
            WorkspaceIdRequestBody.class, PrivateDestinationDefinitionReadList.class,
            (body, call) -> new PrivateDestinationDefinitionReadList(definitions.listPrivate(TYPE, workspaces.live(body.workspaceId()).id())
                .stream().map(g -> new PrivateDestinationDefinitionRead(DefinitionReads.destination(g.definition()), g.granted())).toList())),
        rpc(p + "get", TAG, "Get a destination definition", DestinationDefinitionIdRequestBody.class, DestinationDefinitionRead.class,
            (body, call) -> DefinitionReads.destination(definitions.live(TYPE, body.destinationDefinitionId()))),
        rpc(p + "get_for_workspace", TAG, "Get a destination definition a workspace may use", DestinationDefinitionIdWithWorkspaceId.class,
            DestinationDefinitionRead.class, (body, call) -> DefinitionReads.destination(definitions.liveForWorkspace(TYPE,
                body.destinationDefinitionId(), workspaces.live(body.workspaceId()).id()))),
        rpc(p + "create_custom", TAG, "Add a custom destination definition to a workspace", CustomDestinationDefinitionCreate.class,
            DestinationDefinitionRead.class, (body, call) -> DefinitionReads.destination(definitions.createCustom(TYPE,
                workspaces.live(Scopes.workspaceId(body.workspaceId(), body.scopeId(), body.scopeType())).id(),
                DefinitionReads.custom(body.destinationDefinition()), "destinationDefinition"))),
        rpc(p + "update", TAG, "Update a destination definition", DestinationDefinitionUpdate.class, DestinationDefinitionRead.class,
            (body, call) -> DefinitionReads.destination(definitions.update(TYPE, body.destinationDefinitionId(), body.dockerImageTag(),
                body.resourceRequirements()))),
        rpc(p + "delete", TAG, "Delete a destination definition", DestinationDefinitionIdRequestBody.class, Void.class,
            (body, call) -> {
              definitions.delete(TYPE, body.destinationDefinitionId());
              return null;
            }),
        rpc(p + "grant_definition", TAG, "Let a workspace use a private destination definition", DestinationDefinitionIdWithWorkspaceId.class,
            PrivateDestinationDefinitionRead.class, (body, call) -> {
              definitions.grant(TYPE, body.destinationDefinitionId(), workspaces.live(body.workspaceId()).id());
              return new PrivateDestinationDefinitionRead(DefinitionReads.destination(definitions.live(TYPE, body.destinationDefinitionId())), true);
            }),
        rpc(p + "revoke_definition", TAG, "Take a private destination definition away from a workspace",
            DestinationDefinitionIdWithWorkspaceId.class, Void.class, (body, call) -> {
              definitions.revoke(TYPE, body.destinationDefinitionId(), workspaces.live(body.workspaceId()).id());
              return null;
            }),
        rpc("/api/v1/destination_definition_specifications/get", "destination_definition_specification",
            "Get the configuration specification of a destination definition", DestinationDefinitionIdWithWorkspaceId.class,
            DestinationDefinitionSpecificationRead.class, (body, call) -> {
              DefinitionWithVersion definition = definitions.liveForWorkspace(TYPE, body.destinationDefinitionId(),
                  workspaces.live(body.workspaceId()).id());
              return DefinitionReads.destinationSpec(definition, definitions.spec(definition), clock);
            }));
  }

  private static DestinationDefinitionReadList list(List<DefinitionWithVersion> definitions) {
    return new DestinationDefinitionReadList(definitions.stream().map(DefinitionReads::destination).toList());
  }
}
