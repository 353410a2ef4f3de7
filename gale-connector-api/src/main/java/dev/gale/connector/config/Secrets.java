package dev.gale.connector.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values of one configuration, for masking text that leaves the connector: every value of a property the
 * spec marks {@code airbyte_secret}, in clear, URL-encoded and in the Base64 of basic authentication, plus tokens
 * learned while reading (OAuth access tokens, session tokens). Thread-safe.
 */
public final class Secrets {
  private static final String MASK = "****";
  private final Set<String> values = ConcurrentHashMap.newKeySet();

  private Secrets() {}

  public static Secrets none() {
    return new Secrets();
  }

  /** The secrets of {@code config} as {@code connectionSpecification} declares them. */
  public static Secrets of(JsonNode connectionSpecification, JsonNode config) {
    Secrets secrets = new Secrets();
    collect(connectionSpecification, config, secrets);
    return secrets;
  }

  /** Adds a value learned while reading, such as an access token. */
  public void add(String secret) {
    if (secret == null || secret.length() < 3) {
      return;
    }
    values.add(secret);
    values.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
  }

  /** Also masks {@code username:password} as basic authentication encodes it. */
  public void addBasic(String username, String password) {
    if (password != null && !password.isEmpty()) {
      add(Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** {@code text} with every secret replaced by {@code ****}, longest first so parts of a secret never show. */
  public String mask(String text) {
    if (text == null || values.isEmpty()) {
      return text;
    }
    List<String> ordered = new ArrayList<>(values);
    ordered.sort(Comparator.comparingInt(String::length).reversed());
    String masked = text;
    for (String secret : ordered) {
      masked = masked.replace(secret, MASK);
    }
    return masked;
  }

  private static void collect(JsonNode schema, JsonNode value, Secrets secrets) {
    if (schema == null || value == null || value.isNull() || value.isMissingNode()) {
      return;
    }
    if (schema.path("airbyte_secret").asBoolean(false) && value.isValueNode()) {
      secrets.add(value.asText());
    }
    if (value.isObject()) {
      schema.path("properties").properties().forEach(property ->
          collect(property.getValue(), value.get(property.getKey()), secrets));
      // A secret inside one of several options (oneOf/anyOf/allOf): every option's declarations apply.
      for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
        for (JsonNode option : schema.path(combinator)) {
          collect(option, value, secrets);
        }
      }
    }
    if (value.isArray() && schema.has("items")) {
      for (JsonNode item : value) {
        collect(schema.get("items"), item, secrets);
      }
    }
  }
}
