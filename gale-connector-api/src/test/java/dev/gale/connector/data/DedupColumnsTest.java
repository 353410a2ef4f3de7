package dev.gale.connector.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.ConnectorException;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupColumnsTest {
  private static final List<String> PROPERTIES = List.of("region", "id", "updated_at", "name");

  @Test
  void theKeyAndCursorAreFoundByPositionInTheKeysOrder() {
    DedupColumns dedup = DedupColumns.of(stream().withPrimaryKey(List.of(List.of("id"), List.of("region")))
        .withCursorField(List.of("updated_at")), PROPERTIES);

    assertThat(dedup.key()).containsExactly(1, 0);
    assertThat(dedup.cursor()).isEqualTo(2);
  }

  @Test
  void aSourceDefinedKeyServesAndNoCursorMeansArrivalOrder() {
    ConfiguredAirbyteStream configured = ConfiguredAirbyteStream.of(AirbyteStream.of("users", Json.object(),
            List.of(SyncMode.INCREMENTAL)).withSourceDefinedPrimaryKey(List.of(List.of("name"))),
        SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP);

    DedupColumns dedup = DedupColumns.of(configured, PROPERTIES);

    assertThat(dedup.key()).containsExactly(3);
    assertThat(dedup.cursor()).isEqualTo(-1);
  }

  @Test
  void aMissingKeyAndKeysOrCursorsThatAreNotTopLevelPropertiesAreRefusedByName() {
    assertThatThrownBy(() -> DedupColumns.of(stream(), PROPERTIES)).isInstanceOf(ConnectorException.class)
        .hasMessageContaining("users").hasMessageContaining("no primary key");
    assertThatThrownBy(() -> DedupColumns.of(stream().withPrimaryKey(List.of(List.of("address", "city"))), PROPERTIES))
        .hasMessageContaining("primary key [address, city] is not a top-level property");
    assertThatThrownBy(() -> DedupColumns.of(stream().withPrimaryKey(List.of(List.of("id")))
        .withCursorField(List.of("changed")), PROPERTIES))
        .hasMessageContaining("cursor [changed] is not a top-level property");
  }

  private static ConfiguredAirbyteStream stream() {
    return ConfiguredAirbyteStream.of(AirbyteStream.of("users", Json.object(), List.of(SyncMode.INCREMENTAL)),
        SyncMode.INCREMENTAL, DestinationSyncMode.APPEND_DEDUP);
  }
}
