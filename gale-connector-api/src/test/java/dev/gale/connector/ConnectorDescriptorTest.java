package dev.gale.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConnectorDescriptorTest {

  @Test
  void enumsUseAirbyteSpellings() {
    assertThat(Json.write(ConnectorDescriptor.ReleaseStage.GENERALLY_AVAILABLE)).isEqualTo("\"generally_available\"");
    assertThat(Json.write(ConnectorDescriptor.SupportLevel.COMMUNITY)).isEqualTo("\"community\"");
    assertThat(Json.write(ConnectorDescriptor.SourceType.DATABASE)).isEqualTo("\"database\"");
  }

  @Test
  void sourcesNeedASourceTypeAndDestinationsHaveNone() {
    assertThatThrownBy(() -> descriptor(ConnectorDescriptor.Kind.SOURCE, null)).hasMessageContaining("source type");
    assertThatThrownBy(() -> descriptor(ConnectorDescriptor.Kind.DESTINATION, ConnectorDescriptor.SourceType.API))
        .hasMessageContaining("source type");
    assertThat(descriptor(ConnectorDescriptor.Kind.DESTINATION, null).sourceType()).isNull();
  }

  private static ConnectorDescriptor descriptor(ConnectorDescriptor.Kind kind, ConnectorDescriptor.SourceType type) {
    return new ConnectorDescriptor(UUID.randomUUID(), kind, "X", "gale/x", "1.0", "https://docs.example.com", null,
        ConnectorDescriptor.ReleaseStage.ALPHA, ConnectorDescriptor.SupportLevel.NONE, type);
  }

  @Test
  void capabilitiesKeepTheDeclaredOrder() {
    ConnectorCapabilities capabilities = ConnectorCapabilities.destination(DestinationSyncMode.OVERWRITE,
        DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP);

    assertThat(capabilities.destinationSyncModes()).containsExactly(DestinationSyncMode.OVERWRITE,
        DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP);
    assertThat(capabilities.supports(DestinationSyncMode.APPEND)).isTrue();
    assertThat(capabilities.supports(SyncMode.FULL_REFRESH)).isFalse();
  }
}
