package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.ApiResponse;
import dev.gale.server.testing.GaleServerExtension;
import dev.gale.server.testing.ServedOperations;
import dev.gale.server.testing.ServedOperations.Operation;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every endpoint Gale serves, read from its own OpenAPI document, sent what no client should send: a body that is no
 * JSON, JSON of the wrong kind, every property of the wrong type, ids that name nothing, query values of the wrong
 * type. Each must answer a 4xx in its API's error shape, never a 500 and never a stack trace: whatever a route adds
 * later is held to this without a test of its own.
 */
class WrongInputApiIT {
  @RegisterExtension
  static final GaleServerExtension gale = new GaleServerExtension();
  private static final AtomicInteger SENT = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> everyEndpointAnswersWrongInputWithAClientError() {
    JsonNode document = gale.api().get("/api/v1/openapi").expect(200);
    List<DynamicTest> tests = ServedOperations.of(document).stream()
        .map(operation -> DynamicTest.dynamicTest(operation.toString(), () -> sendWrongInputs(operation, document)))
        .toList();
    assertThat(tests).as("routes in the served document").hasSizeGreaterThan(150);
    return tests.stream();
  }

  private static void sendWrongInputs(Operation operation, JsonNode document) {
    // Requests are wrong on purpose: only the answers are checked, against Gale's document (not Airbyte's).
    ApiClient api = gale.api().beyondAirbyteDocument();
    String method = operation.method();
    String template = operation.template();
    boolean hasPathIds = template.contains("{");
    String path = operation.pathWith(UUID.randomUUID().toString());
    JsonNode bodySchema = operation.jsonBodySchema(document);
    boolean takesBody = bodySchema.path("properties").size() > 0;

    if (hasPathIds) {
      String body = takesBody ? "{}" : null;
      assertClientError(template, api.send(method, operation.pathWith("not-an-id"), body,
          body == null ? null : "application/json"));
      if (!takesBody) {
        assertClientError(template, api.send(method, path, null, null));
      }
    }
    if (takesBody) {
      for (String wrong : List.of("{\"unclosed\": ", "[1, 2]", "\"text\"", "42", wrongTypes(bodySchema))) {
        assertClientError(template, api.send(method, path, wrong, "application/json"));
      }
    }
    for (JsonNode parameter : operation.operation().path("parameters")) {
      if (parameter.path("in").asText().equals("query") && parameter.at("/schema/type").asText().matches("integer|boolean")
          || parameter.at("/schema/format").asText().equals("uuid")
          || parameter.at("/schema/items/format").asText().equals("uuid")) {
        assertClientError(template, api.send(method, path + "?" + parameter.path("name").asText() + "=%7Bnot-it%7D",
            null, null));
      }
    }
  }

  /** The body's object with every property set to a value no property type accepts: a deeply nested array. */
  private static String wrongTypes(JsonNode schema) {
    var body = Json.object();
    schema.path("properties").fieldNames()
        .forEachRemaining(name -> body.set(name, Json.parse("[[[{\"wrong\": true}]]]")));
    return Json.write(body);
  }

  /** The walk must stay a walk: some 670 wrong requests when this was written. */
  @AfterAll
  static void theWalkSentWrongInputEverywhere() {
    assertThat(SENT.get()).as("wrong requests sent").isGreaterThan(600);
  }

  private static void assertClientError(String template, ApiResponse response) {
    SENT.incrementAndGet();
    ServedOperations.assertClientError(template, response);
  }
}
