package dev.gale.server.testing;

import dev.gale.protocol.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Drives a running Gale over HTTP with the JDK client, as an outside client would. Every exchange is checked against
 * Gale's own served OpenAPI document and, in the CI gate, against Airbyte's Config API and Public API documents.
 */
public final class ApiClient {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  private final URI base;
  private final String authorization;
  private final List<SpecValidator> validators;
  private final String userAgent;

  private ApiClient(URI base, String authorization, List<SpecValidator> validators, String userAgent) {
    this.base = base;
    this.authorization = authorization;
    this.validators = validators;
    this.userAgent = userAgent;
  }

  /** A client with Airbyte's default credentials that validates against the served document. */
  public static ApiClient connect(URI base, String user, String password) {
    ApiClient bootstrap = new ApiClient(base, basic(user, password), List.of(), null);
    ApiResponse openApi = bootstrap.send("GET", "/api/v1/openapi", null, null);
    if (openApi.status() != 200) {
      throw new IllegalStateException("No OpenAPI document served: " + openApi);
    }
    List<SpecValidator> validators = new ArrayList<>();
    validators.add(SpecValidator.forInlineDocument("Gale's OpenAPI document", openApi.rawBody()));
    SpecValidator.airbyteConfigSpec().ifPresent(validators::add);
    SpecValidator.airbytePublicSpec().ifPresent(validators::add);
    return new ApiClient(base, bootstrap.authorization, List.copyOf(validators), null);
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The same client sending another Authorization header (null for none). */
  public ApiClient withAuthorization(String authorization) {
    return new ApiClient(base, authorization, validators, userAgent);
  }

  /** The same client sending this {@code User-Agent}, as a generated SDK names itself. */
  public ApiClient withUserAgent(String newUserAgent) {
    return new ApiClient(base, authorization, validators, newUserAgent);
  }

  /**
   * The same client checking exchanges against Gale's own document only: for requests Gale accepts beyond Airbyte's
   * 2023 document (such as streams named only by their name, completed from discovery).
   */
  public ApiClient beyondAirbyteDocument() {
    return new ApiClient(base, authorization, validators.subList(0, 1), userAgent);
  }

  /**
   * The same client checking every exchange against one more document, when there is one: Airbyte's current Config
   * API document, say, for endpoints its 2023 document lacks.
   */
  public ApiClient alsoCheckedBy(Optional<SpecValidator> validator) {
    if (validator.isEmpty()) {
      return this;
    }
    List<SpecValidator> all = new ArrayList<>(validators);
    all.add(validator.get());
    return new ApiClient(base, authorization, List.copyOf(all), userAgent);
  }

  /**
   * The same client checking nothing: only for leniencies no OpenAPI document can express, such as a list query
   * parameter joined with commas ({@code ids=a,b}) where documents describe repeated names.
   */
  public ApiClient unchecked() {
    return new ApiClient(base, authorization, List.of(), userAgent);
  }

  /** POSTs a body (a record, map, JSON node, or a raw JSON string) to a Config API path. */
  public ApiResponse post(String path, Object body) {
    String json = body == null ? null : body instanceof String raw ? raw : Json.write(body);
    return send("POST", path, json, "application/json");
  }

  public ApiResponse get(String path) {
    return send("GET", path, null, null);
  }

  /** PATCHes a JSON body (a record, map, JSON node, or raw JSON string) to a Public API path. */
  public ApiResponse patch(String path, Object body) {
    return send("PATCH", path, body instanceof String raw ? raw : Json.write(body), "application/json");
  }

  /** PUTs a JSON body to a Public API path. */
  public ApiResponse put(String path, Object body) {
    return send("PUT", path, body instanceof String raw ? raw : Json.write(body), "application/json");
  }

  public ApiResponse delete(String path) {
    return send("DELETE", path, null, null);
  }

  /** Sends exactly what it is given: no body when {@code body} is null, and no Content-Type when that is null. */
  public ApiResponse send(String method, String path, String body, String contentType) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    Optional.ofNullable(contentType).ifPresent(type -> request.header("Content-Type", type));
    Optional.ofNullable(authorization).ifPresent(auth -> request.header("Authorization", auth));
    Optional.ofNullable(userAgent).ifPresent(agent -> request.header("User-Agent", agent));
    HttpResponse<String> response;
    try {
      response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    ApiResponse answer = new ApiResponse(response.statusCode(), response.headers(), response.body());
    for (SpecValidator validator : validators) {
      validator.check(method, path, authorization, body, contentType, answer.status(),
          response.headers().firstValue("Content-Type").orElse(""), answer.rawBody());
    }
    return answer;
  }
}
