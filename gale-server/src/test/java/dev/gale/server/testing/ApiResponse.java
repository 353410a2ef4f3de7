package dev.gale.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gale.protocol.Json;
import java.net.http.HttpHeaders;

/** An answer from the server: status, headers and the body (parsed when it is JSON). */
public record ApiResponse(int status, HttpHeaders headers, String rawBody) {
  public JsonNode body() {
    return rawBody == null || rawBody.isBlank() ? MissingNode.getInstance() : Json.parse(rawBody);
  }

  /** Asserts the status, showing the body when it differs, and returns the body. */
  public JsonNode expect(int expectedStatus) {
    assertThat(status).as("HTTP status; body: %s", SpecValidator.redacted(rawBody)).isEqualTo(expectedStatus);
    return body();
  }

  /** Asserts a Public API error: problem details {status, type, title, detail}; never a stack trace. */
  public JsonNode expectProblem(int expectedStatus) {
    JsonNode body = expect(expectedStatus);
    assertThat(body.path("status").asInt()).as("problem status").isEqualTo(expectedStatus);
    assertThat(body.path("type").asText()).as("problem type").isNotBlank();
    assertThat(body.path("title").asText()).as("problem title").isNotBlank();
    assertThat(rawBody).as("no Java frames in the body").doesNotContain("\tat ", ".java:");
    return body;
  }

  /** Asserts an error answer in Airbyte's shape: the status and a message; never a stack trace. */
  public JsonNode expectError(int expectedStatus) {
    JsonNode body = expect(expectedStatus);
    assertThat(body.path("message").asText()).as("error message").isNotBlank();
    assertThat(body.has("exceptionStack")).as("no stack trace in %s", rawBody).isFalse();
    assertThat(rawBody).as("no Java frames in the body").doesNotContain("\tat ", ".java:");
    return body;
  }
}
