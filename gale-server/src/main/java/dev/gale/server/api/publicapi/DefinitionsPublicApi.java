package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicRoutes.delete;
import static dev.gale.server.api.publicapi.PublicRoutes.get;
import static dev.gale.server.api.publicapi.PublicRoutes.pathId;
import static dev.gale.server.api.publicapi.PublicRoutes.post;
import static dev.gale.server.api.publicapi.PublicRoutes.put;
import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.publicapi.model.DefinitionResources.ConnectorDefinitionResponse;
import dev.gale.server.api.publicapi.model.DefinitionResources.ConnectorDefinitionsResponse;
import dev.gale.server.api.publicapi.model.DefinitionResources.CreateDeclarativeSourceDefinitionRequest;
import dev.gale.server.api.publicapi.model.DefinitionResources.CreateDefinitionRequest;
import dev.gale.server.api.publicapi.model.DefinitionResources.DeclarativeSourceDefinitionResponse;
import dev.gale.server.api.publicapi.model.DefinitionResources.DeclarativeSourceDefinitionsResponse;
import dev.gale.server.api.publicapi.model.DefinitionResources.DefinitionResponse;
import dev.gale.server.api.publicapi.model.DefinitionResources.DefinitionsResponse;
import dev.gale.server.api.publicapi.model.DefinitionResources.UpdateDeclarativeSourceDefinitionRequest;
import dev.gale.server.api.publicapi.model.DefinitionResources.UpdateDefinitionRequest;
import dev.gale.server.domain.ActorType;
import dev.gale.server.http.Call;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.QueryParameter;
import dev.gale.server.http.Route;
import dev.gale.server.service.definition.DeclarativeSourceService;
import dev.gale.server.service.definition.CustomDefinition;
import dev.gale.server.service.definition.DefinitionService;
import dev.gale.server.service.workspace.WorkspaceService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Public API's connector definitions: every definition of a type ({@code /connector_definitions}), and a
 * workspace's source, destination and declarative source definitions ({@code /workspaces/{workspaceId}/definitions}).
 * A workspace lists every definition it may use, and changes only its own custom ones.
 */
public final class DefinitionsPublicApi implements ApiModule {
  private static final String WORKSPACE = "/workspaces/{workspaceId}/definitions";

  private final DefinitionService definitions;
  private final DeclarativeSourceService declaratives;
  private final WorkspaceService workspaces;

  public DefinitionsPublicApi(DefinitionService definitions, DeclarativeSourceService declaratives,
                              WorkspaceService workspaces) {
    this.definitions = requireNonNull(definitions, "definitions is null");
    this.declaratives = requireNonNull(declaratives, "declaratives is null");
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    List<Route<?, ?>> routes = new ArrayList<>();
    routes.add(get("/connector_definitions", "public_connector_definitions", "List connector definitions",
        ConnectorDefinitionsResponse.class, (body, call) -> connectorDefinitions(type(call), call.queryUuid("workspaceId")))
        .withQuery(QueryParameter.oneOf("type", List.of("source", "destination")).mandatory(),
            QueryParameter.uuid("workspaceId")));
    routes.addAll(customRoutes(ActorType.SOURCE, "sources", "public_source_definitions"));
    routes.addAll(customRoutes(ActorType.DESTINATION, "destinations", "public_destination_definitions"));
    routes.addAll(declarativeRoutes());
    return routes;
  }

