package dev.gale.server.api.config;

import static dev.gale.server.http.Route.rpc;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.server.api.ApiModule;
import dev.gale.server.api.model.BuilderBodies.BuilderProjectForDefinitionRequestBody;
import dev.gale.server.api.model.BuilderBodies.BuilderProjectForDefinitionResponse;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectIdWithWorkspaceId;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectRead;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectReadList;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectStreamRead;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectStreamReadRequestBody;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectTestingValuesUpdate;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectWithWorkspaceId;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderPublishRequestBody;
import dev.gale.server.api.model.BuilderBodies.ExistingConnectorBuilderProjectWithWorkspaceId;
import dev.gale.server.api.model.BuilderBodies.SourceDefinitionIdBody;
import dev.gale.server.api.model.WorkspaceBodies.WorkspaceIdRequestBody;
import dev.gale.server.http.Route;
import dev.gale.server.service.builder.BuilderProjectService;
import dev.gale.server.service.builder.BuilderTestReads;
import java.util.List;

/**
 * {@code /api/v1/connector_builder_projects/*}: the calls Airbyte's connector builder and PyAirbyte make on builder
 * projects, test reads included.
 */
public final class ConnectorBuilderProjectsApi implements ApiModule {
  private static final String TAG = "connector_builder_project";
  private static final String PATH = "/api/v1/connector_builder_projects/";

  private final BuilderProjectService projects;
  private final BuilderTestReads testReads;

  public ConnectorBuilderProjectsApi(BuilderProjectService projects, BuilderTestReads testReads) {
    this.projects = requireNonNull(projects, "projects is null");
    this.testReads = requireNonNull(testReads, "testReads is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(
        rpc(PATH + "create", TAG, "Create a connector builder project", ConnectorBuilderProjectWithWorkspaceId.class,
            ConnectorBuilderProjectIdWithWorkspaceId.class, (body, call) -> new ConnectorBuilderProjectIdWithWorkspaceId(
                body.workspaceId(), projects.create(body.workspaceId(), BuilderReads.details(body.builderProject())), null)).created(),
        rpc(PATH + "list", TAG, "List a workspace's connector builder projects", WorkspaceIdRequestBody.class,
            ConnectorBuilderProjectReadList.class,
            (body, call) -> BuilderReads.list(projects.list(body.workspaceId()))),
        rpc(PATH + "get_with_manifest", TAG, "Get a connector builder project with its draft or published manifest",
            ConnectorBuilderProjectIdWithWorkspaceId.class, ConnectorBuilderProjectRead.class,
            (body, call) -> BuilderReads.read(projects.get(body.workspaceId(), body.builderProjectId(), body.version()))),
        rpc(PATH + "get_for_definition_id", TAG, "Get the connector builder project a source definition was published from",
            BuilderProjectForDefinitionRequestBody.class, BuilderProjectForDefinitionResponse.class,
            (body, call) -> projects.forDefinition(body.workspaceId(), body.actorDefinitionId())
                .map(project -> new BuilderProjectForDefinitionResponse(project.id(), project.workspaceId()))
                .orElse(new BuilderProjectForDefinitionResponse(null, null))),
        rpc(PATH + "update", TAG, "Update a connector builder project's name and draft",
            ExistingConnectorBuilderProjectWithWorkspaceId.class, Void.class, (body, call) -> {
              projects.update(body.workspaceId(), body.builderProjectId(), BuilderReads.details(body.builderProject()));
              return null;
            }),
        rpc(PATH + "delete", TAG, "Delete a connector builder project", ConnectorBuilderProjectIdWithWorkspaceId.class,
            Void.class, (body, call) -> {
              projects.delete(body.workspaceId(), body.builderProjectId());
              return null;
            }),
        rpc(PATH + "publish", TAG, "Publish a connector builder project as a source definition of its workspace",
            ConnectorBuilderPublishRequestBody.class, SourceDefinitionIdBody.class,
            (body, call) -> new SourceDefinitionIdBody(projects.publish(body.workspaceId(), body.builderProjectId(),
                body.name(), body.initialDeclarativeManifest().manifest(), body.initialDeclarativeManifest().version(),
                body.initialDeclarativeManifest().description(), body.componentsFileContent()))),
        rpc(PATH + "update_testing_values", TAG, "Replace the values a connector builder project's test reads run with",
            ConnectorBuilderProjectTestingValuesUpdate.class, ObjectNode.class,
            (body, call) -> projects.updateTestingValues(body.workspaceId(), body.builderProjectId(), body.spec(),
                body.testingValues())),
        rpc(PATH + "read_stream", TAG, "Test-read a stream of a manifest with the project's testing values",
            ConnectorBuilderProjectStreamReadRequestBody.class, ConnectorBuilderProjectStreamRead.class,
            (body, call) -> TestReadAnswers.of(testReads.readStream(TestReadAnswers.request(body)))));
  }
}
