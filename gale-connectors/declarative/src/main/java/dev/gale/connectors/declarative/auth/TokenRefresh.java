package dev.gale.connectors.declarative.auth;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connectors.declarative.errors.ApiErrorMessage;
import dev.gale.connectors.declarative.incremental.DatetimeFormat;
import dev.gale.connectors.declarative.incremental.Datetimes;
import dev.gale.connectors.declarative.requester.Urls;
import dev.gale.connectors.declarative.runtime.HttpCall;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The token request of OAuth 2.0 as the CDK sends it: a form POST of {@code grant_type}, client id and secret (left
 * out when the refresh headers carry an {@code Authorization}), refresh token (left out when empty), {@code scopes} and
 * the manifest's extra body fields; or the same as query parameters. The access token and its lifetime are found at
 * any depth of the JSON response. 429 and 5xx are retried; a 4xx whose body names an invalid grant says to
 * re-authenticate.
 *
 * @param expiryDateFormat when set, the expiry field is a date in this format rather than seconds
 */
public record TokenRefresh(Template clientIdName, Template clientId, Template clientSecretName, Template clientSecret,
                           Template refreshTokenName, Template refreshToken, Template accessTokenName,
                           Template expiresInName, Template grantTypeName, Template grantType,
                           Map<String, Object> body, Map<String, Object> headers, boolean asQueryParameters,
                           List<String> scopes, String expiryDateFormat, Set<Integer> errorStatusCodes,
                           String errorKey, Set<String> errorValues, Map<String, Object> parameters) {
  private static final int MAX_RETRIES = 5;

  public TokenRefresh {
    requireNonNull(accessTokenName, "accessTokenName is null");
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
    errorStatusCodes = errorStatusCodes == null ? Set.of() : Set.copyOf(errorStatusCodes);
    errorValues = errorValues == null ? Set.of() : Set.copyOf(errorValues);
  }

  public record Token(String accessToken, Instant expires) {}

  Token refresh(Run run, String endpoint) throws InterruptedException {
    Map<String, Object> fields = fields(run);
    Map<String, String> requestHeaders = new LinkedHashMap<>();
    evalMap(run, headers).forEach((key, value) -> requestHeaders.put(key, Values.pythonString(value)));
    String url = endpoint;
    byte[] form = null;
    if (asQueryParameters) {
      url += (url.contains("?") ? "&" : "?") + Urls.encode(fields);
    } else {
      form = Urls.encode(fields).getBytes(StandardCharsets.UTF_8);
      requestHeaders.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
    }
    HttpCall call = new HttpCall("POST", Urls.requote(url), requestHeaders, form);
    for (int attempt = 0; ; attempt++) {
      HttpResult response;
      try {
        response = run.transport().send(call);
      } catch (IOException e) {
        if (attempt >= MAX_RETRIES) {
          throw new ConnectorException(ConnectorException.Kind.TRANSIENT,
              "The OAuth access token request failed: " + e.getClass().getSimpleName(), null);
        }
        run.sleeper().sleep(Duration.ofSeconds(1L << attempt));
        continue;
      }
      run.log(LogLevel.DEBUG, "POST " + call.url() + " (OAuth token) -> HTTP " + response.status());
      if (response.status() == 429 || response.status() >= 500) {
        if (attempt >= MAX_RETRIES) {
          throw new ConnectorException(ConnectorException.Kind.TRANSIENT, "The OAuth access token request failed with"
              + " HTTP " + response.status() + " after " + MAX_RETRIES + " retries", null);
        }
        run.sleeper().sleep(Duration.ofSeconds(1L << attempt));
        continue;
      }
      if (!response.ok()) {
        run.exchanges().auxiliary("Refresh token", response);
        throw rejected(run, response);
      }
      // Reported once the token is a known secret, so that a test read shows the response masked.
      Token token = token(run, response);
      run.exchanges().auxiliary("Refresh token", response);
      return token;
    }
  }

  private Map<String, Object> fields(Run run) {
    Map<String, Object> requestHeaders = evalMap(run, headers);
    boolean credentialsInHeader = requestHeaders.keySet().stream().anyMatch("Authorization"::equals);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(grantTypeName.evalString(run, Map.of()), grantType.evalString(run, Map.of()));
    if (!credentialsInHeader) {
      fields.put(clientIdName.evalString(run, Map.of()), clientId == null ? null : clientId.evalString(run, Map.of()));
      fields.put(clientSecretName.evalString(run, Map.of()),
          clientSecret == null ? null : clientSecret.evalString(run, Map.of()));
    }
    String refresh = refreshToken == null ? null : refreshToken.evalString(run, Map.of());
    fields.put(refreshTokenName.evalString(run, Map.of()), refresh == null || refresh.isEmpty() ? null : refresh);
    if (!scopes.isEmpty()) {
      fields.put("scopes", scopes);
    }
    evalMap(run, body).forEach(fields::putIfAbsent);
    return fields;
  }

  private Token token(Run run, HttpResult response) {
    Object json;
    try {
      json = response.json();
    } catch (IOException e) {
      throw new ConnectorException("The OAuth token endpoint did not answer with JSON");
    }
    String tokenName = accessTokenName.evalString(run, Map.of());
    Object accessToken = find(json, tokenName, 0);
    if (accessToken == null || accessToken.toString().isEmpty()) {
      throw new ConnectorException("The OAuth token endpoint's response has no " + tokenName);
    }
    String token = Values.pythonString(accessToken);
    run.secrets().add(token);
    Object expiresIn = find(json, expiresInName.evalString(run, Map.of()), 0);
    return new Token(token, expiry(run, expiresIn));
  }

  private Instant expiry(Run run, Object expiresIn) {
    Instant now = run.clock().instant();
    if (expiresIn == null) {
      return now.plus(Duration.ofHours(1));
    }
    if (expiryDateFormat != null && !expiryDateFormat.isEmpty()) {
      String text = Values.pythonString(expiresIn);
      try {
        return DatetimeFormat.of(expiryDateFormat).parse(text).toInstant();
      } catch (IllegalArgumentException e) {
        return Datetimes.parse(text).map(OffsetDateTime::toInstant).orElseThrow(() ->
            new ConnectorException("The OAuth token's expiry date does not match " + expiryDateFormat));
      }
    }
    return Values.asDouble(expiresIn).map(seconds -> now.plusSeconds(seconds.longValue())).orElseThrow(() ->
        new ConnectorException("The OAuth token's lifetime is not a number of seconds"));
  }

  private ConnectorException rejected(Run run, HttpResult response) {
    Object json = response.jsonOrEmpty();
    if (errorStatusCodes.contains(response.status()) && json instanceof Map<?, ?> map && errorKey != null
        && errorValues.contains(String.valueOf(map.get(errorKey)))) {
      return new ConnectorException("Refresh token is invalid or expired. Please re-authenticate the source.");
    }
    String message = "The OAuth token endpoint refused the request with HTTP " + response.status()
        + ApiErrorMessage.of(response).map(text -> ": " + text).orElse("");
    return new ConnectorException(run.secrets().mask(message));
  }

  private Map<String, Object> evalMap(Run run, Map<String, Object> templates) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (templates == null) {
      return values;
    }
    templates.forEach((key, value) -> {
      Object evaluated = value instanceof String text ? Template.of(text, parameters).eval(run, Map.of()) : value;
      if (evaluated != null) {
        values.put(Template.of(key, parameters).evalString(run, Map.of()), evaluated);
      }
    });
    return values;
  }

  // The CDK looks for the token's fields at any depth, up to five levels.
  private static Object find(Object data, String key, int depth) {
    if (depth > 5) {
      return null;
    }
    if (data instanceof Map<?, ?> map) {
      if (map.containsKey(key)) {
        return map.get(key);
      }
      for (Object value : map.values()) {
        Object found = find(value, key, depth + 1);
        if (found != null) {
          return found;
        }
      }
    } else if (data instanceof List<?> list) {
      for (Object item : list) {
        Object found = find(item, key, depth + 1);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
