package dev.gale.connectors.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connectors.declarative.manifest.ManifestModel;
import dev.gale.connectors.declarative.testing.TestSources;
import org.junit.jupiter.api.Test;

/** Loading: references, parameters, default types, and every kind of refusal with the path it names. */
class ManifestLoadingTest {

  private static final String BASE = """
      version: 5.0.0
      type: DeclarativeSource
      check: {type: CheckStream, stream_names: [users]}
      definitions:
        requester:
          type: HttpRequester
          url_base: https://api.example.com
          path: "{{ parameters.path }}"
        selector:
          type: RecordSelector
          extractor:
            type: DpathExtractor
            field_path: ["{{ parameters['data_key'] }}"]
        streams:
          users:
            type: DeclarativeStream
            $parameters:
              name: users
              path: /users
              data_key: data
              primary_key: id
            retriever:
              requester:
                $ref: "#/definitions/requester"
              record_selector:
                $ref: "#/definitions/selector"
              paginator:
                type: DefaultPaginator
                pagination_strategy:
                  type: PageIncrement
                  page_size: 10
                page_token_option:
                  type: RequestOption
                  inject_into: request_parameter
                  field_name: page
            schema_loader:
              type: InlineSchemaLoader
              schema: "#/schemas/users"
      streams:
        - $ref: "#/definitions/streams/users"
      schemas:
        users: {type: object, properties: {id: {type: integer}}}
      """;

  private static JsonNode load(String yaml) {
    return ManifestModel.load(Manifests.parse(yaml)).resolved();
  }

  @Test
  void referencesAreReplacedByCopiesOfWhatTheyPointTo() {
    JsonNode stream = load(BASE).get("streams").get(0);

    assertThat(stream.at("/retriever/requester/url_base").asText()).isEqualTo("https://api.example.com");
    assertThat(stream.at("/schema_loader/schema/properties/id/type").asText()).isEqualTo("integer");
  }

  @Test
  void parametersFillFieldsAndReachNestedComponents() {
    JsonNode stream = load(BASE).get("streams").get(0);

    assertThat(stream.get("name").asText()).isEqualTo("users");
    assertThat(stream.get("primary_key").asText()).isEqualTo("id");
    assertThat(stream.at("/retriever/requester/$parameters/path").asText()).isEqualTo("/users");
    assertThat(stream.at("/retriever/record_selector/extractor/$parameters/data_key").asText()).isEqualTo("data");
    // A field the component sets itself wins over a parameter of the same name.
    assertThat(stream.at("/retriever/requester/path").asText()).isEqualTo("{{ parameters.path }}");
  }

  @Test
  void aChildsParametersOverrideItsParents() {
    String yaml = BASE.replace("""
              requester:
                $ref: "#/definitions/requester"
      """, """
              requester:
                $ref: "#/definitions/requester"
                $parameters:
                  path: /members
      """);

    JsonNode requester = load(yaml).at("/streams/0/retriever/requester");

    assertThat(requester.at("/$parameters/path").asText()).isEqualTo("/members");
    assertThat(requester.at("/$parameters/name").asText()).isEqualTo("users");
  }

  @Test
  void componentsWithoutATypeGetTheOneTheirPlaceImplies() {
    JsonNode stream = load(BASE).get("streams").get(0);

    assertThat(stream.at("/retriever/type").asText()).isEqualTo("SimpleRetriever");
    assertThat(stream.at("/type").asText()).isEqualTo("DeclarativeStream");
  }

  @Test
  void localFieldsOverrideTheReferencedOnes() {
    JsonNode requester = load(BASE.replace("""
                $ref: "#/definitions/requester"
      """, """
                $ref: "#/definitions/requester"
                url_base: https://eu.example.com
      """)).at("/streams/0/retriever/requester");

    assertThat(requester.get("url_base").asText()).isEqualTo("https://eu.example.com");
    assertThat(requester.get("path").asText()).isEqualTo("{{ parameters.path }}");
  }

  @Test
  void aLoadedManifestRunsAsASource() {
    DeclarativeSource source = TestSources.load(BASE);

    assertThat(source.spec().connectionSpecification().path("type").asText()).isEqualTo("object");
  }

  @Test
  void anUnknownComponentTypeNamesItsDefinition() {
    assertRefused(BASE.replace("type: PageIncrement", "type: PageIncrements"),
        "definitions.streams.users.retriever.paginator.pagination_strategy", "unknown component type 'PageIncrements'");
  }

  @Test
  void aComponentGaleDoesNotRunIsRefusedAsSuch() {
    assertRefused(BASE.replace("type: PageIncrement", "type: CustomPaginationStrategy\n            class_name: x.Y"),
        "definitions.streams.users.retriever.paginator.pagination_strategy",
        "'CustomPaginationStrategy' is not supported by Gale");
  }

  @Test
  void aComponentInTheWrongPlaceIsRefused() {
    assertRefused(BASE.replace("type: PageIncrement", "type: RequestPath"),
        "definitions.streams.users.retriever.paginator.pagination_strategy", "'RequestPath' is not allowed here");
  }

