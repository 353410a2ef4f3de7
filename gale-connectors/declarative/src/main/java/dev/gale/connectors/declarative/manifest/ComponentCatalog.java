package dev.gale.connectors.declarative.manifest;

import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.BOOLEAN;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.INTEGER;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.INTEGERS;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.NUMBER;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.OBJECT;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.OBJECT_OR_STRING;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.PRIMARY_KEY;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.STRING;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.STRINGS;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.STRING_LISTS;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.STRING_MAP_OR_STRING;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.STRING_OR_INTEGER;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.STRING_OR_NUMBER;
import static dev.gale.connectors.declarative.manifest.FieldKind.Scalar.STRING_OR_STRINGS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The components Gale runs and their fields, after Airbyte's declarative component schema (versions 0.x to 7.x): for
 * each field, what it may hold and whether it is required. Fields not listed are tolerated, as in the CDK; fields
 * that change behaviour Gale does not implement are listed as unsupported so that a manifest using them is refused.
 */
final class ComponentCatalog {
  static final Set<String> AUTHENTICATORS = Set.of("NoAuth", "ApiKeyAuthenticator", "BearerAuthenticator",
      "BasicHttpAuthenticator", "OAuthAuthenticator", "SessionTokenAuthenticator", "SelectiveAuthenticator");

  /** Components of Airbyte's schema that Gale does not run, for a clearer message than "unknown". */
  private static final Set<String> KNOWN_UNSUPPORTED = Set.of("AsyncRetriever", "CustomAuthenticator",
      "CustomBackoffStrategy", "CustomErrorHandler", "CustomIncrementalSync", "CustomPaginationStrategy",
      "CustomPartitionRouter", "CustomRecordExtractor", "CustomRecordFilter", "CustomRequester", "CustomRetriever",
      "CustomSchemaLoader", "CustomSchemaNormalization", "CustomStateMigration", "CustomTransformation",
      "CustomDecoder", "CustomConfigTransformation", "CustomValidationStrategy", "JwtAuthenticator",
      "LegacySessionTokenAuthenticator", "RateLimitedMultipleTokenAuthenticator", "DynamicSchemaLoader",
      "XmlDecoder", "CsvDecoder", "GzipDecoder", "IterableDecoder", "ZipfileDecoder", "JsonItemsDecoder",
      "CompositeRawDecoder", "GzipJsonDecoder", "ResponseToFileExtractor", "GroupingPartitionRouter",
      "UnionPartitionRouter", "StateDelegatingStream", "DynamicDeclarativeStream", "ConditionalStreams",
      "LegacyToPerPartitionStateMigration", "FlattenFields", "DpathFlattenFields", "KeysToSnakeCase",
      "QueryProperties", "PropertiesFromEndpoint", "PropertyChunking", "RecordExpander", "PaginationReset",
      "HTTPAPIBudget", "CheckDynamicStream", "CartesianProductStreamSlicer", "SubstreamSlicer",
      "DatetimeStreamSlicer", "ListStreamSlicer", "SingleSlice");

  // After the sets above: the constructor reads them.
  static final ComponentCatalog INSTANCE = new ComponentCatalog();

  private final Map<String, Map<String, Field>> components = new LinkedHashMap<>();

  record Field(FieldKind kind, boolean required) {}

