package dev.gale.server.api.publicapi.model;

import dev.gale.server.http.Required;
import java.util.List;
import java.util.UUID;

/** Bodies of the Public API's {@code /tags}, and a tag as a connection carries it. */
public final class TagResources {
  private TagResources() {}

  /**
   * A tag on a connection. Answers fill every field; in requests only {@code tagId} counts (and is all that is
   * required), so a script may send {@code [{"tagId": "..."}]} where a generated client sends whole tags back.
   */
  public record Tag(@Required UUID tagId, UUID workspaceId, String name, String color) {
    public static Tag of(dev.gale.server.domain.Tag tag) {
      return new Tag(tag.id(), tag.workspaceId(), tag.name(), tag.color());
    }
  }

  /** @param color six hexadecimal digits without {@code #}, such as {@code FF5733} */
  public record TagCreateRequest(@Required String name, @Required String color, @Required UUID workspaceId) {}

  public record TagPatchRequest(@Required String name, @Required String color) {}

  public record TagResponse(@Required UUID tagId, @Required String name, @Required String color,
                            @Required UUID workspaceId) {
    public static TagResponse of(dev.gale.server.domain.Tag tag) {
      return new TagResponse(tag.id(), tag.name(), tag.color(), tag.workspaceId());
    }
  }

  /** Every tag of the workspaces asked for; Airbyte does not page this list. */
  public record TagsResponse(@Required List<TagResponse> data) {}
}
