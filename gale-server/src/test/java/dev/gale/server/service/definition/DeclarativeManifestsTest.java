package dev.gale.server.service.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.http.InvalidInputException.ValidationError;
import org.junit.jupiter.api.Test;

class DeclarativeManifestsTest {
  private static ObjectNode manifest() {
    return (ObjectNode) Json.parse("""
        {"version": "6.33.0", "type": "DeclarativeSource",
         "check": {"type": "CheckStream", "stream_names": ["items"]},
         "streams": [{"type": "DeclarativeStream", "name": "items"}],
         "spec": {"type": "Spec", "documentation_url": "https://example.com/docs",
                  "connection_specification": {"type": "object", "required": ["api_key"],
                    "properties": {"api_key": {"type": "string", "airbyte_secret": true}}}}}
        """);
  }

  @Test
  void aMinimalManifestPasses() {
    assertThatCode(() -> DeclarativeManifests.validate(manifest(), "manifest")).doesNotThrowAnyException();
    ObjectNode dynamic = manifest();
    dynamic.remove("streams");
    dynamic.set("dynamic_streams", Json.parse("[{\"type\": \"DynamicDeclarativeStream\"}]"));
    assertThatCode(() -> DeclarativeManifests.validate(dynamic, "manifest")).doesNotThrowAnyException();
  }

  @Test
  void somethingOtherThanAnObjectIsRefused() {
    for (String json : new String[] {"[]", "\"streams\"", "42", "null"}) {
      InvalidInputException e = refused(Json.parse(json));
      assertThat(e.errors()).extracting(ValidationError::propertyPath).containsExactly("manifest");
    }
    assertThat(refused(null).getMessage()).contains("JSON object");
  }

  @Test
  void everyMissingKeyIsNamed() {
    InvalidInputException e = refused(Json.parse("{\"description\": \"not a manifest\"}"));

    assertThat(e.errors()).extracting(ValidationError::propertyPath)
        .containsExactly("manifest.type", "manifest.version", "manifest.check", "manifest.streams");
    assertThat(e.getMessage()).contains("'streams' or 'dynamic_streams'");
  }

  @Test
  void wrongShapesAreNamedWithTheirPaths() {
    ObjectNode manifest = manifest();
    manifest.put("type", "Spec");
    manifest.put("version", 6);
    manifest.put("check", "CheckStream");
    manifest.set("streams", Json.parse("[{\"name\": \"ok\"}, \"items\"]"));
    manifest.set("dynamic_streams", Json.parse("{}"));
    manifest.set("spec", Json.parse("{\"type\": \"Spec\"}"));

    InvalidInputException e = refused(manifest);

    assertThat(e.errors()).extracting(ValidationError::propertyPath).containsExactly("manifest.type",
        "manifest.version", "manifest.check", "manifest.streams[1]", "manifest.dynamic_streams", "manifest.spec");
    assertThat(e.errors()).extracting(ValidationError::invalidValue).containsExactly("Spec", "6", "CheckStream",
        "items", "object", null);
  }

  @Test
  void specificationIsTheProtocolsShapeOfTheManifestsSpec() {
    JsonNode specification = DeclarativeManifests.specification(manifest());

    assertThat(specification.path("documentationUrl").asText()).isEqualTo("https://example.com/docs");
    assertThat(specification.at("/connectionSpecification/properties/api_key/airbyte_secret").asBoolean()).isTrue();
    assertThat(specification.at("/connectionSpecification/required/0").asText()).isEqualTo("api_key");
  }

  @Test
  void aManifestWithoutSpecTakesNoConfiguration() {
    ObjectNode manifest = manifest();
    manifest.remove("spec");

    JsonNode specification = DeclarativeManifests.specification(manifest);

    assertThat(specification).isEqualTo(Json.parse("{\"connectionSpecification\": {\"type\": \"object\", \"properties\": {}}}"));
  }

  private static InvalidInputException refused(JsonNode manifest) {
    return catchThrowableOfType(InvalidInputException.class, () -> DeclarativeManifests.validate(manifest, "manifest"));
  }
}
