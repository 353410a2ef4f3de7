package dev.gale.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.http.ErrorBodies;
import java.util.ArrayList;
import java.util.List;

/**
 * The operations of Gale's served OpenAPI document, for tests generated from it (so a route added later is held to
 * them without a test of its own), and the check every deliberately wrong request's answer must pass.
 */
public final class ServedOperations {
  private ServedOperations() {}

  /** One operation: its method (upper case), its path template ({@code /api/public/v1/sources/{sourceId}}). */
  public record Operation(String method, String template, JsonNode operation) {
    /** The template with every path parameter set to an id that names nothing. */
    public String pathWith(String id) {
      return template.replaceAll("\\{[^}]+}", id);
    }

    /** The schema of its JSON request body, resolved; a missing node when it takes none. */
    public JsonNode jsonBodySchema(JsonNode document) {
      JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
      return schema.isMissingNode() ? schema : resolve(schema, document);
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  /** Every operation of the document, in its order. */
  public static List<Operation> of(JsonNode document) {
    List<Operation> operations = new ArrayList<>();
    document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(
        operation -> operations.add(new Operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue()))));
    return operations;
  }

  /** The schema a {@code $ref} points to, else the schema itself. */
  public static JsonNode resolve(JsonNode schema, JsonNode document) {
    return schema.has("$ref") ? document.at(schema.path("$ref").asText().substring(1)) : schema;
  }

  /** A 4xx in the error shape of the path's API (problem details or Airbyte's), never a 500 nor a stack trace. */
  public static JsonNode assertClientError(String template, ApiResponse response) {
    assertThat(response.status()).as("%s answered %s", template, SpecValidator.redacted(response.rawBody())).isBetween(400, 499);
    return ErrorBodies.problemStyle(template) ? response.expectProblem(response.status()) : response.expectError(response.status());
  }
}
