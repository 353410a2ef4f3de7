package dev.gale.server.service.workspace;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.Tag;
import dev.gale.server.domain.Workspace;
import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.ConflictException;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.store.TagRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Tags, which group a workspace's connections, with Airbyte's rules: a name of at most 30 characters, unique in its
 * workspace; a color of six hexadecimal digits. A connection carries tags of its own workspace only.
 */
public final class TagService {
  static final int MAX_NAME_LENGTH = 30;
  private static final Pattern HEX_COLOR = Pattern.compile("[0-9A-Fa-f]{6}");

  private final TagRepository tags;
  private final WorkspaceService workspaces;
  private final Clock clock;

  public TagService(TagRepository tags, WorkspaceService workspaces, Clock clock) {
    this.tags = requireNonNull(tags, "tags is null");
    this.workspaces = requireNonNull(workspaces, "workspaces is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  public Tag create(UUID workspaceId, String name, String color) {
    UUID workspace = workspaces.live(workspaceId).id();
    Instant now = clock.instant();
    Tag tag = new Tag(UUID.randomUUID(), workspace, validName(name), validColor(color), now, now);
    if (!tags.insert(tag)) {
      throw nameTaken(tag);
    }
    return tag;
  }

  public Tag get(UUID tagId) {
    return tags.find(requireNonNull(tagId, "tagId is null")).orElseThrow(() -> new NotFoundException("tag", tagId));
  }

  public Tag update(UUID tagId, String name, String color) {
    Tag current = get(tagId);
    Tag updated = new Tag(current.id(), current.workspaceId(), validName(name), validColor(color), current.createdAt(),
        clock.instant());
    if (!tags.update(updated)) {
      throw nameTaken(updated);
    }
    return updated;
  }

  /** Deletes a tag, taking it off its connections. */
  public void delete(UUID tagId) {
    if (!tags.delete(requireNonNull(tagId, "tagId is null"))) {
      throw new NotFoundException("tag", tagId);
    }
  }

  /** The tags of these workspaces (each must exist), or of every workspace when none is given. */
  public List<Tag> list(Collection<UUID> workspaceIds) {
    List<UUID> ids = workspaceIds.isEmpty() ? workspaces.list().stream().map(Workspace::id).toList()
        : workspaceIds.stream().map(id -> workspaces.live(id).id()).distinct().toList();
    return tags.listByWorkspaces(ids);
  }

  /**
   * The tags asked for a connection of a workspace, each once: they must exist and be of that workspace. Checked
   * before the connection is written, so that a wrong tag changes nothing.
   */
  public List<UUID> checkedForConnection(Collection<UUID> tagIds, UUID workspaceId) {
    List<UUID> distinct = List.copyOf(new LinkedHashSet<>(tagIds));
    for (UUID tagId : distinct) {
      Tag tag = get(tagId);
      if (!tag.workspaceId().equals(workspaceId)) {
        throw new BadRequestException("The tag %s (%s) belongs to workspace %s; a connection of workspace %s takes tags of its own workspace"
            .formatted(tag.name(), tag.id(), tag.workspaceId(), workspaceId));
      }
    }
    return distinct;
  }

  /** Makes these tags (checked by {@link #checkedForConnection}) the connection's tags. */
  public void tagConnection(UUID connectionId, List<UUID> checkedTagIds) {
    tags.replaceConnectionTags(connectionId, checkedTagIds);
  }

  public Map<UUID, List<Tag>> tagsOf(Collection<UUID> connectionIds) {
    return tags.tagsOfConnections(connectionIds);
  }

  private static String validName(String name) {
    if (name == null || name.isBlank()) {
      throw new BadRequestException("A tag needs a name");
    }
    String stripped = name.strip();
    if (stripped.length() > MAX_NAME_LENGTH) {
      throw new BadRequestException("The tag name can be at most %d characters; '%s' has %d"
          .formatted(MAX_NAME_LENGTH, stripped, stripped.length()));
    }
    return stripped;
  }

  private static String validColor(String color) {
    if (color == null || !HEX_COLOR.matcher(color).matches()) {
      throw new BadRequestException("A tag's color is six hexadecimal digits without '#', such as FF5733; not '%s'"
          .formatted(color));
    }
    return color;
  }

  private static ConflictException nameTaken(Tag tag) {
    return new ConflictException("A tag named '%s' already exists in workspace %s".formatted(tag.name(), tag.workspaceId()));
  }
}