  @Test
  void aReferenceToNothingIsRefused() {
    assertRefused(BASE.replace("#/definitions/selector", "#/definitions/selectors"),
        "definitions.streams.users.retriever.record_selector.$ref", "#/definitions/selectors points to nothing");
  }

  @Test
  void aCircularReferenceIsRefused() {
    String yaml = BASE.replace("""
        selector:
          type: RecordSelector
      """, """
        selector:
          $ref: "#/definitions/other"
        other:
          $ref: "#/definitions/selector"
          type: RecordSelector
      """);

    assertThatThrownBy(() -> load(yaml)).isInstanceOf(ManifestException.class)
        .hasMessageContaining("circular reference");
  }

  @Test
  void aMissingRequiredFieldNamesTheComponent() {
    assertRefused(BASE.replace("""
                  page_size: 10
      """, """
                  page_size: 10
                page_size_option:
                  type: RequestOption
                  field_name: per_page
      """), "definitions.streams.users.retriever.paginator.page_size_option",
        "missing required field 'inject_into'");
  }

  @Test
  void aFieldOfTheWrongTypeIsRefused() {
    assertRefused(BASE.replace("page_size: 10", "page_size: [10]"),
        "definitions.streams.users.retriever.paginator.pagination_strategy.page_size",
        "must be an integer or a template string, got a list");
  }

  @Test
  void aValueOutsideItsChoicesIsRefused() {
    assertRefused(BASE.replace("inject_into: request_parameter", "inject_into: query"),
        "definitions.streams.users.retriever.paginator.page_token_option.inject_into", "must be one of");
  }

  @Test
  void anUnsupportedFieldIsRefusedWithItsReason() {
    assertRefused(BASE.replace("""
            type: DpathExtractor
      """, """
            type: DpathExtractor
            record_expander:
              type: RecordExpander
              expand_records_from_field: [lines]
      """), "definitions.selector.extractor.record_expander", "RecordExpander is not supported");
  }

  @Test
  void unknownFieldsOfKnownComponentsAreTolerated() {
    JsonNode requester = load(BASE.replace("url_base: https://api.example.com",
        "url_base: https://api.example.com\n    description: not part of the schema"))
        .at("/streams/0/retriever/requester");

    assertThat(requester.get("description").asText()).isEqualTo("not part of the schema");
  }

  @Test
  void anUnknownTopLevelKeyIsRefused() {
    assertRefused(BASE + "extras: {}\n", "extras", "unknown top-level key");
  }

  @Test
  void theLegacyReferenceFormIsRefusedClearly() {
    assertRefused(BASE.replace("\"#/schemas/users\"", "\"*ref(schemas.users)\""),
        "definitions.streams.users.schema_loader.schema", "legacy reference form");
  }

  @Test
  void aCheckOfAStreamTheManifestLacksIsRefusedAtLoad() {
    assertThatThrownBy(() -> TestSources.load(BASE.replace("stream_names: [users]", "stream_names: [orders]")))
        .isInstanceOf(ManifestException.class)
        .satisfies(e -> assertThat(((ManifestException) e).path()).isEqualTo("check.stream_names"))
        .hasMessageContaining("'orders' is not a stream");
  }

  @Test
  void anInvalidDatetimeFormatIsRefusedAtLoad() {
    String yaml = BASE.replace("""
            schema_loader:
              type: InlineSchemaLoader
      """, """
            incremental_sync:
              type: DatetimeBasedCursor
              cursor_field: updated
              datetime_format: "%Y-%Q"
              start_datetime: "2024-01-01"
            schema_loader:
              type: InlineSchemaLoader
      """);

    assertThatThrownBy(() -> TestSources.load(yaml)).isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("definitions.streams.users.incremental_sync.datetime_format")
        .hasMessageContaining("%Q");
  }

  @Test
  void yamlAnchorsAliasesAndMergeKeysReadAsPyYamlReadsThem() {
    JsonNode parsed = Manifests.parse("""
        base: &base {url_base: "https://x", http_method: GET}
        copy: *base
        merged:
          <<: *base
          http_method: POST
        date: 2024-01-01
        """);

    assertThat(parsed.get("copy")).isEqualTo(parsed.get("base"));
    assertThat(parsed.at("/merged/url_base").asText()).isEqualTo("https://x");
    assertThat(parsed.at("/merged/http_method").asText()).isEqualTo("POST");
    assertThat(parsed.get("date").isTextual()).isTrue();
  }

  @Test
  void yamlErrorsNameTheirLine() {
    assertThatThrownBy(() -> Manifests.parse("version: 1\nstreams: [\n  - a: b: c\n"))
        .isInstanceOf(ManifestException.class).hasMessageContaining("line");
  }

  private static void assertRefused(String yaml, String path, String problem) {
    assertThatThrownBy(() -> TestSources.load(yaml))
        .isInstanceOf(ManifestException.class)
        .satisfies(e -> assertThat(((ManifestException) e).path()).isEqualTo(path))
        .hasMessageStartingWith(path + ": ")
        .hasMessageContaining(problem);
  }
}
