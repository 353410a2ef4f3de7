package dev.gale.connectors.declarative.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.config.ConfigException;
import dev.gale.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the configuration reads as, and what it refuses rather than ignore. */
class RestApiConfigTest {

  private static RestApiConfig read(String json) {
    return RestApiConfig.read(Json.parse(json));
  }

  private static List<String> problems(String json) {
    ConfigException refused = catchThrowableOfType(ConfigException.class,
        () -> RestApiTests.SOURCE.validate(Json.parse(json)));
    assertThat(refused).as("refused: %s", json).isNotNull();
    return refused.problems();
  }

  @Test
  void aUrlAloneReadsEverythingOnePageAsTheLastPathSegmentsStream() {
    RestApiConfig config = read("{\"url\": \"https://api.example.com/v1/users.json?active=1\"}");

    assertThat(config.streamName()).isEqualTo("users");
    assertThat(config.method()).isEqualTo("GET");
    assertThat(config.apiKey()).isNull();
    assertThat(config.pagination()).isEqualTo(new Pagination.None());
    assertThat(config.recordsPath()).isEmpty();
    assertThat(config.incremental()).isNull();
    assertThat(config.jsonSchema()).isNull();
  }

  @Test
  void pathsAndKeysReadAsDottedTextOrLists() {
    RestApiConfig dotted = read("""
        {"url": "https://x.io/a", "records_path": "data.items", "primary_key": "id",
         "pagination": {"pagination_type": "cursor", "cursor_path": "meta.next"}}""");
    RestApiConfig listed = read("""
        {"url": "https://x.io/a", "records_path": ["data", "items"], "primary_key": ["id"],
         "pagination": {"pagination_type": "cursor", "cursor_path": ["meta", "next"]}}""");

    assertThat(dotted).isEqualTo(listed);
    assertThat(dotted.recordsPath()).containsExactly("data", "items");
    assertThat(dotted.pagination()).isEqualTo(new Pagination.Cursor(List.of("meta", "next"), null, null, null));
    assertThat(read("{\"url\": \"https://x.io/a\", \"records_path\": \"\"}").recordsPath()).isEmpty();
  }

  @Test
  void theSpecAcceptsBothFormsWhereTheConfigurationDoes() {
    JsonNode properties = RestApiTests.SOURCE.spec().connectionSpecification().get("properties");

    assertThat(properties.get("records_path").get("type")).isEqualTo(Json.parse("[\"array\", \"string\"]"));
    assertThat(properties.get("primary_key").get("type")).isEqualTo(Json.parse("[\"array\", \"string\"]"));
    assertThat(properties.at("/incremental/properties/start_value/type"))
        .isEqualTo(Json.parse("[\"string\", \"integer\"]"));
    assertThat(properties.at("/pagination/oneOf/3/properties/cursor_path/type"))
        .isEqualTo(Json.parse("[\"array\", \"string\"]"));
    assertThat(properties.at("/api_key/airbyte_secret").asBoolean()).isTrue();
  }

  @Test
  void anIntegerStartValueMayBeANumber() {
    RestApiConfig config = read("""
        {"url": "https://x.io/a", "incremental": {"cursor_field": "id", "cursor_type": "integer",
         "start_value": 100, "start_param": "since_id"}}""");

    assertThat(config.incremental()).isEqualTo(new Incremental("id", Incremental.CursorType.INTEGER, null, "100",
        "since_id"));
  }

  @Test
  void theKeyIsNotPrinted() {
    RestApiConfig config = read("{\"url\": \"https://x.io/a\", \"api_key\": \"k-123456\"}");

    assertThat(config.apiKey().placement()).isEqualTo(ApiKey.Placement.BEARER);
    assertThat(config.toString()).doesNotContain("k-123456");
  }

  @Test
  void whatCannotBeSentIsRefused() {
    assertThat(problems("{\"url\": \"ftp://x.io/a\"}")).containsExactly(
        "url must be an http:// or https:// URL with a host");
    assertThat(problems("{\"url\": \"https://x.io/\"}")).containsExactly(
        "stream_name is required: the url has no path to name the stream after");
    assertThat(problems("{\"url\": \"https://x.io/a\", \"body\": {\"q\": 1}}")).containsExactly(
        "body is sent with method POST only, and method is GET");
    assertThat(problems("{\"url\": \"https://x.io/a\", \"auth\": {\"auth_type\": \"header\"}}")).containsExactly(
        "auth says how api_key is sent, but api_key is not set");
    assertThat(problems("""
        {"url": "https://x.io/a", "headers": {"Host": "y.io", "Bad Name": "v", "X-List": ["a"], "X-Two": "a\\nb"}}"""))
        .containsExactly("headers.Host cannot be set: the HTTP client sets it",
            "headers: 'Bad Name' is not a valid header name",
            "headers.X-List must be a string, a number, true or false", "headers.X-Two must be one line");
    assertThat(problems("{\"url\": \"https://x.io/a\", \"params\": {\"f\": {\"a\": 1}}}")).containsExactly(
        "params.f must be a string, a number, true or false, or a list of them");
  }

