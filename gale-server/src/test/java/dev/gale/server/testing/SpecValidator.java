package dev.gale.server.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks one HTTP exchange against an OpenAPI document. For a 2xx answer both request and response must conform;
 * for an error answer only the response must (tests send wrong requests on purpose).
 */
public final class SpecValidator {
  /** Set by the CI gate to Airbyte's Config API document; unset in the ordinary test run. */
  public static final String AIRBYTE_SPEC_PROPERTY = "gale.airbyte.config.spec";

  private final String name;
  private final OpenApiInteractionValidator strict;
  private final OpenApiInteractionValidator responsesOnly;

  private SpecValidator(String name, OpenApiInteractionValidator.Builder strict, OpenApiInteractionValidator.Builder responsesOnly,
                        boolean ignoreRequestsOfErrors) {
    this.name = name;
    this.strict = strict.build();
    this.responsesOnly = ignoreRequestsOfErrors
        ? responsesOnly.withLevelResolver(LevelResolver.create().withLevel("validation.request", ValidationReport.Level.IGNORE).build()).build()
        : responsesOnly.build();
  }

  /**
   * Gale's own served document: paths are absolute ({@code /api/v1/...}). Responses must not carry a property the
   * document does not declare; requests may (Gale ignores unknown fields, as scripts send whole objects back).
   */
  public static SpecValidator forInlineDocument(String name, String json) {
    LevelResolver unknownRequestFieldsAllowed = LevelResolver.create()
        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
        .build();
    return new SpecValidator(name,
        OpenApiInteractionValidator.createForInlineApiSpecification(json).withLevelResolver(unknownRequestFieldsAllowed),
        OpenApiInteractionValidator.createForInlineApiSpecification(json), true);
  }

  /**
   * Airbyte's Config API document, when the gate names it. Its paths are {@code /v1/...} under the server
   * {@code /api}. Gale serves more endpoints than this 2023 document knows; those are left to Gale's own document.
   */
  public static Optional<SpecValidator> airbyteConfigSpec() {
    String location = System.getProperty(AIRBYTE_SPEC_PROPERTY, "");
    if (location.isBlank()) {
      return Optional.empty();
    }
    Path path = Path.of(location).toAbsolutePath();
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(AIRBYTE_SPEC_PROPERTY + " names no file: " + path);
    }
    // Airbyte answers 400, 401 and 409 without documenting them in this document; their bodies are still checked
    // against Gale's own document.
    LevelResolver levels = LevelResolver.create()
        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
        .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
        .build();
    String document = asOpenApiReadsIt(path);
    return Optional.of(new SpecValidator("Airbyte " + path.getFileName(),
        OpenApiInteractionValidator.createForInlineApiSpecification(document).withBasePathOverride("/api")
            .withLevelResolver(levels),
        OpenApiInteractionValidator.createForInlineApiSpecification(document).withBasePathOverride("/api")
            .withLevelResolver(LevelResolver.create()
                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                .build()),
        false));
  }

  /**
   * Airbyte's document with the meaning OpenAPI gives it. The validator closes every object schema that does not
   * say {@code additionalProperties}, which would reject the fields newer Airbyte versions add (and that clients
   * generated from this document accept); so an absent {@code additionalProperties} becomes the {@code true} it
   * means, and the objects Airbyte closes on purpose ({@code AirbyteStream}...) stay closed. And
   * {@code AirbyteStream} requires {@code json_schema}, a known mistake for its property {@code jsonSchema}: with
   * the object closed, no stream could pass either way.
   */
  private static String asOpenApiReadsIt(Path path) {
    JsonNode document;
    try {
      document = new YAMLMapper().readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    document.path("components").path("schemas").forEach(SpecValidator::openUnlessClosed);
    ArrayNode required = (ArrayNode) document.at("/components/schemas/AirbyteStream/required");
    for (int i = 0; i < required.size(); i++) {
      if (required.get(i).asText().equals("json_schema")) {
        required.set(i, "jsonSchema");
      }
    }
    return document.toString();
  }

  private static void openUnlessClosed(JsonNode schema) {
    if (!(schema instanceof ObjectNode object) || object.has("$ref")) {
      return;
    }
    if (object.has("properties")) {
      if (!object.has("additionalProperties")) {
        object.put("additionalProperties", true);
      }
      object.get("properties").forEach(SpecValidator::openUnlessClosed);
    }
    openUnlessClosed(object.get("items"));
    openUnlessClosed(object.get("additionalProperties"));
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      object.path(combinator).forEach(SpecValidator::openUnlessClosed);
    }
  }

  /** Throws an AssertionError listing every violation. */
  public void check(String method, String path, String authorization, String requestBody, String requestType, int status,
                    String responseType, String responseBody) {
    SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), path)
        .withHeader("Authorization", authorization == null ? "" : authorization);
    if (requestBody != null) {
      request.withBody(requestBody).withContentType(requestType == null ? "application/json" : requestType);
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(status);
    if (responseBody != null && !responseBody.isEmpty()) {
      response.withBody(responseBody).withContentType(responseType);
    }
    OpenApiInteractionValidator validator = status >= 200 && status < 300 ? strict : responsesOnly;
    ValidationReport report = validator.validate(request.build(), response.build());
    if (report.hasErrors()) {
      StringBuilder message = new StringBuilder(method + " " + path + " -> " + status + " breaks " + name + ":");
      report.getMessages().stream()
          .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
          .forEach(m -> message.append("\n  - ").append(m.getKey()).append(": ").append(m.getMessage()));
      message.append("\n  request: ").append(requestBody).append("\n  response: ").append(responseBody);
      throw new AssertionError(message.toString());
    }
  }
}
