package dev.gale.connectors.declarative.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.contract.RecordingOutput;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.StreamDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An API that fails: what check, discover and read tell the user. */
class RestApiErrorsTest {
  private final ApiServer api = new ApiServer();

  @AfterEach
  void close() {
    api.close();
  }

  private ObjectNode config(String more) {
    return RestApiTests.config(api, "/users", more);
  }

  private static final String SCHEMA = "{\"json_schema\": {\"type\": \"object\", \"properties\": {\"id\": {\"type\":"
      + " \"integer\"}}}}";

  @Test
  void checkNamesTheRequestAndTheStatusOfANotFound() {
    api.respond(404, "{\"message\": \"no such resource\"}");

    AirbyteConnectionStatus status = RestApiTests.SOURCE.check(config("{}"));

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("Stream 'users'").contains("GET " + api.url() + "/users")
        .contains("HTTP 404").contains("no such resource");
  }

  @Test
  void readFailsOnANotFoundAsAConfigurationProblem() {
    api.respond(404, "{\"message\": \"no such resource\"}");

    assertThatThrownBy(() -> RestApiTests.read(config(SCHEMA))).isInstanceOfSatisfying(ConnectorException.class,
        e -> {
          assertThat(e.kind()).isEqualTo(ConnectorException.Kind.CONFIG);
          assertThat(e.getMessage()).contains("GET " + api.url() + "/users").contains("HTTP 404");
        });
  }

  @Test
  void malformedJsonIsNamedAsSuchByReadAndDiscover() throws Exception {
    api.json("{\"data\": [{\"id\": 1},").json("{\"data\": [{\"id\": 1},");

    // A read gives no records and an ERROR line, as Airbyte's JsonDecoder does; discover cannot infer a schema from
    // that page, so it fails, naming the cause.
    RecordingOutput read = RestApiTests.read(config(SCHEMA));
    assertThat(read.rows(StreamDescriptor.of("users"))).isEmpty();
    assertThat(read.logs()).anyMatch(line -> line.startsWith("ERROR") && line.contains(
        "Stream 'users': the response to GET " + api.url() + "/users (HTTP 200") && line.contains("is not valid JSON"));
    assertThatThrownBy(() -> RestApiTests.SOURCE.discover(config("{}"))).isInstanceOf(ConnectorException.class)
        .hasMessageContaining("is not valid JSON");
  }

  @Test
  void recordsThatAreNotObjectsAreRefused() {
    api.json("{\"data\": [1, 2]}");

    assertThatThrownBy(() -> RestApiTests.read(config("{\"records_path\": \"data\", " + SCHEMA.substring(1))))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("must be JSON objects");
  }

  @Test
  void anInvalidConfigurationFailsTheCheckWithoutARequest() {
    AirbyteConnectionStatus status = RestApiTests.SOURCE.check(config("{\"method\": \"PUT\"}"));

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("method must be one of [GET, POST]");
    assertThat(api.requestCount()).isZero();
  }
}