  private ComponentCatalog() {
    FieldKind requestOption = one("RequestOption");
    FieldKind auth = new FieldKind.Component(AUTHENTICATORS);

    define("CheckStream", opt("stream_names", STRINGS),
        unsupported("dynamic_streams_check_configs", "dynamic streams are not supported"),
        unsupported("config_overrides", "check-time configuration overrides are not supported"));
    define("Spec", req("connection_specification", OBJECT), opt("documentation_url", STRING),
        opt("advanced_auth", OBJECT), opt("changelog_url", STRING),
        unsupported("config_normalization_rules", "configuration migrations and transformations are not supported"));
    define("DeclarativeStream", opt("name", STRING), req("retriever", one("SimpleRetriever")),
        opt("incremental_sync", one("DatetimeBasedCursor", "IncrementingCountCursor")),
        opt("primary_key", PRIMARY_KEY),
        opt("schema_loader", new FieldKind.ComponentOrList(Set.of("InlineSchemaLoader", "JsonFileSchemaLoader"))),
        opt("transformations", list("AddFields", "RemoveFields", "KeysToLower", "KeysReplace")),
        opt("state_migrations", list()),
        unsupported("file_uploader", "file transfer is not supported"));
    define("SimpleRetriever", req("requester", one("HttpRequester")), req("record_selector", one("RecordSelector")),
        opt("paginator", one("DefaultPaginator", "NoPagination")),
        opt("partition_router", new FieldKind.ComponentOrList(Set.of("ListPartitionRouter",
            "SubstreamPartitionRouter"))),
        opt("ignore_stream_slicer_parameters_on_paginated_requests", BOOLEAN),
        opt("decoder", one("JsonDecoder", "JsonlDecoder")),
        unsupported("pagination_reset", "pagination resets are not supported"));
    define("HttpRequester", opt("url_base", STRING), opt("url", STRING), opt("path", STRING),
        opt("http_method", new FieldKind.Choice(List.of("GET", "POST"))), opt("authenticator", auth),
        opt("request_parameters", STRING_MAP_OR_STRING), opt("request_headers", STRING_MAP_OR_STRING),
        opt("request_body_data", STRING_MAP_OR_STRING), opt("request_body_json", OBJECT_OR_STRING),
        opt("request_body", one("RequestBodyJsonObject", "RequestBodyUrlEncodedForm", "RequestBodyPlainText",
            "RequestBodyGraphQL")),
        opt("error_handler", one("DefaultErrorHandler", "CompositeErrorHandler")), opt("use_cache", BOOLEAN),
        opt("decoder", one("JsonDecoder", "JsonlDecoder")),
        unsupported("query_properties", "QueryProperties is not supported"),
        unsupported("fetch_properties_from_endpoint", "PropertiesFromEndpoint is not supported"),
        unsupported("request_options_provider", "custom request options providers are not supported"));
    define("RequestBodyJsonObject", req("value", OBJECT_OR_STRING));
    define("RequestBodyUrlEncodedForm", req("value", STRING_MAP_OR_STRING));
    define("RequestBodyPlainText", req("value", STRING));
    define("RequestBodyGraphQL", req("value", OBJECT));
    define("RequestOption", req("inject_into", new FieldKind.Choice(List.of("request_parameter", "header",
        "body_data", "body_json"))), opt("field_name", STRING), opt("field_path", STRINGS));
    define("RequestPath");
    define("JsonDecoder");
    define("JsonlDecoder");
    define("NoAuth");
    define("ApiKeyAuthenticator", opt("api_token", STRING), opt("header", STRING), opt("inject_into", requestOption));
    define("BearerAuthenticator", req("api_token", STRING));
    define("BasicHttpAuthenticator", req("username", STRING), opt("password", STRING));
    define("SessionTokenAuthenticator", req("login_requester", one("HttpRequester")),
        req("session_token_path", STRINGS), opt("expiration_duration", STRING),
        req("request_authentication", one("ApiKey", "Bearer")), opt("decoder", one("JsonDecoder")));
    define("ApiKey", req("inject_into", requestOption), opt("api_token", STRING));
    define("Bearer");
    define("OAuthAuthenticator", opt("client_id_name", STRING), opt("client_id", STRING),
        opt("client_secret_name", STRING), opt("client_secret", STRING), opt("refresh_token_name", STRING),
        opt("refresh_token", STRING), opt("token_refresh_endpoint", STRING), opt("access_token_name", STRING),
        opt("access_token_value", STRING), opt("expires_in_name", STRING), opt("grant_type_name", STRING),
        opt("grant_type", STRING), opt("refresh_request_body", OBJECT), opt("refresh_request_headers", OBJECT),
        opt("send_refresh_request_as_query_params", BOOLEAN), opt("scopes", STRINGS),
        opt("token_expiry_date", STRING), opt("token_expiry_date_format", STRING),
        opt("refresh_token_error_status_codes", INTEGERS), opt("refresh_token_error_key", STRING),
        opt("refresh_token_error_values", STRINGS),
        unsupported("refresh_token_updater", "single-use refresh tokens need the configuration written back, which"
            + " Gale does not do"),
        unsupported("profile_assertion", "the JWT profile assertion flow is not supported"),
        unsupported("use_profile_assertion", "the JWT profile assertion flow is not supported"));
    define("SelectiveAuthenticator", req("authenticator_selection_path", STRINGS),
        req("authenticators", new FieldKind.ComponentMap(Set.of("NoAuth", "ApiKeyAuthenticator",
            "BearerAuthenticator", "BasicHttpAuthenticator", "OAuthAuthenticator", "SessionTokenAuthenticator"))));
    define("RecordSelector", req("extractor", one("DpathExtractor")), opt("record_filter", one("RecordFilter")),
        opt("schema_normalization", new FieldKind.Choice(List.of("None", "Default"))),
        opt("transform_before_filtering", BOOLEAN));
    define("DpathExtractor", req("field_path", STRINGS), opt("decoder", one("JsonDecoder", "JsonlDecoder")),
        unsupported("record_expander", "RecordExpander is not supported"));
    define("RecordFilter", opt("condition", STRING));
    define("DefaultPaginator", req("pagination_strategy", one("PageIncrement", "OffsetIncrement", "CursorPagination")),
        opt("page_size_option", requestOption), opt("page_token_option", one("RequestOption", "RequestPath")),
        opt("decoder", one("JsonDecoder", "JsonlDecoder")));
    define("NoPagination");
    define("PageIncrement", opt("page_size", STRING_OR_INTEGER), opt("start_from_page", INTEGER),
        opt("inject_on_first_request", BOOLEAN));
    define("OffsetIncrement", opt("page_size", STRING_OR_INTEGER), opt("inject_on_first_request", BOOLEAN),
        opt("decoder", one("JsonDecoder", "JsonlDecoder")));
    define("CursorPagination", req("cursor_value", STRING), opt("page_size", STRING_OR_INTEGER),
        opt("stop_condition", STRING), opt("decoder", one("JsonDecoder", "JsonlDecoder")));
    define("DefaultErrorHandler", opt("backoff_strategies", list("ConstantBackoffStrategy",
            "ExponentialBackoffStrategy", "WaitTimeFromHeader", "WaitUntilTimeFromHeader")),
        opt("max_retries", STRING_OR_INTEGER), opt("response_filters", list("HttpResponseFilter")));
    define("CompositeErrorHandler", req("error_handlers", list("CompositeErrorHandler", "DefaultErrorHandler")));
    define("HttpResponseFilter", opt("action", new FieldKind.Choice(List.of("SUCCESS", "FAIL", "RETRY", "IGNORE",
            "RATE_LIMITED", "REFRESH_TOKEN_THEN_RETRY", "RESET_PAGINATION"))),
        opt("failure_type", new FieldKind.Choice(List.of("system_error", "config_error", "transient_error"))),
        opt("error_message", STRING), opt("error_message_contains", STRING), opt("http_codes", INTEGERS),
        opt("predicate", STRING));
    define("ConstantBackoffStrategy", req("backoff_time_in_seconds", STRING_OR_NUMBER),
        opt("jitter_range_in_seconds", NUMBER));
    define("ExponentialBackoffStrategy", opt("factor", STRING_OR_NUMBER), opt("jitter_range_in_seconds", NUMBER));
    define("WaitTimeFromHeader", req("header", STRING), opt("regex", STRING),
        opt("max_waiting_time_in_seconds", STRING_OR_NUMBER));
    define("WaitUntilTimeFromHeader", req("header", STRING), opt("min_wait", STRING_OR_NUMBER), opt("regex", STRING),
        opt("max_waiting_time_in_seconds", STRING_OR_NUMBER));
    define("ListPartitionRouter", req("cursor_field", STRING), req("values", STRING_OR_STRINGS),
        opt("request_option", requestOption));
    define("SubstreamPartitionRouter", req("parent_stream_configs", list("ParentStreamConfig")));
    define("ParentStreamConfig", req("stream", one("DeclarativeStream")), req("parent_key", STRING),
        req("partition_field", STRING), opt("request_option", requestOption), opt("incremental_dependency", BOOLEAN),
        opt("extra_fields", STRING_LISTS),
        unsupported("lazy_read_pointer", "lazy reading of child records from parent records is not supported"));
    define("DatetimeBasedCursor", req("cursor_field", STRING), req("datetime_format", STRING),
        req("start_datetime", new FieldKind.ComponentOrString(Set.of("MinMaxDatetime"))),
        opt("end_datetime", new FieldKind.ComponentOrString(Set.of("MinMaxDatetime"))),
        opt("cursor_datetime_formats", STRINGS), opt("start_time_option", requestOption),
        opt("end_time_option", requestOption), opt("cursor_granularity", STRING), opt("step", STRING),
        opt("lookback_window", STRING), opt("partition_field_start", STRING), opt("partition_field_end", STRING),
        opt("is_data_feed", BOOLEAN), opt("is_client_side_incremental", BOOLEAN),
        opt("is_compare_strictly", BOOLEAN), opt("global_substream_cursor", BOOLEAN),
        unsupported("clamping", "clamping of datetime windows is not supported"),
        unsupported("allow_catalog_defined_cursor_field", "cursor fields chosen in the catalog are not supported"));
    define("MinMaxDatetime", req("datetime", STRING), opt("datetime_format", STRING), opt("min_datetime", STRING),
        opt("max_datetime", STRING));
    define("IncrementingCountCursor", req("cursor_field", STRING), opt("start_value", STRING_OR_INTEGER),
        opt("start_value_option", requestOption),
        unsupported("allow_catalog_defined_cursor_field", "cursor fields chosen in the catalog are not supported"));
    define("AddFields", req("fields", list("AddedFieldDefinition")), opt("condition", STRING));
    define("AddedFieldDefinition", req("path", STRINGS), req("value", STRING),
        opt("value_type", new FieldKind.Choice(List.of("string", "number", "integer", "boolean"))));
    define("RemoveFields", req("field_pointers", STRING_LISTS), opt("condition", STRING));
    define("KeysToLower");
    define("KeysReplace", req("old", STRING), req("new", STRING));
    define("InlineSchemaLoader", opt("schema", OBJECT));
    define("JsonFileSchemaLoader", opt("file_path", STRING));
  }

