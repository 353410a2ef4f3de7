package dev.gale.connectors.declarative.rest;

import static dev.gale.connectors.declarative.rest.RestApiSpec.API_KEY;
import static dev.gale.connectors.declarative.rest.RestApiSpec.AUTH;
import static dev.gale.connectors.declarative.rest.RestApiSpec.INCREMENTAL;
import static dev.gale.connectors.declarative.rest.RestApiSpec.JSON_SCHEMA;
import static dev.gale.connectors.declarative.rest.RestApiSpec.METHOD;
import static dev.gale.connectors.declarative.rest.RestApiSpec.PAGINATION;
import static dev.gale.connectors.declarative.rest.RestApiSpec.PRIMARY_KEY;
import static dev.gale.connectors.declarative.rest.RestApiSpec.RECORDS_PATH;
import static dev.gale.connectors.declarative.rest.RestApiSpec.STREAM_NAME;
import static dev.gale.connectors.declarative.rest.RestApiSpec.URL;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.config.ConfigException;
import dev.gale.connector.config.ConfigValues;
import dev.gale.connectors.declarative.requester.Urls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The configuration of the REST API source, read and checked without I/O. Whatever the source could not do as asked
 * is refused here, by property: two settings that would put different values into one query parameter or header, a
 * header the HTTP client sets itself, a body for GET, an integer cursor the API is not asked to filter by.
 *
 * @param apiKey null for an API without a key
 * @param jsonSchema the schema the configuration gives, or null to infer one
 */
