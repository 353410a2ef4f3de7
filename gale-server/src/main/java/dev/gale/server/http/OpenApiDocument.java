package dev.gale.server.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gale's own OpenAPI 3.0 document, generated from the routes it serves and the records they read and write.
 * Every endpoint documents its error answers in Airbyte's shapes.
 */
public final class OpenApiDocument {
  private OpenApiDocument() {}

  public static Map<String, Object> of(List<Route<?, ?>> routes, String version) {
    Schemas schemas = new Schemas();
    Map<String, Object> errorRefs = Map.of(
        "400", response("The request cannot be read", schemas.schemaOf(ErrorBodies.KnownExceptionInfo.class)),
        "401", response("Missing or wrong credentials", schemas.schemaOf(ErrorBodies.KnownExceptionInfo.class)),
        "404", response("No object with the given id", schemas.schemaOf(ErrorBodies.NotFoundKnownExceptionInfo.class)),
        "409", response("The request conflicts with the current state", schemas.schemaOf(ErrorBodies.KnownExceptionInfo.class)),
        "422", response("The input failed validation", schemas.schemaOf(ErrorBodies.InvalidInputExceptionInfo.class)));

    Map<String, Object> problem = schemas.schemaOf(ErrorBodies.Problem.class);
    Map<String, Object> problemRefs = new TreeMap<>();
    errorRefs.forEach((status, ref) -> problemRefs.put(status, response(
        String.valueOf(((Map<?, ?>) ref).get("description")), problem)));
    // The Public API refuses some changes outright (a workspace changing a definition built into Gale), as Airbyte's
    // documents its 403 "Not allowed".
    problemRefs.put("403", response("Not allowed", problem));

    Map<String, Map<String, Object>> paths = new TreeMap<>();
    for (Route<?, ?> route : routes) {
      Map<String, Object> operation = new LinkedHashMap<>();
      operation.put("tags", List.of(route.tag()));
      operation.put("summary", route.summary());
      operation.put("operationId", operationId(route));
      List<Map<String, Object>> parameters = new ArrayList<>(pathParameters(route.path()));
      route.queryParameters().forEach(parameter -> parameters.add(parameter.document()));
      if (!parameters.isEmpty()) {
        operation.put("parameters", parameters);
      }
      if (route.requestType() != null) {
        Map<String, Object> body = Map.of("schema", schemas.schemaOf(route.requestType()));
        operation.put("requestBody", Map.of("required", false, "content",
            route.acceptsForm() ? Map.of("application/json", body, Route.FORM, body) : Map.of("application/json", body)));
      } else if (route.method().equals("POST")) {
        // A bodyless Config API call: clients send nothing or {}, and both are read the same way.
        operation.put("requestBody", Map.of("required", false,
            "content", Map.of("application/json", Map.of("schema", Map.of("type", "object")))));
      }
      Map<String, Object> responses = new TreeMap<>();
      if (route.answersNoContent()) {
        responses.put(String.valueOf(route.successStatus()), Map.of("description", "Done; no content"));
      } else {
        responses.put(String.valueOf(route.successStatus()), Map.of("description", "Success",
            "content", Map.of(route.produces(), Map.of("schema", schemas.schemaOf(route.responseType())))));
      }
      // Open routes fail too (a token request with wrong credentials is a 401).
      responses.putAll(ErrorBodies.problemStyle(route.path()) ? problemRefs : errorRefs);
      route.otherErrors().forEach((status, meaning) -> responses.put(String.valueOf(status), response(meaning,
          ErrorBodies.problemStyle(route.path()) ? problem : schemas.schemaOf(ErrorBodies.KnownExceptionInfo.class))));
      operation.put("responses", responses);
      if (route.open()) {
        operation.put("security", List.of());
      }
      paths.computeIfAbsent(route.path(), p -> new TreeMap<>()).put(route.method().toLowerCase(), operation);
    }

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.0.3");
    document.put("info", Map.of("title", "Gale API", "version", version,
        "description", "Gale's Airbyte-compatible Config API. Generated from the routes the server serves."));
    document.put("servers", List.of(Map.of("url", "/")));
    document.put("security", List.of(Map.of("basicAuth", List.of()), Map.of("bearerAuth", List.of())));
    document.put("paths", paths);
    document.put("components", Map.of(
        "schemas", schemas.components(),
        "securitySchemes", Map.of(
            "basicAuth", Map.of("type", "http", "scheme", "basic"),
            "bearerAuth", Map.of("type", "http", "scheme", "bearer", "bearerFormat", "JWT"))));
    return document;
  }

  private static Map<String, Object> response(String description, Map<String, Object> schema) {
    return Map.of("description", description, "content", Map.of("application/json", Map.of("schema", schema)));
  }

  private static List<Map<String, Object>> pathParameters(String path) {
    return java.util.Arrays.stream(path.split("/"))
        .filter(segment -> segment.startsWith("{") && segment.endsWith("}"))
        .map(segment -> Map.<String, Object>of("name", segment.substring(1, segment.length() - 1), "in", "path",
            "required", true, "schema", Map.of("type", "string")))
        .toList();
  }

  private static String operationId(Route<?, ?> route) {
    StringBuilder id = new StringBuilder(route.method().toLowerCase());
    for (String segment : route.path().split("[/_{}]")) {
      if (!segment.isEmpty() && !segment.equals("api") && !segment.equals("v1")) {
        id.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
      }
    }
    return id.toString();
  }
}
