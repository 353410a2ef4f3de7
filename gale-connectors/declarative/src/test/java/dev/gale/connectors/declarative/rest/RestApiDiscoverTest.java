package dev.gale.connectors.declarative.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stream discovery offers: its schema, inferred from the first page or given, its key, cursor and modes. */
class RestApiDiscoverTest {
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void theSchemaHasTheTypesOfTheFirstPagesTopLevelFields() {
    ObjectNode config = RestApiTests.config(api, "/v2/orders.json", """
        {"records_path": "orders", "primary_key": "id",
         "pagination": {"pagination_type": "page_number", "page_size": 2},
         "incremental": {"cursor_field": "updated_at", "start_value": "2024-01-01T00:00:00Z",
                         "start_param": "since"}}""");
    api.json("""
        {"orders": [
          {"id": 1, "total": 10, "customer": "ann", "paid": true, "lines": [{"sku": "a"}],
           "address": {"city": "Lyon"}, "note": null, "code": "A1", "updated_at": "2024-02-01T00:00:00Z"},
          {"id": 2, "total": 12.5, "customer": "bob", "paid": false, "lines": [], "address": {"city": "Nice"},
           "note": null, "code": 7, "updated_at": "2024-02-02T00:00:00Z", "coupon": "WELCOME"}]}""");

    List<AirbyteStream> streams = RestApiTests.SOURCE.discover(config).streams();

    assertThat(streams).hasSize(1);
    AirbyteStream stream = streams.getFirst();
    assertThat(stream.name()).isEqualTo("orders");
    assertThat(stream.jsonSchema()).isEqualTo(Json.parse("""
        {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {
          "id": {"type": ["integer", "null"]}, "total": {"type": ["number", "null"]},
          "customer": {"type": ["string", "null"]}, "paid": {"type": ["boolean", "null"]},
          "lines": {"type": ["array", "null"]}, "address": {"type": ["object", "null"]}, "note": {},
          "code": {"type": ["string", "integer", "null"]}, "updated_at": {"type": ["string", "null"]},
          "coupon": {"type": ["string", "null"]}}}"""));
    assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(stream.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
    assertThat(stream.sourceDefinedCursor()).isTrue();
    assertThat(stream.defaultCursorField()).containsExactly("updated_at");
    assertThat(api.takeAll()).as("only the first page is read").hasSize(1);
  }

  @Test
  void aGivenSchemaIsOfferedAsGivenWithoutARequestAndTypesTheRead() throws Exception {
    JsonNode schema = Json.parse("""
        {"type": "object", "definitions": {"money": {"type": "number"}},
         "properties": {"id": {"type": "integer", "description": "#/not/a/reference"},
                        "amount": {"$ref": "#/definitions/money"},
                        "created": {"type": "string", "format": "date-time"}}}""");
    ObjectNode config = RestApiTests.config(api, "/payments", "{\"stream_name\": \"payments_v2\"}");
    config.set("json_schema", schema);

    AirbyteStream stream = RestApiTests.SOURCE.discover(config).streams().getFirst();

    assertThat(stream.name()).isEqualTo("payments_v2");
    assertThat(stream.jsonSchema()).isEqualTo(schema);
    assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(api.requestCount()).isZero();

    api.json("[{\"id\": 1, \"amount\": 2.5, \"created\": \"2024-05-06T07:08:09Z\", \"extra\": \"x\"}]");
    List<Map<String, Object>> records = RestApiTests.records(RestApiTests.read(config));
    assertThat(records).singleElement().satisfies(record -> {
      assertThat(record).containsOnlyKeys("id", "amount", "created");
      assertThat(record.get("id")).isEqualTo(1L);
      assertThat(record.get("amount")).isEqualTo("2.5");
      assertThat(record.get("created")).isEqualTo(OffsetDateTime.parse("2024-05-06T07:08:09Z"));
    });
  }

  @Test
  void aFirstPageWithoutRecordsCannotBeInferredFrom() {
    ObjectNode config = RestApiTests.config(api, "/items", "{\"records_path\": \"data.items\"}");
    api.json("{\"data\": {\"item\": [{\"id\": 1}]}}");

    assertThatThrownBy(() -> RestApiTests.SOURCE.discover(config)).isInstanceOf(ConnectorException.class)
        .hasMessageContaining("Stream 'items': the first page has no records at records_path [data, items]")
        .hasMessageContaining("give json_schema");
  }

  @Test
  void aKeyFieldTheRecordsLackIsNamed() {
    ObjectNode config = RestApiTests.config(api, "/items", "{\"primary_key\": [\"id\", \"region\"]}");
    api.json("[{\"id\": 1, \"name\": \"one\"}]");

    assertThatThrownBy(() -> RestApiTests.SOURCE.discover(config)).isInstanceOf(ConnectorException.class)
        .hasMessage("Stream 'items': the records of the first page lack the primary key field 'region'; their"
            + " fields are [id, name]");
  }
}