  /** The fields of a component type Gale runs, or empty for a type it does not know or run. */
  Optional<Map<String, Field>> fields(String type) {
    return Optional.ofNullable(components.get(type));
  }

  boolean isKnownButUnsupported(String type) {
    return KNOWN_UNSUPPORTED.contains(type);
  }

  /** Whether {@code type.field} holds data (a schema, a body), not components. */
  boolean holdsData(String type, String field) {
    if (type.equals("DeclarativeSource")) {
      return field.equals("metadata") || field.equals("schemas");
    }
    Map<String, Field> fields = components.get(type);
    Field declared = fields == null ? null : fields.get(field);
    return declared != null && declared.kind().holdsData();
  }

  @SafeVarargs
  private void define(String type, Map.Entry<String, Field>... fields) {
    Map<String, Field> declared = new LinkedHashMap<>();
    for (Map.Entry<String, Field> field : fields) {
      declared.put(field.getKey(), field.getValue());
    }
    components.put(type, declared);
  }

  private static Map.Entry<String, Field> req(String name, FieldKind kind) {
    return Map.entry(name, new Field(kind, true));
  }

  private static Map.Entry<String, Field> opt(String name, FieldKind kind) {
    return Map.entry(name, new Field(kind, false));
  }

  private static Map.Entry<String, Field> unsupported(String name, String reason) {
    return Map.entry(name, new Field(new FieldKind.Unsupported(reason), false));
  }

  private static FieldKind one(String... types) {
    return new FieldKind.Component(Set.of(types));
  }

  private static FieldKind list(String... types) {
    return new FieldKind.ComponentList(Set.of(types));
  }
}
