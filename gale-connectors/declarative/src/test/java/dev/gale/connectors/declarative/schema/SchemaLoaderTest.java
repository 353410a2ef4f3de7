package dev.gale.connectors.declarative.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connectors.declarative.ManifestException;
import dev.gale.connectors.declarative.testing.TestSources;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import org.junit.jupiter.api.Test;

/** Where a stream's schema comes from: inline, the manifest's schemas, or an embedded schema file. */
class SchemaLoaderTest {

  private static String manifest(String loader) {
    return """
        version: 4.3.0
        type: DeclarativeSource
        check: {type: CheckStream, stream_names: [users]}
        streams:
          - type: DeclarativeStream
            name: users
            $parameters:
              name: users
            retriever:
              type: SimpleRetriever
              requester: {type: HttpRequester, url_base: "https://api.example.com", path: users}
              record_selector:
                type: RecordSelector
                extractor: {type: DpathExtractor, field_path: []}
        %s
        schemas:
          users:
            type: object
            properties:
              id: {type: integer}
        """.formatted(loader.indent(4).stripTrailing());
  }

  private static AirbyteCatalog discover(String loader) {
    return TestSources.load(manifest(loader)).discover(Json.object());
  }

  @Test
  void anInlineSchemaIsTheStreamsSchema() {
    AirbyteCatalog catalog = discover("""
        schema_loader:
          type: InlineSchemaLoader
          schema: {type: object, properties: {name: {type: string}}}
        """);

    assertThat(catalog.stream(StreamDescriptor.of("users")).orElseThrow().jsonSchema().at("/properties/name/type")
        .asText()).isEqualTo("string");
  }

  @Test
  void aSchemaFileIsFoundInTheSchemasSectionByItsName() {
    AirbyteCatalog catalog = discover("""
        schema_loader:
          type: JsonFileSchemaLoader
          file_path: "./source_example/schemas/{{ parameters['name'] }}.json"
        """);

    assertThat(catalog.stream(StreamDescriptor.of("users")).orElseThrow().jsonSchema().at("/properties/id/type")
        .asText()).isEqualTo("integer");
  }

  @Test
  void withoutALoaderTheStreamsNameNamesTheFile() {
    AirbyteCatalog catalog = discover("");

    assertThat(catalog.stream(StreamDescriptor.of("users")).orElseThrow().jsonSchema().has("properties")).isTrue();
  }

  @Test
  void aMissingSchemaFileIsALoadTimeError() {
    assertThatThrownBy(() -> TestSources.load(manifest("""
        schema_loader:
          type: JsonFileSchemaLoader
          file_path: ./schemas/accounts.json
        """))).isInstanceOf(ManifestException.class)
        .hasMessageStartingWith("streams[0].schema_loader.file_path")
        .hasMessageContaining("'accounts'");
  }
}
