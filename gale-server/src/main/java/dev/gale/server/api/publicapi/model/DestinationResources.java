package dev.gale.server.api.publicapi.model;

import static dev.gale.server.store.StoreLimits.TEXT;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.api.publicapi.PageRequest.Page;
import dev.gale.server.http.MaxLength;
import dev.gale.server.http.Required;
import dev.gale.server.service.actor.ActorView;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/public/v1/destinations}: requests and answers. A {@code configuration} in an answer is always masked:
 * each secret the connector's specification declares reads {@code **********}.
 */
public final class DestinationResources {
  private DestinationResources() {}

  /** @param definitionId nullable: the definition whose type {@code configuration.destinationType} names */
  public record DestinationCreateRequest(@Required @MaxLength(TEXT) String name, UUID definitionId, @Required UUID workspaceId,
                                         @Required JsonNode configuration) {}

  /** Changes what it carries: {@code configuration} is merged over the stored one. */
  public record DestinationPatchRequest(@MaxLength(TEXT) String name, JsonNode configuration) {}

  /** Replaces name and configuration; a secret sent back masked keeps its stored value. */
  public record DestinationPutRequest(@Required @MaxLength(TEXT) String name, @Required JsonNode configuration) {}

  /**
   * @param destinationType the connector's short name ({@code postgres}, {@code dev-null})
   * @param createdAt epoch seconds
   */
  public record DestinationResponse(@Required UUID destinationId, @Required String name, @Required String destinationType,
                                    @Required UUID definitionId, @Required UUID workspaceId,
                                    @Required JsonNode configuration, @Required Long createdAt) {
    public static DestinationResponse of(ActorView view) {
      return new DestinationResponse(view.id(), view.name(), view.connectorType(), view.definitionId(), view.workspaceId(),
          view.maskedConfiguration(), view.createdAt().getEpochSecond());
    }
  }

  public record DestinationsResponse(@Required List<DestinationResponse> data, String next, String previous) {
    public static DestinationsResponse of(Page<ActorView> page) {
      return new DestinationsResponse(page.data().stream().map(DestinationResponse::of).toList(), page.next(),
          page.previous());
    }
  }
}
