package dev.gale.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import dev.gale.server.domain.StreamDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfiguredCatalogsTest {
  private static final JsonNode CATALOG = Json.parse("""
      {"streams": [
        {"stream": {"name": "users", "namespace": "crm", "jsonSchema": {"type": "object", "properties": {
            "id": {"type": "integer"}, "name": {"type": "string"}, "address": {"type": "object"}}},
          "supportedSyncModes": ["full_refresh", "incremental"], "sourceDefinedCursor": true,
          "defaultCursorField": ["updated_at"], "sourceDefinedPrimaryKey": [["id"]]},
         "config": {"syncMode": "incremental", "destinationSyncMode": "append_dedup", "cursorField": ["updated_at"],
          "primaryKey": [["id"]], "selected": true, "fieldSelectionEnabled": true,
          "selectedFields": [{"fieldPath": ["id"]}, {"fieldPath": ["address", "city"]}]}},
        {"stream": {"name": "products", "jsonSchema": {"type": "object"}, "supportedSyncModes": ["full_refresh"]},
         "config": {"syncMode": "full_refresh", "destinationSyncMode": "overwrite"}},
        {"stream": {"name": "secrets", "jsonSchema": {"type": "object"}, "supportedSyncModes": ["full_refresh"]},
         "config": {"syncMode": "full_refresh", "destinationSyncMode": "append", "selected": false}}
      ]}""");
  private static final StreamDescriptor USERS = new StreamDescriptor("users", "crm");
  private static final StreamDescriptor PRODUCTS = StreamDescriptor.of("products");

  @Test
  void aSyncRunsTheSelectedStreamsAsConfiguredInTheirCurrentGeneration() {
    var selection = ConfiguredCatalogs.forSync(CATALOG, stream -> stream.equals(USERS) ? 3 : 2, 42);

    assertThat(selection.streams()).extracting(s -> s.stream().name()).containsExactly("users", "products");
    ConfiguredAirbyteStream users = selection.streams().getFirst();
    assertThat(users.stream().namespace()).isEqualTo("crm");
    assertThat(users.syncMode()).isEqualTo(SyncMode.INCREMENTAL);
    assertThat(users.destinationSyncMode()).isEqualTo(DestinationSyncMode.APPEND_DEDUP);
    assertThat(users.cursorField()).containsExactly("updated_at");
    assertThat(users.primaryKey()).containsExactly(List.of("id"));
    assertThat(List.of(users.generationId(), users.minimumGenerationId(), users.syncId())).as("appends keep older generations")
        .containsExactly(3L, 0L, 42L);
    ConfiguredAirbyteStream products = selection.streams().get(1);
    assertThat(List.of(products.generationId(), products.minimumGenerationId())).as("a full refresh replaces everything")
        .containsExactly(2L, 2L);
    assertThat(selection.selectedFields()).isEqualTo(Map.of("crm.users", List.of("id", "address")));
  }

  @Test
  void aResetOverwritesItsStreamsWithANewGenerationBelowWhichEverythingGoes() {
    var selection = ConfiguredCatalogs.forReset(CATALOG, Set.of(PRODUCTS), stream -> 5, 43);

    assertThat(selection.streams()).hasSize(1);
    ConfiguredAirbyteStream products = selection.streams().getFirst();
    assertThat(products.syncMode()).isEqualTo(SyncMode.FULL_REFRESH);
    assertThat(products.destinationSyncMode()).isEqualTo(DestinationSyncMode.OVERWRITE);
    assertThat(List.of(products.generationId(), products.minimumGenerationId(), products.syncId())).containsExactly(5L, 5L, 43L);
    assertThat(ConfiguredCatalogs.selectedStreams(CATALOG)).containsExactly(USERS, PRODUCTS);
  }
}
