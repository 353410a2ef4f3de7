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
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks one HTTP exchange against an OpenAPI document. For a 2xx answer both request and response must conform;
 * for an error answer only the response must (tests send wrong requests on purpose).
 */
public final class SpecValidator {
  /** Set by the CI gate to Airbyte's Config API document; unset in the ordinary test run. */
  public static final String AIRBYTE_SPEC_PROPERTY = "gale.airbyte.config.spec";
  /** Set by the CI gate to Airbyte's Public API document ({@code api.yaml}); unset in the ordinary test run. */
  public static final String AIRBYTE_PUBLIC_SPEC_PROPERTY = "gale.airbyte.public.spec";
  /** Names Airbyte's current Config API document, where it is not beside the checkout. */
  public static final String AIRBYTE_CURRENT_SPEC_PROPERTY = "gale.airbyte.current.config.spec";

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
    return airbyteSpec(AIRBYTE_SPEC_PROPERTY, "/api");
  }

  /**
   * Airbyte's Public API document, when the gate names it. Its server is {@code https://api.airbyte.com/v1}; OSS
   * mounts it at {@code /api/public/v1}. Config API paths are not in it and are left to the other documents.
   */
  public static Optional<SpecValidator> airbytePublicSpec() {
    return airbyteSpec(AIRBYTE_PUBLIC_SPEC_PROPERTY, "/api/public/v1");
  }

  /**
   * Airbyte's current Config API document ({@code config.yaml}), for the endpoints that its 2023 document lacks (the
   * connector builder's, the declarative definitions'): named by {@code -Dgale.airbyte.current.config.spec}, else
   * read from {@code ../shared/reference} beside the checkout; absent in a bare clone.
   */
  public static Optional<SpecValidator> airbyteCurrentConfigSpec() {
    String configured = System.getProperty(AIRBYTE_CURRENT_SPEC_PROPERTY, "");
    // Tests run in the module's folder; the reference folder is beside the checkout.
    Path path = (configured.isBlank()
        ? Path.of("..", "..", "shared", "reference", "airbyte-platform", "config.yaml") : Path.of(configured))
        .toAbsolutePath().normalize();
    return Files.isRegularFile(path) ? Optional.of(airbyteDocument(path, "/api")) : Optional.empty();
  }

  private static Optional<SpecValidator> airbyteSpec(String property, String basePath) {
    String location = System.getProperty(property, "");
    if (location.isBlank()) {
      return Optional.empty();
    }
    Path path = Path.of(location).toAbsolutePath();
    if (!Files.isRegularFile(path)) {
      throw new IllegalStateException(property + " names no file: " + path);
    }
    return Optional.of(airbyteDocument(path, basePath));
  }

  private static SpecValidator airbyteDocument(Path path, String basePath) {
    // Airbyte answers 400, 401 and 409 without documenting them all; their bodies are still checked against Gale's
    // own document.
    LevelResolver levels = LevelResolver.create()
        .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
        .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
        .build();
    String document = asOpenApiReadsIt(path);
    return new SpecValidator("Airbyte " + path.getFileName(),
        OpenApiInteractionValidator.createForInlineApiSpecification(document).withBasePathOverride(basePath)
            .withLevelResolver(levels),
        OpenApiInteractionValidator.createForInlineApiSpecification(document).withBasePathOverride(basePath)
            .withLevelResolver(LevelResolver.create()
                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                // Airbyte documents many error statuses without a body yet answers problem bodies on them; those
                // bodies are checked against Gale's own document.
                .withLevel("validation.response.body.unexpected", ValidationReport.Level.IGNORE)
                .build()),
        false);
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
    openDanglingReferences(document, document);
    dropDiscriminators(document);
    // api.yaml says OpenAPI 3.1 but uses nothing 3.0 lacks; read as 3.1, the validator loses the types of query
    // parameters (it parses workspaceIds=<uuid> as JSON), so it reads it as the 3.0 document it is.
    if (document.path("openapi").asText().startsWith("3.1")) {
      ((ObjectNode) document).put("openapi", "3.0.3");
    }
    JsonNode streamRequired = document.at("/components/schemas/AirbyteStream/required");
    ArrayNode required = streamRequired instanceof ArrayNode array ? array : new YAMLMapper().createArrayNode();
    for (int i = 0; i < required.size(); i++) {
      if (required.get(i).asText().equals("json_schema")) {
        required.set(i, "jsonSchema");
      }
    }
    return document.toString();
  }

  /**
   * The validator refuses to load a document whose discriminator names a property the schema does not declare as a
   * string of its own; Airbyte's Public API document has two such (RowFilteringOperation,
   * EncryptionMapperConfiguration, reached from every connection through its stream mappers). Their discriminators
   * go: a discriminator only says which {@code oneOf} schema to try, and the {@code oneOf} still decides.
   */
  private static void dropDiscriminators(JsonNode document) {
    for (JsonNode schema : document.path("components").path("schemas")) {
      if (schema instanceof ObjectNode object) {
        object.remove("discriminator");
      }
    }
  }

  /**
   * Airbyte's Public API document refers to a few components it does not define (a dataplane response body, a
   * forbidden response): the validator refuses to load it as it is. Such a reference becomes what it can only mean:
   * any schema, or an undescribed response.
   */
  private static void openDanglingReferences(JsonNode node, JsonNode document) {
    if (node instanceof ObjectNode object && object.path("$ref").asText("").startsWith("#/")) {
      String pointer = object.get("$ref").asText().substring(1);
      if (document.at(pointer).isMissingNode()) {
        object.remove("$ref");
        if (pointer.startsWith("/components/responses/")) {
          object.put("description", "undefined in the document");
        }
      }
    }
    node.forEach(child -> openDanglingReferences(child, document));
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

  private static final Pattern SECRET_VALUE = Pattern.compile(
      "(\"(?:client_secret|clientSecret|access_token|password|secret)\"\\s*:\\s*)\"[^\"]*\"");

  /** A body as a failure message may show it: test output must not carry secrets or tokens either. */
  public static String redacted(String body) {
    return body == null ? null : SECRET_VALUE.matcher(body).replaceAll("$1\"**********\"");
  }

  /**
   * Throws an AssertionError listing every violation.
   *
   * @param target the request's path, with its query when it has one (the query parameters are checked too)
   */
  public void check(String method, String target, String authorization, String requestBody, String requestType, int status,
                    String responseType, String responseBody) {
    URI uri = URI.create(target);
    SimpleRequest.Builder request = new SimpleRequest.Builder(Request.Method.valueOf(method), uri.getPath())
        .withHeader("Authorization", authorization == null ? "" : authorization);
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    query.forEach(request::withQueryParam);
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
      StringBuilder message = new StringBuilder(method + " " + target + " -> " + status + " breaks " + name + ":");
      report.getMessages().stream()
          .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
          .forEach(m -> message.append("\n  - ").append(m.getKey()).append(": ").append(m.getMessage()));
      message.append("\n  request: ").append(redacted(requestBody)).append("\n  response: ").append(redacted(responseBody));
      throw new AssertionError(message.toString());
    }
  }
}