  private List<Route<?, ?>> customRoutes(ActorType type, String segment, String tag) {
    String label = type == ActorType.SOURCE ? "source" : "destination";
    String list = WORKSPACE + "/" + segment;
    String one = list + "/{definitionId}";
    return List.of(
        get(list, tag, "List the " + label + " definitions a workspace may use", DefinitionsResponse.class,
            (body, call) -> DefinitionsResponse.of(definitions.listForWorkspace(type, workspace(call)))),
        post(list, tag, "Add a custom " + label + " definition to a workspace", CreateDefinitionRequest.class,
            DefinitionResponse.class, (body, call) -> DefinitionResponse.of(definitions.createCustom(type, workspace(call),
                new CustomDefinition(body.name(), body.dockerRepository(), body.dockerImageTag(), body.documentationUrl(),
                    null, null), ""))),
        get(one, tag, "Get a " + label + " definition a workspace may use", DefinitionResponse.class,
            (body, call) -> DefinitionResponse.of(definitions.liveForWorkspace(type, definitionId(call), workspace(call)))),
        put(one, tag, "Rename a workspace's custom " + label + " definition or change its version",
            UpdateDefinitionRequest.class, DefinitionResponse.class, (body, call) -> DefinitionResponse.of(
                definitions.updateOwned(type, definitionId(call), workspace(call), body.name(), body.dockerImageTag()))),
        delete(one, tag, "Delete a workspace's custom " + label + " definition", DefinitionResponse.class,
            (body, call) -> DefinitionResponse.of(definitions.deleteOwned(type, definitionId(call), workspace(call)))));
  }

  private List<Route<?, ?>> declarativeRoutes() {
    String tag = "public_declarative_source_definitions";
    String list = WORKSPACE + "/declarative_sources";
    String one = list + "/{definitionId}";
    return List.of(
        get(list, tag, "List a workspace's declarative source definitions", DeclarativeSourceDefinitionsResponse.class,
            (body, call) -> DeclarativeSourceDefinitionsResponse.of(declaratives.list(workspace(call)))),
        post(list, tag, "Publish a declarative source definition from a manifest",
            CreateDeclarativeSourceDefinitionRequest.class, DeclarativeSourceDefinitionResponse.class,
            (body, call) -> DeclarativeSourceDefinitionResponse.of(declaratives.create(
                sameWorkspace(workspace(call), body.workspaceId()), body.name(), body.manifest()))),
        get(one, tag, "Get a declarative source definition", DeclarativeSourceDefinitionResponse.class,
            (body, call) -> DeclarativeSourceDefinitionResponse.of(declaratives.get(workspace(call), definitionId(call)))),
        put(one, tag, "Store a new version of a declarative source definition's manifest",
            UpdateDeclarativeSourceDefinitionRequest.class, DeclarativeSourceDefinitionResponse.class,
            (body, call) -> DeclarativeSourceDefinitionResponse.of(
                declaratives.update(workspace(call), definitionId(call), body.manifest()))),
        delete(one, tag, "Delete a declarative source definition", DeclarativeSourceDefinitionResponse.class,
            (body, call) -> DeclarativeSourceDefinitionResponse.of(declaratives.delete(workspace(call), definitionId(call)))));
  }

  private ConnectorDefinitionsResponse connectorDefinitions(ActorType type, Optional<UUID> workspaceId) {
    var listed = workspaceId.map(id -> definitions.listForWorkspace(type, workspaces.live(id).id()))
        .orElseGet(() -> definitions.listPublic(type));
    return new ConnectorDefinitionsResponse(listed.stream().map(ConnectorDefinitionResponse::of).toList());
  }

  /** The declared, required {@code type} query parameter. */
  private static ActorType type(Call call) {
    return call.query("type").orElseThrow().equals("source") ? ActorType.SOURCE : ActorType.DESTINATION;
  }

  /** The path's workspace; 404 when it names none (a path that is no UUID names none). */
  private UUID workspace(Call call) {
    return workspaces.live(pathId(call, "workspaceId", "workspace")).id();
  }

  private static UUID definitionId(Call call) {
    return pathId(call, "definitionId", "definition");
  }

  private static UUID sameWorkspace(UUID pathWorkspace, UUID bodyWorkspace) {
    if (bodyWorkspace != null && !bodyWorkspace.equals(pathWorkspace)) {
      throw new InvalidInputException("workspaceId", bodyWorkspace,
          "'workspaceId' must be the path's workspace " + pathWorkspace + " when it is sent");
    }
    return pathWorkspace;
  }
}
