package dev.gale.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorRegistryTest {
  static final UUID SOURCE_ID = UUID.fromString("00000000-0000-0000-0000-00000000000a");
  static final UUID DESTINATION_ID = UUID.fromString("00000000-0000-0000-0000-00000000000b");

  @Test
  void findsConnectorsByIdRepositoryAndKind() {
    ConnectorRegistry registry = ConnectorRegistry.of(List.of(new TestSource(), new TestDestination()));

    assertThat(registry.find(SOURCE_ID)).get().isInstanceOf(TestSource.class);
    assertThat(registry.findSource(SOURCE_ID)).isPresent();
    assertThat(registry.findDestination(SOURCE_ID)).isEmpty();
    assertThat(registry.findDestination(DESTINATION_ID)).get().isInstanceOf(TestDestination.class);
    assertThat(registry.findByDockerRepository("gale/test-destination")).get().isInstanceOf(TestDestination.class);
    assertThat(registry.findByDockerRepository("gale/unknown")).isEmpty();
    assertThat(registry.sources()).hasSize(1);
    assertThat(registry.destinations()).hasSize(1);
    assertThat(registry.connectors()).hasSize(2);
  }

  @Test
  void rejectsTwoConnectorsWithTheSameDefinitionId() {
    assertThatThrownBy(() -> ConnectorRegistry.of(List.of(new TestSource(), new TestSource())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("share definition id " + SOURCE_ID);
  }

  @Test
  void rejectsTwoConnectorsWithTheSameDockerRepository() {
    TestSource other = new TestSource() {
      @Override
      public ConnectorDescriptor descriptor() {
        return descriptorOf(UUID.randomUUID(), ConnectorDescriptor.Kind.SOURCE, "gale/test-source");
      }
    };

    assertThatThrownBy(() -> ConnectorRegistry.of(List.of(new TestSource(), other)))
        .hasMessageContaining("share docker repository gale/test-source");
  }

  @Test
  void rejectsAKindThatDoesNotMatchTheInterface() {
    TestSource lying = new TestSource() {
      @Override
      public ConnectorDescriptor descriptor() {
        return descriptorOf(SOURCE_ID, ConnectorDescriptor.Kind.DESTINATION, "gale/test-source");
      }
    };

    assertThatThrownBy(() -> ConnectorRegistry.of(List.of(lying))).hasMessageContaining("declares kind DESTINATION");
  }

  @Test
  void loadsConnectorsListedForServiceLoader(@TempDir Path classes) throws IOException {
    Path services = classes.resolve("META-INF/services/dev.gale.connector.Connector");
    Files.createDirectories(services.getParent());
    Files.writeString(services, "# test connectors\n" + TestSource.class.getName() + "\n"
        + TestDestination.class.getName() + "\n");

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      ConnectorRegistry registry = ConnectorRegistry.load(loader);

      assertThat(registry.connectors()).extracting(c -> c.descriptor().definitionId())
          .containsExactly(SOURCE_ID, DESTINATION_ID);
    }
  }

  @Test
  void serviceLoaderDuplicatesAreRejectedToo(@TempDir Path classes) throws IOException {
    Path first = classes.resolve("a/META-INF/services/dev.gale.connector.Connector");
    Path second = classes.resolve("b/META-INF/services/dev.gale.connector.Connector");
    Files.createDirectories(first.getParent());
    Files.createDirectories(second.getParent());
    Files.writeString(first, TestSource.class.getName() + "\n");
    Files.writeString(second, DuplicateSource.class.getName() + "\n");
    URL[] roots = {classes.resolve("a").toUri().toURL(), classes.resolve("b").toUri().toURL()};

    try (URLClassLoader loader = new URLClassLoader(roots, getClass().getClassLoader())) {
      assertThatThrownBy(() -> ConnectorRegistry.load(loader)).hasMessageContaining("share definition id");
    }
  }

  static ConnectorDescriptor descriptorOf(UUID id, ConnectorDescriptor.Kind kind, String repository) {
    return new ConnectorDescriptor(id, kind, "Test " + kind, repository, "0.1.0", "https://docs.example.com", null,
        ConnectorDescriptor.ReleaseStage.ALPHA, ConnectorDescriptor.SupportLevel.NONE,
        kind == ConnectorDescriptor.Kind.SOURCE ? ConnectorDescriptor.SourceType.API : null);
  }

  public static class TestSource implements Source {
    @Override
    public ConnectorDescriptor descriptor() {
      return descriptorOf(SOURCE_ID, ConnectorDescriptor.Kind.SOURCE, "gale/test-source");
    }

    @Override
    public ConnectorCapabilities capabilities() {
      return ConnectorCapabilities.source(SyncMode.FULL_REFRESH);
    }

    @Override
    public ConnectorSpecification spec() {
      return ConnectorSpecification.of("https://docs.example.com", Json.object().put("type", "object"));
    }

    @Override
    public AirbyteConnectionStatus check(JsonNode config) {
      return AirbyteConnectionStatus.succeeded();
    }

    @Override
    public AirbyteCatalog discover(JsonNode config) {
      return new AirbyteCatalog(List.of());
    }

    /** It offers no stream, so any stream asked for is one it does not have. */
    @Override
    public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state,
                     SourceOutput output) {
      if (!catalog.streams().isEmpty()) {
        throw new ConnectorException("there is no stream " + catalog.streams().getFirst().descriptor());
      }
    }
  }

  /** Another class claiming {@link TestSource}'s definition id. */
  public static class DuplicateSource extends TestSource {
    @Override
    public ConnectorDescriptor descriptor() {
      return descriptorOf(SOURCE_ID, ConnectorDescriptor.Kind.SOURCE, "gale/duplicate-source");
    }
  }

  public static class TestDestination implements Destination {
    @Override
    public ConnectorDescriptor descriptor() {
      return descriptorOf(DESTINATION_ID, ConnectorDescriptor.Kind.DESTINATION, "gale/test-destination");
    }

    @Override
    public ConnectorCapabilities capabilities() {
      return ConnectorCapabilities.destination(DestinationSyncMode.APPEND);
    }

    @Override
    public ConnectorSpecification spec() {
      return ConnectorSpecification.of("https://docs.example.com", Json.object().put("type", "object"))
          .withSupportedDestinationSyncModes(List.of(DestinationSyncMode.APPEND));
    }

    @Override
    public AirbyteConnectionStatus check(JsonNode config) {
      return AirbyteConnectionStatus.succeeded();
    }

    // These tests only look the destination up; they never write.
    @Override
    public DestinationWriter open(JsonNode config, ConfiguredAirbyteCatalog catalog, WriteContext context) {
      throw new UnsupportedOperationException("the registry's test destination is never opened");
    }
  }
}
