package dev.gale.connectors.declarative.rest;

import static dev.gale.connectors.declarative.rest.RestApiTests.ids;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.contract.RecordingOutput;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each way of sending the API key, and the key never shown. */
class RestApiAuthTest {
  // Characters that URL encoding changes, so that the encoded form has to be masked too.
  private static final String KEY = "s3cr3t/k+y=42";
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  private ObjectNode config(String more) {
    return RestApiTests.config(api, "/items", "{\"json_schema\": {\"type\": \"object\", \"properties\": {\"id\":"
        + " {\"type\": \"integer\"}}}" + more + "}");
  }

  private RecordedRequest readOnePage(ObjectNode config) throws Exception {
    api.json(ids(1, 1));
    assertThat(RestApiTests.values(RestApiTests.read(config), "id")).containsExactly(1L);
    return api.take();
  }

  @Test
  void aKeyIsABearerTokenByDefault() throws Exception {
    RecordedRequest request = readOnePage(config(", \"api_key\": \"" + KEY + "\""));

    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
  }

  @Test
  void aKeyGoesInTheNamedHeader() throws Exception {
    RecordedRequest request = readOnePage(config(", \"api_key\": \"" + KEY + "\", \"auth\": {\"auth_type\":"
        + " \"header\", \"header_name\": \"X-Api-Token\"}"));

    assertThat(request.getHeaders().get("X-Api-Token")).isEqualTo(KEY);
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void aKeyGoesInTheNamedQueryParameter() throws Exception {
    RecordedRequest request = readOnePage(config(", \"api_key\": \"" + KEY + "\", \"auth\": {\"auth_type\":"
        + " \"query_parameter\", \"parameter_name\": \"key\"}, \"params\": {\"status\": \"active\"}"));

    assertThat(request.getUrl().queryParameter("key")).isEqualTo(KEY);
    assertThat(request.getUrl().queryParameter("status")).isEqualTo("active");
    assertThat(request.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void withoutAKeyNothingIsSent() throws Exception {
    RecordedRequest request = readOnePage(config(""));

    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getUrl().encodedQuery()).isNull();
  }

  @Test
  void theKeyIsInNoMessageNorLogLineEvenWhenTheApiRepeatsIt() throws Exception {
    ObjectNode config = RestApiTests.config(api, "/items", "{\"api_key\": \"" + KEY + "\", \"auth\":"
        + " {\"auth_type\": \"query_parameter\"}}");
    String rejection = "{\"error\": \"key " + KEY + " is revoked\"}";
    api.respond(403, rejection).respond(403, rejection).respond(403, rejection);
    RecordingOutput output = new RecordingOutput();
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(
        AirbyteStream.of("items", Json.parse("{\"type\": \"object\", \"properties\": {\"id\": {\"type\":"
            + " \"integer\"}}}"), List.of(SyncMode.FULL_REFRESH)), SyncMode.FULL_REFRESH,
        DestinationSyncMode.APPEND)));

    AirbyteConnectionStatus check = RestApiTests.SOURCE.check(config);
    Throwable discover = catchThrowable(() -> RestApiTests.SOURCE.discover(config));
    Throwable read = catchThrowable(() -> RestApiTests.SOURCE.read(config, catalog, List.of(), output));

    assertThat(check.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(discover).isInstanceOf(ConnectorException.class);
    assertThat(read).isInstanceOf(ConnectorException.class);
    List<String> shown = new ArrayList<>(List.of(check.message(), discover.getMessage(), read.getMessage()));
    shown.addAll(output.logs());
    String encoded = URLEncoder.encode(KEY, StandardCharsets.UTF_8);
    assertThat(shown).allSatisfy(text -> assertThat(text).doesNotContain(KEY).doesNotContain(encoded));
    assertThat(shown.subList(0, 3)).allSatisfy(message -> assertThat(message).contains("HTTP 403")
        .contains("key=****").contains("is revoked"));
    assertThat(output.logs()).anyMatch(line -> line.contains("key=****"));
  }
}
