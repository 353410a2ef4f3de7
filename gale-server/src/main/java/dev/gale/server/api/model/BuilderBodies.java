package dev.gale.server.api.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.server.api.model.DeclarativeBodies.DeclarativeSourceManifest;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Bodies of {@code /api/v1/connector_builder_projects/*}, as Airbyte's connector builder and PyAirbyte send and read
 * them. The test read's answer keeps the snake_case names Airbyte gives it.
 */
public final class BuilderBodies {
  private BuilderBodies() {}

  /**
   * A project as a client writes it. The draft comes as {@code draftManifest}, or as {@code yamlManifest} text when
   * that is all a client sends.
   *
   * @param componentsFileContent custom Python components; Gale runs none, so a non-blank one is refused
   */
  public record ConnectorBuilderProjectDetails(@Required @MaxLength(TEXT) String name, JsonNode draftManifest,
                                               String yamlManifest, String componentsFileContent,
                                               UUID baseActorDefinitionVersionId, String contributionPullRequestUrl,
                                               UUID contributionActorDefinitionId) {}

  public record ConnectorBuilderProjectWithWorkspaceId(@Required UUID workspaceId,
                                                       @Required ConnectorBuilderProjectDetails builderProject) {}

  /** @param version a published manifest version to read instead of the draft or the active one */
  public record ConnectorBuilderProjectIdWithWorkspaceId(@Required UUID workspaceId, @Required UUID builderProjectId,
                                                         Long version) {}

  public record ExistingConnectorBuilderProjectWithWorkspaceId(@Required UUID workspaceId,
                                                               @Required UUID builderProjectId,
                                                               @Required ConnectorBuilderProjectDetails builderProject) {}

  public record ConnectorBuilderPublishRequestBody(@Required UUID workspaceId, @Required UUID builderProjectId,
                                                   @Required @MaxLength(TEXT) String name,
                                                   @Required DeclarativeSourceManifest initialDeclarativeManifest,
                                                   String componentsFileContent) {}

  public record SourceDefinitionIdBody(@Required UUID sourceDefinitionId) {}

  /** The connector a forked project started from. {@code icon} is "" for a connector without one. */
  public record BaseActorDefinitionVersionInfo(@Required String name, @Required String dockerRepository,
                                               @Required String dockerImageTag, @Required UUID actorDefinitionId,
                                               @Required String icon, String documentationUrl) {}

  public record ContributionInfo(@Required String pullRequestUrl, @Required UUID actorDefinitionId) {}

  /** @param updatedAt epoch seconds, as Airbyte answers it */
  public record ConnectorBuilderProjectDetailsRead(@Required String name, @Required UUID builderProjectId,
                                                   UUID sourceDefinitionId, Long activeDeclarativeManifestVersion,
                                                   @Required Boolean hasDraft, @Required Long updatedAt,
                                                   BaseActorDefinitionVersionInfo baseActorDefinitionVersionInfo,
                                                   ContributionInfo contributionInfo) {}

  public record ConnectorBuilderProjectReadList(@Required List<ConnectorBuilderProjectDetailsRead> projects) {}

  public record DeclarativeManifestRead(JsonNode manifest, Boolean isDraft, Long version, String description) {}

  /** @param testingValues the saved testing values, every secret masked */
  public record ConnectorBuilderProjectRead(@Required ConnectorBuilderProjectDetailsRead builderProject,
                                            DeclarativeManifestRead declarativeManifest, ObjectNode testingValues) {}

  public record BuilderProjectForDefinitionRequestBody(@Required UUID actorDefinitionId, @Required UUID workspaceId) {}

  /** Both are null, and sent as null as Airbyte does, for a definition no project was published to. */
  public record BuilderProjectForDefinitionResponse(@Required @JsonInclude(JsonInclude.Include.ALWAYS) UUID builderProjectId,
                                                    @JsonInclude(JsonInclude.Include.ALWAYS) UUID workspaceId) {}

  /**
   * @param spec the connection specification that says which testing values are secret: the JSON Schema itself, as
   *     the builder sends it, or a connector specification holding it as {@code connectionSpecification}, as
   *     PyAirbyte sends it
   */
  public record ConnectorBuilderProjectTestingValuesUpdate(@Required UUID workspaceId, @Required UUID builderProjectId,
                                                           @Required ObjectNode spec,
                                                           @Required ObjectNode testingValues) {}

  /**
   * A test read of one stream of {@code manifest} (the draft being edited) with the project's testing values.
   *
   * @param state Airbyte state messages to start from, as an earlier read's slices answer them
   */
  public record ConnectorBuilderProjectStreamReadRequestBody(@Required UUID workspaceId, @Required UUID builderProjectId,
                                                             @Required ObjectNode manifest, @Required String streamName,
                                                             String customComponentsCode, Boolean formGeneratedManifest,
                                                             Integer recordLimit, Integer pageLimit, Integer sliceLimit,
                                                             List<JsonNode> state) {}

  public record ConnectorBuilderProjectStreamRead(@Required List<StreamReadLog> logs,
                                                  @Required List<StreamReadSlice> slices,
                                                  @Required @JsonProperty("test_read_limit_reached") Boolean testReadLimitReached,
                                                  @JsonProperty("auxiliary_requests") List<ConnectorBuilderAuxiliaryRequest> auxiliaryRequests,
                                                  @JsonProperty("inferred_schema") ObjectNode inferredSchema) {}

  public record StreamReadLog(@Required String message, @Required StreamReadLogLevel level) {}

  public enum StreamReadLogLevel { INFO, WARN, ERROR, FATAL }

  /** @param state the stream's state after the slice, as one Airbyte state message; absent without a cursor */
  public record StreamReadSlice(@Required List<StreamReadPage> pages,
                                @JsonProperty("slice_descriptor") ObjectNode sliceDescriptor, List<JsonNode> state,
                                @JsonProperty("auxiliary_requests") List<ConnectorBuilderAuxiliaryRequest> auxiliaryRequests) {}

  public record StreamReadPage(@Required List<JsonNode> records, ConnectorBuilderHttpRequest request,
                               ConnectorBuilderHttpResponse response) {}

  /** @param parameters the URL's query parameters, each name with its values */
  public record ConnectorBuilderHttpRequest(@Required String url, Map<String, List<String>> parameters, String body,
                                            Map<String, String> headers,
                                            @Required @JsonProperty("http_method") String httpMethod) {}

  public record ConnectorBuilderHttpResponse(@Required Integer status, String body, Map<String, String> headers) {}

  public record ConnectorBuilderAuxiliaryRequest(@Required String description, @Required ConnectorBuilderHttpRequest request,
                                                 @Required ConnectorBuilderHttpResponse response, @Required String title,
                                                 @Required AuxiliaryRequestType type) {}

  public enum AuxiliaryRequestType { HTTP, AUTH, PARENT_STREAM, ASYNC_CREATE, ASYNC_POLL, ASYNC_ABORT, ASYNC_DELETE }
}
