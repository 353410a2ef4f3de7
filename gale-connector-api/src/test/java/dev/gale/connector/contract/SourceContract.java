package dev.gale.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Source;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract of a {@link Source}, on top of {@link ConnectorContract}. */
public abstract class SourceContract extends ConnectorContract {

  @Override
  protected abstract Source connector();

  @Test
  void descriptorSaysSourceWithASourceType() {
    ConnectorDescriptor descriptor = connector().descriptor();

    assertThat(descriptor.kind()).isEqualTo(ConnectorDescriptor.Kind.SOURCE);
    assertThat(descriptor.sourceType()).isNotNull();
  }

  @Test
  void capabilitiesNameSyncModesOnly() {
    assertThat(connector().capabilities().syncModes()).isNotEmpty();
    assertThat(connector().capabilities().destinationSyncModes()).isEmpty();
    assertThat(connector().spec().supportedDestinationSyncModes()).isNull();
  }

  @Test
  void discoverFindsStreamsWithSchemasAndSyncModes() {
    AirbyteCatalog catalog = connector().discover(validConfig());

    assertThat(catalog.streams()).isNotEmpty();
    Set<String> names = new HashSet<>();
    for (AirbyteStream stream : catalog.streams()) {
      assertThat(names.add(stream.descriptor().toString())).as("stream %s is unique", stream.name()).isTrue();
      JsonNode schema = stream.jsonSchema();
      assertThat(schema.path("type").asText()).as("%s json_schema type", stream.name()).isEqualTo("object");
      assertThat(schema.path("properties").isObject()).as("%s json_schema has properties", stream.name()).isTrue();
      assertThat(stream.supportedSyncModes()).as("%s sync modes", stream.name()).isNotEmpty()
          .isSubsetOf(connector().capabilities().syncModes());
      checkKeyFieldsExist(stream);
    }
  }

  @Test
  void discoverRejectsTheInvalidConfigWithAMessageWithoutSecrets() {
    assertThatThrownBy(() -> connector().discover(invalidConfig()))
        .isInstanceOf(ConnectorException.class)
        .satisfies(e -> assertNoSecretIn(e.getMessage(), invalidConfig()));
  }

  private static void checkKeyFieldsExist(AirbyteStream stream) {
    JsonNode properties = stream.jsonSchema().path("properties");
    if (stream.sourceDefinedPrimaryKey() != null) {
      for (List<String> keyPath : stream.sourceDefinedPrimaryKey()) {
        assertThat(properties.has(keyPath.getFirst())).as("%s primary key %s in schema", stream.name(), keyPath)
            .isTrue();
      }
    }
    if (Boolean.TRUE.equals(stream.sourceDefinedCursor())) {
      assertThat(stream.supportedSyncModes()).contains(SyncMode.INCREMENTAL);
      assertThat(stream.defaultCursorField()).as("%s default cursor", stream.name()).isNotEmpty();
      assertThat(properties.has(stream.defaultCursorField().getFirst()))
          .as("%s cursor %s in schema", stream.name(), stream.defaultCursorField()).isTrue();
    }
  }
}
