package dev.gale.connectors.declarative.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.config.ConfigField;
import dev.gale.connector.config.ConfigSchema;
import dev.gale.connector.config.ConfigValues;
import dev.gale.protocol.Json;
import java.util.List;

/**
 * The configuration of the REST API source, declared once. Four properties take one of two JSON types, which the
 * declarations cannot say: paths and keys as a dotted string or a list of keys, and a start value as text or an
 * integer. They are declared as their list (or text) form, {@link #connectionSpecification()} widens their JSON type,
 * and {@link RestApiConfig} turns the other form into the declared one before reading.
 */
final class RestApiSpec {
  static final String BEARER = "bearer";
  static final String HEADER = "header";
  static final String QUERY_PARAMETER = "query_parameter";

  static final String NO_PAGINATION = "none";
  static final String PAGE_NUMBER = "page_number";
  static final String OFFSET = "offset";
  static final String CURSOR = "cursor";
  static final String LINK_HEADER = "link_header";

  static final String DATETIME_CURSOR = "datetime";
  static final String INTEGER_CURSOR = "integer";
  static final String DEFAULT_DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ";

  static final ConfigField<String> URL = ConfigField.string("url").title("URL")
      .description("The JSON endpoint to read: an http:// or https:// URL, with any fixed query parameters.")
      .required().examples(List.of("https://api.example.com/v1/users")).order(0).build();
  static final ConfigField<String> METHOD = ConfigField.string("method").title("HTTP Method")
      .description("GET, or POST to send body as JSON.").defaultValue("GET").allowedValues(List.of("GET", "POST"))
      .order(1).build();
  static final ConfigField<String> API_KEY = ConfigField.string("api_key").title("API Key")
      .description("The key of the API, sent as auth says (a bearer token by default). Only this field is kept"
          + " secret: put credentials here rather than in url, headers or params.")
      .secret().order(2).build();

  static final ConfigField<String> HEADER_NAME = ConfigField.string("header_name").title("Header")
      .description("The header that carries api_key.").defaultValue("X-API-Key").build();
  static final ConfigField<String> PARAMETER_NAME = ConfigField.string("parameter_name").title("Query Parameter")
      .description("The query parameter that carries api_key.").defaultValue("api_key").build();
  static final ConfigField<ConfigValues> AUTH = ConfigField.oneOf("auth", "auth_type", List.of(
          ConfigSchema.of("Bearer token", constant("auth_type", BEARER)),
          ConfigSchema.of("Header", constant("auth_type", HEADER), HEADER_NAME),
          ConfigSchema.of("Query parameter", constant("auth_type", QUERY_PARAMETER), PARAMETER_NAME)))
      .title("Authentication")
      .description("How api_key is sent: as a bearer token (Authorization: Bearer <key>, the default), in a header"
          + " of its own such as X-API-Key, or as a query parameter.")
      .order(3).build();

  static final ConfigField<ConfigValues> HEADERS = ConfigField.object("headers", ConfigSchema.of("Headers"))
      .title("Headers").description("More request headers, by name: {\"Accept-Language\": \"en\"}.").order(4)
      .build();
  static final ConfigField<ConfigValues> PARAMS = ConfigField.object("params", ConfigSchema.of("Query Parameters"))
      .title("Query Parameters")
      .description("More query parameters, by name; a list repeats the parameter: {\"status\": \"active\"}.")
      .order(5).build();
  static final ConfigField<ConfigValues> BODY = ConfigField.object("body", ConfigSchema.of("Body")).title("Body")
      .description("The JSON object POST sends.").order(6).build();
  static final ConfigField<List<String>> RECORDS_PATH = ConfigField.stringList("records_path").title("Records Path")
      .description("Where the records are in the response: a dotted path (data.items) or a list of keys"
          + " ([\"data\", \"items\"]); * matches any key or index (groups.*.members.*). Leave it out when the"
          + " response is the list of records, or one record.")
      .order(7).build();

  static final ConfigField<Long> PAGE_SIZE = ConfigField.integer("page_size").title("Page Size")
      .description("How many records to ask for a page, with page_size_param. For page numbers, a page with fewer"
          + " records is also the last.").minimum(1).build();
  static final ConfigField<String> PAGE_SIZE_PARAM = ConfigField.string("page_size_param")
      .title("Page Size Parameter").description("The query parameter that asks for page_size records a page.")
      .examples(List.of("per_page", "page_size")).build();
  static final ConfigField<String> PAGE_PARAM = ConfigField.string("page_param").title("Page Parameter")
      .description("The query parameter that carries the page number.").defaultValue("page").build();
  static final ConfigField<Long> START_PAGE = ConfigField.integer("start_page").title("First Page")
      .description("The number of the first page.").defaultValue(1L).minimum(0).build();
  static final ConfigField<String> OFFSET_PARAM = ConfigField.string("offset_param").title("Offset Parameter")
      .description("The query parameter that carries the number of records read so far.")
      .defaultValue("offset").build();
  static final ConfigField<Long> LIMIT = ConfigField.integer("limit").title("Limit")
      .description("How many records a page holds; a shorter page is the last.").minimum(1).build();
  static final ConfigField<String> LIMIT_PARAM = ConfigField.string("limit_param").title("Limit Parameter")
      .description("The query parameter that carries limit, when limit is set.").defaultValue("limit")
      .build();
  static final ConfigField<List<String>> CURSOR_PATH = ConfigField.stringList("cursor_path").title("Cursor Path")
      .description("The response field holding the next page's cursor, as a dotted path or a list of keys. The"
          + " last page has none (or an empty one).").required().examples(List.of(List.of("meta", "next_cursor")))
      .build();
  static final ConfigField<String> CURSOR_PARAM = ConfigField.string("cursor_param").title("Cursor Parameter")
      .description("The query parameter that sends the cursor back. Without one, the cursor is the URL of the next"
          + " page.").build();
  static final ConfigField<ConfigValues> PAGINATION = ConfigField.oneOf("pagination", "pagination_type", List.of(
          ConfigSchema.of("None", constant("pagination_type", NO_PAGINATION)),
          ConfigSchema.of("Page number", constant("pagination_type", PAGE_NUMBER), PAGE_PARAM, START_PAGE, PAGE_SIZE,
              PAGE_SIZE_PARAM),
          ConfigSchema.of("Offset and limit", constant("pagination_type", OFFSET), OFFSET_PARAM, LIMIT, LIMIT_PARAM),
          ConfigSchema.of("Cursor from the response", constant("pagination_type", CURSOR), CURSOR_PATH,
              CURSOR_PARAM, PAGE_SIZE, PAGE_SIZE_PARAM),
          ConfigSchema.of("Link header", constant("pagination_type", LINK_HEADER), PAGE_SIZE, PAGE_SIZE_PARAM)))
      .title("Pagination")
      .description("How the next page is asked for: by page number, by offset and limit, by a cursor the response"
          + " gives, or by the URL of the Link header's rel=\"next\". Without pagination one request is made.")
      .order(8).build();