  @Test
  void twoSettingsForOneParameterOrHeaderAreRefused() {
    assertThat(problems("""
        {"url": "https://x.io/a?page=1&status=open", "api_key": "k", "auth": {"auth_type": "query_parameter",
         "parameter_name": "since"}, "params": {"limit": "5", "status": "closed"},
         "pagination": {"pagination_type": "offset", "offset_param": "page", "limit": 5},
         "incremental": {"cursor_field": "t", "start_value": "2024-01-01T00:00:00Z", "start_param": "since"}}"""))
        .containsExactly("url already has the query parameter 'page' that pagination.offset_param sets",
            "params.limit is also set by pagination.limit_param",
            "auth.parameter_name and incremental.start_param both name the query parameter 'since'",
            "params.status is also in the url's query");
    assertThat(problems("""
        {"url": "https://x.io/a", "api_key": "k", "headers": {"authorization": "Basic eA=="}}"""))
        .containsExactly("headers.authorization is also the header that carries api_key");
  }

  @Test
  void paginationThatCouldNotWorkAsWrittenIsRefused() {
    assertThat(problems("""
        {"url": "https://x.io/a", "pagination": {"pagination_type": "page_number", "page_size_param": "n"}}"""))
        .containsExactly("pagination.page_size_param needs pagination.page_size, the value it asks for");
    assertThat(problems("""
        {"url": "https://x.io/a", "pagination": {"pagination_type": "link_header", "page_size": 50}}"""))
        .containsExactly("pagination.page_size needs pagination.page_size_param: a link_header pagination stops by"
            + " the response, not by the page size, which it can only ask for");
    assertThat(problems("""
        {"url": "https://x.io/a", "pagination": {"pagination_type": "cursor", "cursor_path": "a..b",
         "cursor_param": "c"}}"""))
        .containsExactly("pagination.cursor_path must not hold an empty key");
    assertThat(problems("""
        {"url": "https://x.io/a", "pagination": {"pagination_type": "scroll"}}"""))
        .containsExactly("pagination.pagination_type must be one of [none, page_number, offset, cursor,"
            + " link_header], got \"scroll\"");
  }

  @Test
  void anIncrementalSyncThatCouldNotWorkIsRefused() {
    assertThat(problems("""
        {"url": "https://x.io/a", "incremental": {"cursor_field": "id", "cursor_type": "integer",
         "datetime_format": "%s", "start_value": "ten"}}"""))
        .containsExactly("incremental.datetime_format applies to datetime cursors only, and cursor_type is integer",
            "incremental.start_value must be an integer for an integer cursor, got ten",
            "incremental.start_param is required for an integer cursor: records are not filtered by an integer"
                + " cursor as they are read, so the API has to be asked for those after it");
    assertThat(problems("""
        {"url": "https://x.io/a", "incremental": {"cursor_field": "t"}}"""))
        .containsExactly("incremental.start_value is required for a datetime cursor: the datetime the first sync"
            + " starts from");
    assertThat(problems("""
        {"url": "https://x.io/a", "incremental": {"cursor_field": "t", "start_value": "2024-01-01"}}"""))
        .containsExactly("incremental.start_value must be a datetime in incremental.datetime_format"
            + " (%Y-%m-%dT%H:%M:%SZ), got 2024-01-01");
    assertThat(problems("""
        {"url": "https://x.io/a", "incremental": {"cursor_field": "t", "datetime_format": "%Q",
         "start_value": "x"}}"""))
        .containsExactly("incremental.datetime_format is not usable: the datetime format %Q uses %Q, which is not"
            + " supported");
  }

  @Test
  void aGivenSchemaMustDescribeTheKeyAndCursorFields() {
    assertThat(problems("""
        {"url": "https://x.io/a", "primary_key": ["id", "#/x"], "stream_name": "#/definitions/s",
         "json_schema": {"type": "object", "properties": {"id": {"type": "integer"}, "bad": true}},
         "incremental": {"cursor_field": "updated_at", "start_value": "2024-01-01T00:00:00Z"}}"""))
        .containsExactly("stream_name must not start with #/", "primary_key must not start with #/",
            "json_schema.properties.bad must be a schema (an object)",
            "the primary key field '#/x' is not among the properties of json_schema",
            "the cursor field 'updated_at' is not among the properties of json_schema");
    assertThat(problems("{\"url\": \"https://x.io/a\", \"json_schema\": {\"type\": \"array\"}}"))
        .containsExactly("json_schema must describe objects (type object)",
            "json_schema must have properties, the fields of the records");
  }
}
