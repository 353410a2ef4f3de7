package dev.gale.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.domain.Connection;
import dev.gale.server.domain.Tag;
import dev.gale.server.domain.Workspace;
import dev.gale.server.testing.TestDatabase;
import dev.gale.server.testing.TestDatabases;
import dev.gale.server.testing.TestingStore;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ArgumentsSource;

@ParameterizedClass(name = "{0}")
@ArgumentsSource(TestDatabases.class)
class TagRepositoryIT {
  @Parameter
  TestDatabase db;

  TestingStore store;
  TagRepository tags;
  Workspace workspace;

  @BeforeEach
  void setUp() {
    store = new TestingStore(db.database());
    tags = new TagRepository(db.database());
    workspace = store.newWorkspace("Tags");
  }

  @Test
  void insertedTagReadsBack() {
    Tag tag = tag(workspace.id(), "Analytics", "FF5733");

    assertThat(tags.insert(tag)).isTrue();

    assertThat(tags.find(tag.id())).contains(tag);
    assertThat(tags.find(UUID.randomUUID())).isEmpty();
  }

  @Test
  void namesAreUniquePerWorkspaceOnly() {
    tags.insert(tag(workspace.id(), "Finance", "000000"));
    Workspace other = store.newWorkspace("Other tags");

    assertThat(tags.insert(tag(workspace.id(), "Finance", "FFFFFF"))).isFalse();
    assertThat(tags.insert(tag(other.id(), "Finance", "FFFFFF"))).isTrue();
  }

  @Test
  void updateChangesNameAndColorUnlessTheNameIsTaken() {
    Tag first = tag(workspace.id(), "first", "111111");
    Tag second = tag(workspace.id(), "second", "222222");
    tags.insert(first);
    tags.insert(second);
    Tag renamed = new Tag(first.id(), first.workspaceId(), "renamed", "ABCDEF", first.createdAt(),
        first.updatedAt().plusSeconds(5));

    assertThat(tags.update(renamed)).isTrue();
    assertThat(tags.find(first.id())).contains(renamed);

    assertThat(tags.update(new Tag(second.id(), second.workspaceId(), "renamed", "222222", second.createdAt(),
        second.updatedAt()))).isFalse();
    assertThat(tags.find(second.id())).contains(second);
  }

  @Test
  void listIsTheWorkspacesTagsByName() {
    Tag zeta = tag(workspace.id(), "zeta", "000000");
    Tag alpha = tag(workspace.id(), "Alpha", "000000");
    tags.insert(zeta);
    tags.insert(alpha);
    Workspace other = store.newWorkspace("Unlisted");
    tags.insert(tag(other.id(), "elsewhere", "000000"));

    assertThat(tags.listByWorkspaces(List.of(workspace.id()))).containsExactly(alpha, zeta);
    assertThat(tags.listByWorkspaces(List.of())).isEmpty();
  }

  @Test
  void connectionTagsAreReplacedAndGoWithTheirTag() {
    Connection tagged = store.newConnection("tagged");
    Connection untagged = store.newConnection("untagged");
    Tag red = tag(workspace.id(), "red", "FF0000");
    Tag blue = tag(workspace.id(), "blue", "0000FF");
    tags.insert(red);
    tags.insert(blue);

    tags.replaceConnectionTags(tagged.id(), List.of(red.id(), blue.id(), red.id()));
    Map<UUID, List<Tag>> read = tags.tagsOfConnections(List.of(tagged.id(), untagged.id()));
    assertThat(read.get(tagged.id())).containsExactly(blue, red);
    assertThat(read.get(untagged.id())).isEmpty();

    tags.replaceConnectionTags(tagged.id(), List.of(red.id()));
    assertThat(tags.tagsOfConnections(List.of(tagged.id())).get(tagged.id())).containsExactly(red);

    assertThat(tags.delete(red.id())).isTrue();
    assertThat(tags.tagsOfConnections(List.of(tagged.id())).get(tagged.id())).isEmpty();
    assertThat(tags.find(red.id())).isEmpty();
    assertThat(tags.delete(red.id())).isFalse();
  }

  private Tag tag(UUID workspaceId, String name, String color) {
    Instant now = db.database().now().truncatedTo(ChronoUnit.MICROS);
    return new Tag(UUID.randomUUID(), workspaceId, name, color, now, now);
  }
}
