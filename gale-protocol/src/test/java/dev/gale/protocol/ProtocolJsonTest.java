package dev.gale.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each type reads the protocol's JSON and writes back the very same JSON, field names included. */
class ProtocolJsonTest {

  @Test
  void streamRoundTripsWithSnakeCaseFields() {
    String json = """
        {"name":"users","namespace":"public",
         "json_schema":{"type":"object","properties":{"id":{"type":"integer"}}},
         "supported_sync_modes":["full_refresh","incremental"],
         "source_defined_cursor":true,"default_cursor_field":["updated_at"],
         "source_defined_primary_key":[["id"]],"is_resumable":true,"is_file_based":false}""";

    AirbyteStream stream = Json.read(json, AirbyteStream.class);

    assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(stream.sourceDefinedCursor()).isTrue();
    assertThat(stream.defaultCursorField()).containsExactly("updated_at");
    assertThat(stream.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
    assertThat(stream.isResumable()).isTrue();
    assertThat(stream.descriptor()).isEqualTo(new StreamDescriptor("users", "public"));
    assertRoundTrip(json, AirbyteStream.class);
  }

  @Test
  void streamWithOnlyRequiredFieldsWritesNoOptionalOnes() {
    AirbyteStream stream = AirbyteStream.of("products", Json.parse("{\"type\":\"object\"}"), List.of(SyncMode.FULL_REFRESH));

    assertThat(Json.tree(stream)).isEqualTo(Json.parse("""
        {"name":"products","json_schema":{"type":"object"},"supported_sync_modes":["full_refresh"]}"""));
  }

  @Test
  void streamWithoutRequiredFieldIsRejected() {
    assertThatThrownBy(() -> Json.read("{\"name\":\"users\",\"supported_sync_modes\":[\"full_refresh\"]}", AirbyteStream.class))
        .hasMessageContaining("json_schema");
  }

  @Test
  void catalogRoundTrips() {
    assertRoundTrip("""
        {"streams":[{"name":"a","json_schema":{},"supported_sync_modes":["incremental"]},
                    {"name":"b","json_schema":{},"supported_sync_modes":["full_refresh"],"namespace":"n"}]}""",
        AirbyteCatalog.class);
  }

  @Test
  void catalogFindsStreamByDescriptor() {
    AirbyteCatalog catalog = Json.read("""
        {"streams":[{"name":"a","json_schema":{},"supported_sync_modes":["incremental"],"namespace":"n"}]}""",
        AirbyteCatalog.class);

    assertThat(catalog.stream(new StreamDescriptor("a", "n"))).isPresent();
    assertThat(catalog.stream(StreamDescriptor.of("a"))).isEmpty();
  }

  @Test
  void specificationRoundTripsWithMixedCaseFields() {
    String json = """
        {"documentationUrl":"https://docs.example.com/x","changelogUrl":"https://docs.example.com/changes",
         "connectionSpecification":{"type":"object","properties":{"password":{"type":"string","airbyte_secret":true}}},
         "supportsIncremental":true,"supportsNormalization":false,"supportsDBT":false,
         "supported_destination_sync_modes":["overwrite","append","append_dedup","update","soft_delete"],
         "advanced_auth":{"auth_flow_type":"oauth2.0"},"protocol_version":"0.2.0"}""";

    ConnectorSpecification spec = Json.read(json, ConnectorSpecification.class);

    assertThat(spec.supportedDestinationSyncModes()).containsExactly(DestinationSyncMode.OVERWRITE,
        DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP, DestinationSyncMode.UPDATE,
        DestinationSyncMode.SOFT_DELETE);
    assertThat(spec.supportsDbt()).isFalse();
    assertThat(spec.protocolVersion()).isEqualTo("0.2.0");
    assertRoundTrip(json, ConnectorSpecification.class);
  }

  @Test
  void specificationRequiresConnectionSpecification() {
    assertThatThrownBy(() -> Json.read("{\"documentationUrl\":\"https://x\"}", ConnectorSpecification.class))
        .hasMessageContaining("connectionSpecification");
  }

  @Test
  void connectionStatusRoundTrips() {
    assertRoundTrip("{\"status\":\"SUCCEEDED\"}", AirbyteConnectionStatus.class);
    assertRoundTrip("{\"status\":\"FAILED\",\"message\":\"port must be at most 65535\"}", AirbyteConnectionStatus.class);
    assertThat(Json.tree(AirbyteConnectionStatus.failed("nope"))).isEqualTo(
        Json.parse("{\"status\":\"FAILED\",\"message\":\"nope\"}"));
    assertThat(Json.tree(AirbyteConnectionStatus.succeeded())).isEqualTo(Json.parse("{\"status\":\"SUCCEEDED\"}"));
  }

  @Test
  void streamDescriptorRoundTrips() {
    assertRoundTrip("{\"name\":\"users\",\"namespace\":\"public\"}", StreamDescriptor.class);
    assertRoundTrip("{\"name\":\"users\"}", StreamDescriptor.class);
  }

  @Test
  void enumsUseTheProtocolSpelling() {
    assertThat(Json.write(SyncMode.FULL_REFRESH)).isEqualTo("\"full_refresh\"");
    assertThat(Json.write(DestinationSyncMode.APPEND_DEDUP)).isEqualTo("\"append_dedup\"");
    assertThat(Json.read("\"soft_delete\"", DestinationSyncMode.class)).isEqualTo(DestinationSyncMode.SOFT_DELETE);
    assertThatThrownBy(() -> Json.read("\"FULL_REFRESH\"", SyncMode.class)).hasMessageContaining("full_refresh");
  }

  private static void assertRoundTrip(String json, Class<?> type) {
    JsonNode expected = Json.parse(json);
    assertThat(Json.tree(Json.read(json, type))).isEqualTo(expected);
  }
}