  static final ConfigField<String> STREAM_NAME = ConfigField.string("stream_name").title("Stream Name")
      .description("The name of the stream; by default the last segment of the URL's path.").order(9).build();
  static final ConfigField<List<String>> PRIMARY_KEY = ConfigField.stringList("primary_key").title("Primary Key")
      .description("The field, or the list of fields, that identifies a record.").order(10).build();

  static final ConfigField<String> CURSOR_FIELD = ConfigField.string("cursor_field").title("Cursor Field")
      .description("The top-level field whose value grows as records change or are added.").required().build();
  static final ConfigField<String> CURSOR_TYPE = ConfigField.string("cursor_type").title("Cursor Type")
      .description("What the cursor holds: a datetime, or an integer (an id that keeps growing).")
      .defaultValue(DATETIME_CURSOR).allowedValues(List.of(DATETIME_CURSOR, INTEGER_CURSOR)).build();
  static final ConfigField<String> DATETIME_FORMAT = ConfigField.string("datetime_format").title("Datetime Format")
      .description("How the cursor's datetimes are written, in Python's strftime notation (%s for epoch seconds)."
          + " Records may also hold ISO 8601 datetimes with fractions and offsets.")
      .defaultValue(DEFAULT_DATETIME_FORMAT).examples(List.of("%Y-%m-%d", "%s")).build();
  static final ConfigField<String> START_VALUE = ConfigField.string("start_value").title("Start Value")
      .description("Where the first sync (and every full refresh) starts: a datetime in datetime_format, or an"
          + " integer (0 by default).").examples(List.of("2024-01-01T00:00:00Z")).build();
  static final ConfigField<String> START_PARAM = ConfigField.string("start_param").title("Start Parameter")
      .description("The query parameter that asks the API for records from a cursor value on (such as"
          + " updated_since). Without one, a datetime cursor's records are filtered after they are read.")
      .build();
  static final ConfigField<ConfigValues> INCREMENTAL = ConfigField.object("incremental", ConfigSchema.of(
          "Incremental", CURSOR_FIELD, CURSOR_TYPE, DATETIME_FORMAT, START_VALUE, START_PARAM))
      .title("Incremental Sync")
      .description("Read only what is new since the last sync, by a cursor field. Leave it out for full refresh"
          + " only.")
      .order(11).build();
  static final ConfigField<ConfigValues> JSON_SCHEMA = ConfigField.object("json_schema",
          ConfigSchema.of("JSON Schema")).title("JSON Schema")
      .description("The JSON Schema of the records. Without one, discovery infers it from the first page: the"
          + " types of the top-level fields.")
      .order(12).build();

  static final ConfigSchema SCHEMA = ConfigSchema.of("REST API Source Spec", URL, METHOD, API_KEY, AUTH, HEADERS,
      PARAMS, BODY, RECORDS_PATH, PAGINATION, STREAM_NAME, PRIMARY_KEY, INCREMENTAL, JSON_SCHEMA);

  private RestApiSpec() {}

  /** The JSON Schema of the configuration, with the properties that take two forms widened to both. */
  static ObjectNode connectionSpecification() {
    ObjectNode schema = SCHEMA.toJsonSchema();
    ObjectNode properties = (ObjectNode) schema.get("properties");
    alsoString((ObjectNode) properties.get(RECORDS_PATH.name()));
    alsoString((ObjectNode) properties.get(PRIMARY_KEY.name()));
    for (var option : properties.get(PAGINATION.name()).get("oneOf")) {
      if (option.path("properties").has(CURSOR_PATH.name())) {
        alsoString((ObjectNode) option.get("properties").get(CURSOR_PATH.name()));
      }
    }
    ObjectNode startValue = (ObjectNode) properties.get(INCREMENTAL.name()).get("properties").get(START_VALUE.name());
    startValue.set("type", types("string", "integer"));
    return schema;
  }

  private static void alsoString(ObjectNode property) {
    property.set("type", types("array", "string"));
  }

  private static ArrayNode types(String... names) {
    ArrayNode types = Json.mapper().createArrayNode();
    for (String name : names) {
      types.add(name);
    }
    return types;
  }

  private static ConfigField<String> constant(String name, String value) {
    return ConfigField.string(name).constant(value).build();
  }
}
