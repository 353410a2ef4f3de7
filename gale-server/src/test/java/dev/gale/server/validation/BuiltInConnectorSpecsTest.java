package dev.gale.server.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Connector;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.protocol.Json;
import dev.gale.server.http.InvalidInputException.ValidationError;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The server's validator and each built-in connector agree on what a valid configuration is. */
class BuiltInConnectorSpecsTest {
  static final UUID FAKER = UUID.fromString("dfd88b22-b603-4c3d-aad7-3701784586b1");
  static final UUID DEV_NULL = UUID.fromString("a7bcc9d8-13b3-4e49-b80d-d020b90045e3");

  private final ConnectorRegistry registry = ConnectorRegistry.builtIns();
  private final ConfigValidator validator = new ConfigValidator();

  @Test
  void builtInsAreFoundByTheirAirbyteIdsAndRepositories() {
    assertThat(registry.findSource(FAKER)).isPresent();
    assertThat(registry.findDestination(DEV_NULL)).isPresent();
    assertThat(registry.findByDockerRepository("airbyte/source-faker")).isPresent();
    assertThat(registry.findByDockerRepository("airbyte/destination-dev-null")).isPresent();
  }

  @Test
  void sampleDataConfigurationsValidateAsTheSourceChecksThem() {
    Connector faker = registry.find(FAKER).orElseThrow();
    JsonNode valid = Json.parse("{\"count\":10,\"seed\":1}");
    JsonNode invalid = Json.parse("{\"count\":0}");

    assertThat(validator.validate(faker.spec().connectionSpecification(), valid)).isEmpty();
    assertThat(faker.check(valid).isSucceeded()).isTrue();
    assertThat(validator.validate(faker.spec().connectionSpecification(), invalid))
        .extracting(ValidationError::propertyPath).containsExactly("connectionConfiguration.count");
    assertThat(faker.check(invalid).isSucceeded()).isFalse();
  }

  @Test
  void devNullConfigurationsValidateAsTheDestinationChecksThem() {
    Connector devNull = registry.find(DEV_NULL).orElseThrow();
    JsonNode valid = Json.parse("{\"test_destination\":{\"test_destination_type\":\"SILENT\"}}");
    JsonNode invalid = Json.parse("{\"test_destination\":{\"test_destination_type\":\"LOGGING\"}}");

    assertThat(validator.validate(devNull.spec().connectionSpecification(), valid)).isEmpty();
    assertThat(devNull.check(valid).isSucceeded()).isTrue();
    assertThat(validator.validate(devNull.spec().connectionSpecification(), invalid))
        .extracting(ValidationError::propertyPath)
        .contains("connectionConfiguration.test_destination.test_destination_type");
    assertThat(devNull.check(invalid).isSucceeded()).isFalse();
  }
}
