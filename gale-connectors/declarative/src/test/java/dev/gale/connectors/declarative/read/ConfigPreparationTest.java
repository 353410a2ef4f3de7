package dev.gale.connectors.declarative.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.ConnectorException;
import dev.gale.protocol.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigPreparationTest {
  private static final String SPEC = """
      {"type": "object", "required": ["api_key", "region"],
       "properties": {
         "api_key": {"type": "string", "airbyte_secret": true},
         "region": {"type": "string", "enum": ["eu", "us"], "default": "eu"},
         "page_size": {"type": "integer", "default": 100},
         "credentials": {"type": "object", "oneOf": [
           {"properties": {"auth_type": {"const": "oauth"}, "scope": {"type": "string", "default": "read"}}},
           {"properties": {"auth_type": {"const": "token"}, "token": {"type": "string"}}, "required": ["token"]}]}}}""";

  // As in Airbyte, where the CDK validates with plain JSON Schema and the platform's server does too: a default is not
  // filled in, so templates see what the configuration holds, and it does not stand in for a required property.
  @Test
  void defaultsAreNotFilledInAndDoNotStandInForARequiredProperty() {
    Map<String, Object> config = ConfigPreparation.prepare(Json.parse(SPEC),
        Json.parse("{\"api_key\": \"k\", \"region\": \"us\", \"credentials\": {\"auth_type\": \"oauth\"}}"));

    assertThat(config).containsOnlyKeys("api_key", "region", "credentials").containsEntry("region", "us")
        .containsEntry("credentials", Map.of("auth_type", "oauth"));
    assertThatThrownBy(() -> ConfigPreparation.prepare(Json.parse(SPEC), Json.parse("{\"api_key\": \"k\"}")))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("region is required");
  }

  @Test
  void theItemsOfAListAreCheckedAgainstTheSpecsItems() {
    // News API's search_in lists where to search, each one of three fields.
    String spec = """
        {"type": "object", "properties": {
           "search_in": {"type": "array", "items": {"type": "string", "enum": ["title", "description", "content"]}},
           "ids": {"type": "array", "items": {"type": "integer"}}}}""";

    assertThat(ConfigPreparation.prepare(Json.parse(spec), Json.parse(
        "{\"search_in\": [\"title\", \"content\"], \"ids\": [3, 5]}"))).containsEntry("ids", List.of(3L, 5L));
    assertThatThrownBy(() -> ConfigPreparation.prepare(Json.parse(spec), Json.parse(
        "{\"search_in\": [\"title\", \"body\"], \"ids\": [3, \"five\"]}")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("search_in[1] must be one of [\"title\",\"description\",\"content\"]")
        .hasMessageContaining("ids[1] must be integer").hasMessageNotContaining("body").hasMessageNotContaining("five");
  }

  @Test
  void aRequiredPropertyGivenAsNullIsMissingUnlessItsTypeAdmitsNull() {
    // Airbyte's validation refuses null where the spec asks for a string: systeme.io's key given as null.
    assertThatThrownBy(() -> ConfigPreparation.prepare(Json.parse(SPEC), Json.parse("{\"api_key\": null}")))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("api_key is required");
    String nullable = """
        {"type": "object", "required": ["cursor"], "properties": {"cursor": {"type": ["null", "string"]}}}""";
    assertThat(ConfigPreparation.prepare(Json.parse(nullable), Json.parse("{\"cursor\": null}")))
        .containsEntry("cursor", null);
  }

  @Test
  void problemsNamePropertiesAndNoValues() {
    assertThatThrownBy(() -> ConfigPreparation.prepare(Json.parse(SPEC), Json.parse(
        "{\"api_key\": 12345678, \"region\": \"mars\", \"credentials\": {\"auth_type\": \"token\"}}")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("api_key must be string").hasMessageContaining("region must be one of")
        .hasMessageContaining("token is required").hasMessageNotContaining("12345678");
  }

  @Test
  void textMustMatchItsPatternAsJsonSchemaSearchesIt() {
    // Airbyte validates a configuration against the whole spec: a start date in the wrong shape fails the check.
    String spec = """
        {"type": "object", "properties": {
           "start_date": {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$"},
           "sort": {"type": "string", "pattern": "^(ascending|descending|popular)$"},
           "code": {"type": "string", "pattern": "[A-Z]{2}"}}}""";

    assertThat(ConfigPreparation.prepare(Json.parse(spec), Json.parse(
        "{\"start_date\": \"2024-03-01T00:00:00Z\", \"sort\": \"popular\", \"code\": \"x-FR-y\"}")))
        .containsEntry("code", "x-FR-y");
    assertThatThrownBy(() -> ConfigPreparation.prepare(Json.parse(spec), Json.parse(
        "{\"start_date\": \"2024-03-01\", \"sort\": \"newest\"}")))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("start_date must match ^[0-9]{4}").hasMessageContaining("sort must match")
        .hasMessageNotContaining("newest");
  }

  @Test
  void aConfigThatIsNotAnObjectIsRefused() {
    assertThatThrownBy(() -> ConfigPreparation.prepare(Json.parse(SPEC), Json.parse("[]")))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("must be a JSON object");
  }
}
