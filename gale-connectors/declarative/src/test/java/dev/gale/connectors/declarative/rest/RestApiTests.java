package dev.gale.connectors.declarative.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.contract.RecordingOutput;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Configurations, reads and their records for the REST API source's tests. */
final class RestApiTests {
  static final RestApiSource SOURCE = new RestApiSource();

  private RestApiTests() {}

  /** A configuration reading {@code path} (with a leading slash) of {@code api}; more properties as JSON. */
  static ObjectNode config(ApiServer api, String path, String moreJson) {
    ObjectNode config = (ObjectNode) Json.parse(moreJson);
    config.put("url", api.url() + path);
    return config;
  }

  static ObjectNode config(ApiServer api, String path) {
    return config(api, path, "{}");
  }

  /** Discovers, then reads every stream in {@code mode}, from {@code state}. */
  static RecordingOutput read(JsonNode config, SyncMode mode, List<AirbyteStateMessage> state)
      throws InterruptedException {
    AirbyteCatalog catalog = SOURCE.discover(config);
    List<ConfiguredAirbyteStream> streams = new ArrayList<>();
    for (AirbyteStream stream : catalog.streams()) {
      streams.add(ConfiguredAirbyteStream.of(stream, mode, DestinationSyncMode.APPEND));
    }
    RecordingOutput output = new RecordingOutput();
    SOURCE.read(config, new ConfiguredAirbyteCatalog(streams), state, output);
    return output;
  }

  static RecordingOutput read(JsonNode config) throws InterruptedException {
    return read(config, SyncMode.FULL_REFRESH, List.of());
  }

  /** Every record emitted, its values by column. */
  static List<Map<String, Object>> records(RecordingOutput output) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (RecordBatch batch : output.batches()) {
      List<Column> columns = batch.schema().columns();
      for (Object[] row : batch.rows()) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < row.length; i++) {
          record.put(columns.get(i).name(), row[i]);
        }
        records.add(record);
      }
    }
    return records;
  }

  /** The values of {@code field} of every record emitted. */
  static List<Object> values(RecordingOutput output, String field) {
    return records(output).stream().map(record -> record.get(field)).toList();
  }

  /** A JSON list of objects {"id": from}..{"id": to}. */
  static String ids(int from, int to) {
    List<String> items = new ArrayList<>();
    for (int id = from; id <= to; id++) {
      items.add("{\"id\": " + id + "}");
    }
    return "[" + String.join(", ", items) + "]";
  }
}
