package dev.gale.server.api.publicapi.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.server.domain.ActorType;
import dev.gale.server.domain.DeclarativeDefinition;
import dev.gale.server.domain.DefinitionWithVersion;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import java.util.List;
import java.util.UUID;

/** The Public API's connector definition bodies, under Airbyte's names. */
public final class DefinitionResources {
  private DefinitionResources() {}

  /** A definition of either type, as {@code GET /connector_definitions} lists it. */
  public record ConnectorDefinitionResponse(@Required UUID id, @Required String name,
                                            @Required ActorType connectorDefinitionType, @Required String version) {
    public static ConnectorDefinitionResponse of(DefinitionWithVersion definition) {
      return new ConnectorDefinitionResponse(definition.definition().id(), definition.definition().name(),
          definition.definition().actorType(), definition.version().dockerImageTag());
    }
  }

  public record ConnectorDefinitionsResponse(@Required List<ConnectorDefinitionResponse> data) {}

  public record DefinitionResponse(@Required UUID id, @Required String name, @Required String dockerRepository,
                                   @Required String dockerImageTag, String documentationUrl) {
    public static DefinitionResponse of(DefinitionWithVersion definition) {
      return new DefinitionResponse(definition.definition().id(), definition.definition().name(),
          definition.version().dockerRepository(), definition.version().dockerImageTag(),
          definition.version().documentationUrl());
    }
  }

  /** Airbyte's document gives this list links to neighbouring pages but no parameters to ask for one: it is whole. */
  public record DefinitionsResponse(@Required List<DefinitionResponse> data, String next, String previous) {
    public static DefinitionsResponse of(List<DefinitionWithVersion> definitions) {
      return new DefinitionsResponse(definitions.stream().map(DefinitionResponse::of).toList(), null, null);
    }
  }

  public record CreateDefinitionRequest(@Required @MaxLength(TEXT) String name,
                                        @Required @MaxLength(TEXT) String dockerRepository,
                                        @Required @MaxLength(TEXT) String dockerImageTag,
                                        @MaxLength(TEXT) String documentationUrl) {}

  public record UpdateDefinitionRequest(@Required @MaxLength(TEXT) String name,
                                        @Required @MaxLength(TEXT) String dockerImageTag) {}

  /** @param version the manifest's version: 1 when created, one more at every update */
  public record DeclarativeSourceDefinitionResponse(@Required UUID id, @Required String name,
                                                    @Required ObjectNode manifest, @Required Long version) {
    public static DeclarativeSourceDefinitionResponse of(DeclarativeDefinition declarative) {
      return new DeclarativeSourceDefinitionResponse(declarative.definition().id(), declarative.definition().name(),
          (ObjectNode) declarative.manifest().manifest(), declarative.manifest().version());
    }
  }

  public record DeclarativeSourceDefinitionsResponse(@Required List<DeclarativeSourceDefinitionResponse> data,
                                                     String next, String previous) {
    public static DeclarativeSourceDefinitionsResponse of(List<DeclarativeDefinition> definitions) {
      return new DeclarativeSourceDefinitionsResponse(
          definitions.stream().map(DeclarativeSourceDefinitionResponse::of).toList(), null, null);
    }
  }

  /**
   * Airbyte's document requires a {@code workspaceId} here without declaring it; the path names the workspace, so
   * the body's is optional and, when sent, must be the same.
   */
  public record CreateDeclarativeSourceDefinitionRequest(UUID workspaceId, @Required @MaxLength(TEXT) String name,
                                                         @Required ObjectNode manifest) {}

  public record UpdateDeclarativeSourceDefinitionRequest(@Required ObjectNode manifest) {}
}