record RestApiConfig(String url, String method, ApiKey apiKey, RequestValues request, List<String> recordsPath,
                     Pagination pagination, String streamName, List<String> primaryKey, Incremental incremental,
                     ObjectNode jsonSchema) {

  RestApiConfig {
    requireNonNull(url, "url is null");
    requireNonNull(method, "method is null");
    requireNonNull(request, "request is null");
    recordsPath = List.copyOf(recordsPath);
    requireNonNull(pagination, "pagination is null");
    requireNonNull(streamName, "streamName is null");
    primaryKey = List.copyOf(primaryKey);
  }

  /**
   * Reads and checks {@code config}.
   *
   * @throws ConfigException naming every property at fault; no message shows the API key
   */
  static RestApiConfig read(JsonNode config) {
    if (config == null || !config.isObject()) {
      throw new ConfigException(List.of("the configuration must be a JSON object"));
    }
    ObjectNode given = declaredForms((ObjectNode) config);
    ConfigValues values = RestApiSpec.SCHEMA.read(given);
    List<String> problems = new ArrayList<>();
    URI uri = httpUri(values.get(URL), problems);
    String method = values.get(METHOD);
    ApiKey apiKey = apiKey(values, problems);
    RequestValues request = RequestValues.read(given, method, problems);
    List<String> recordsPath = values.find(RECORDS_PATH).orElse(List.of());
    ConfigPaths.checkKeys("records_path", recordsPath, problems);
    Pagination pagination = Pagination.read(values.find(PAGINATION).orElse(null), problems);
    Incremental incremental = Incremental.read(values.find(INCREMENTAL).orElse(null), given.path(INCREMENTAL.name()),
        problems);
    String streamName = values.find(STREAM_NAME).orElseGet(() -> uri == null ? "" : defaultStreamName(uri,
        problems));
    ConfigPaths.checkWritable("stream_name", streamName, problems);
    if (streamName.isBlank() && values.find(STREAM_NAME).isPresent()) {
      problems.add("stream_name must not be empty");
    }
    List<String> primaryKey = values.find(PRIMARY_KEY).orElse(List.of());
    ConfigPaths.checkKeys("primary_key", primaryKey, problems);
    primaryKey.forEach(field -> ConfigPaths.checkWritable("primary_key", field, problems));
    checkQueryParameters(values.get(URL), apiKey, request, pagination, incremental, problems);
    checkHeaders(apiKey, request, problems);
    ObjectNode jsonSchema = StreamSchemas.given(given.get(JSON_SCHEMA.name()), primaryKey, incremental, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new RestApiConfig(values.get(URL), method, apiKey, request, recordsPath, pagination, streamName,
        primaryKey, incremental, jsonSchema);
  }

  // Paths and keys may be written as one string, and an integer start value as a number: the declared form is the
  // list, and the text.
  private static ObjectNode declaredForms(ObjectNode config) {
    ObjectNode copy = config.deepCopy();
    splitPath(copy, RECORDS_PATH.name());
    JsonNode primaryKey = copy.get(PRIMARY_KEY.name());
    if (primaryKey != null && primaryKey.isTextual()) {
      ArrayNode key = copy.putArray(PRIMARY_KEY.name());
      if (!primaryKey.textValue().isEmpty()) {
        key.add(primaryKey.textValue());
      }
    }
    if (copy.get(PAGINATION.name()) instanceof ObjectNode pagination) {
      splitPath(pagination, RestApiSpec.CURSOR_PATH.name());
    }
    if (copy.get(INCREMENTAL.name()) instanceof ObjectNode incremental
        && incremental.path(RestApiSpec.START_VALUE.name()).isIntegralNumber()) {
      incremental.put(RestApiSpec.START_VALUE.name(), incremental.get(RestApiSpec.START_VALUE.name()).asText());
    }
    return copy;
  }

  private static void splitPath(ObjectNode object, String name) {
    JsonNode path = object.get(name);
    if (path != null && path.isTextual()) {
      ArrayNode keys = object.putArray(name);
      ConfigPaths.split(path.textValue()).forEach(keys::add);
    }
  }

  // The URL is not shown: it may carry credentials of its own.
  private static URI httpUri(String url, List<String> problems) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add("url must be an http:// or https:// URL with a host");
    return null;
  }

  private static ApiKey apiKey(ConfigValues values, List<String> problems) {
    String key = values.find(API_KEY).orElse(null);
    ConfigValues auth = values.find(AUTH).orElse(null);
    if (key == null || key.isEmpty()) {
      if (key != null) {
        problems.add("api_key must not be empty; leave it out for an API without a key");
      } else if (auth != null) {
        problems.add("auth says how api_key is sent, but api_key is not set");
      }
      return null;
    }
    String type = auth == null ? RestApiSpec.BEARER
        : (String) auth.schema().field("auth_type").orElseThrow().constant();
    ApiKey apiKey = switch (type) {
      case RestApiSpec.BEARER -> new ApiKey(key, ApiKey.Placement.BEARER, "Authorization");
      case RestApiSpec.HEADER -> new ApiKey(key, ApiKey.Placement.HEADER, auth.get(RestApiSpec.HEADER_NAME));
      case RestApiSpec.QUERY_PARAMETER -> new ApiKey(key, ApiKey.Placement.QUERY_PARAMETER,
          auth.get(RestApiSpec.PARAMETER_NAME));
      default -> throw new IllegalStateException("auth type " + type + " is declared but not read");
    };
    if (apiKey.placement() == ApiKey.Placement.HEADER && !RequestValues.isHeaderName(apiKey.name())) {
      problems.add("auth.header_name: '" + apiKey.name() + "' is not a valid header name");
    }
    if (apiKey.placement() == ApiKey.Placement.QUERY_PARAMETER && apiKey.name().isBlank()) {
      problems.add("auth.parameter_name must not be empty");
    }
    return apiKey;
  }

  /**
   * Each query parameter has one source: a parameter already in the URL would go out twice when its values differ (as
   * with Airbyte's requester), and two settings naming one parameter would overwrite each other.
   */
  private static void checkQueryParameters(String url, ApiKey apiKey, RequestValues request, Pagination pagination,
                                           Incremental incremental, List<String> problems) {
    Map<String, String> owned = new LinkedHashMap<>(pagination.parameters());
    if (apiKey != null && apiKey.placement() == ApiKey.Placement.QUERY_PARAMETER) {
      owned.put("auth.parameter_name", apiKey.name());
    }
    if (incremental != null && incremental.startParam() != null) {
      owned.put("incremental.start_param", incremental.startParam());
    }
    Set<String> inUrl = Urls.queryNames(url);
    Map<String, String> ownerOf = new LinkedHashMap<>();
    owned.forEach((property, name) -> {
      String earlier = ownerOf.putIfAbsent(name, property);
      if (earlier != null) {
        problems.add(earlier + " and " + property + " both name the query parameter '" + name + "'");
      }
      if (request.params().containsKey(name)) {
        problems.add("params." + name + " is also set by " + property);
      }
      if (inUrl.contains(name)) {
        problems.add("url already has the query parameter '" + name + "' that " + property + " sets");
      }
    });
    request.params().keySet().stream().filter(inUrl::contains)
        .forEach(name -> problems.add("params." + name + " is also in the url's query"));
  }

  private static void checkHeaders(ApiKey apiKey, RequestValues request, List<String> problems) {
    if (apiKey == null || apiKey.placement() == ApiKey.Placement.QUERY_PARAMETER) {
      return;
    }
    request.headers().keySet().stream().filter(name -> name.equalsIgnoreCase(apiKey.name()))
        .forEach(name -> problems.add("headers." + name + " is also the header that carries api_key"));
  }

  private static String defaultStreamName(URI uri, List<String> problems) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String last = "";
    for (String segment : path.split("/")) {
      if (!segment.isEmpty()) {
        last = segment;
      }
    }
    if (last.endsWith(".json")) {
      last = last.substring(0, last.length() - ".json".length());
    }
    if (last.isEmpty()) {
      problems.add("stream_name is required: the url has no path to name the stream after");
    }
    return last;
  }
}
