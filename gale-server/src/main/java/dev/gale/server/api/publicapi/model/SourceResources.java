package dev.gale.server.api.publicapi.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.api.publicapi.PageRequest.Page;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import dev.gale.server.service.actor.ActorView;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/public/v1/sources}: requests and answers. A {@code configuration} in an answer is always masked: each
 * secret the connector's specification declares reads {@code **********}.
 */
public final class SourceResources {
  private SourceResources() {}

  /**
   * @param definitionId nullable: the definition whose type {@code configuration.sourceType} names
   * @param secretId the secret of Airbyte's OAuth flow, which Gale does not have: naming one is refused
   */
  public record SourceCreateRequest(@Required @MaxLength(TEXT) String name, UUID definitionId, @Required UUID workspaceId,
                                    @Required JsonNode configuration, String secretId) {
    public SourceCreateRequest {
      refuseSecretId(secretId);
    }
  }

  /**
   * Changes what it carries: {@code configuration} is merged over the stored one.
   *
   * @param workspaceId nullable; a source stays in its workspace
   */
  public record SourcePatchRequest(@MaxLength(TEXT) String name, UUID workspaceId, JsonNode configuration, String secretId) {
    public SourcePatchRequest {
      refuseSecretId(secretId);
    }
  }

  /** Replaces name and configuration; a secret sent back masked keeps its stored value. */
  public record SourcePutRequest(@Required @MaxLength(TEXT) String name, @Required JsonNode configuration) {}

  /**
   * @param sourceType the connector's short name ({@code postgres}, {@code faker})
   * @param createdAt epoch seconds
   */
  public record SourceResponse(@Required UUID sourceId, @Required String name, @Required String sourceType,
                               @Required UUID definitionId, @Required UUID workspaceId, @Required JsonNode configuration,
                               @Required Long createdAt) {
    public static SourceResponse of(ActorView view) {
      return new SourceResponse(view.id(), view.name(), view.connectorType(), view.definitionId(), view.workspaceId(),
          view.maskedConfiguration(), view.createdAt().getEpochSecond());
    }
  }

  public record SourcesResponse(@Required List<SourceResponse> data, String next, String previous) {
    public static SourcesResponse of(Page<ActorView> page) {
      return new SourcesResponse(page.data().stream().map(SourceResponse::of).toList(), page.next(), page.previous());
    }
  }

  private static void refuseSecretId(String secretId) {
    if (secretId != null) {
      throw new InvalidInputException("secretId", null,
          "Gale has no OAuth flow to issue a 'secretId'; put the credentials in 'configuration' instead");
    }
  }
}
