package dev.gale.connectors.devnull;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Destination;
import dev.gale.connector.contract.DestinationContract;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import org.junit.jupiter.api.Test;

class DevNullDestinationTest extends DestinationContract {
  private final DevNullDestination destination = new DevNullDestination();

  @Override
  protected Destination connector() {
    return destination;
  }

  @Override
  protected JsonNode validConfig() {
    return Json.parse("{\"test_destination\":{\"test_destination_type\":\"SILENT\"}}");
  }

  @Override
  protected JsonNode invalidConfig() {
    return Json.parse("{\"test_destination\":{\"test_destination_type\":\"LOGGING\"}}");
  }

  @Test
  void specOffersTheSilentTestDestinationAsAOneOf() {
    JsonNode testDestination = destination.spec().connectionSpecification().at("/properties/test_destination");

    assertThat(testDestination.get("type").asText()).isEqualTo("object");
    assertThat(testDestination.get("oneOf")).hasSize(1);
    JsonNode silent = testDestination.at("/oneOf/0");
    assertThat(silent.get("title").asText()).isEqualTo("Silent");
    assertThat(silent.get("required")).isEqualTo(Json.parse("[\"test_destination_type\"]"));
    assertThat(silent.at("/properties/test_destination_type/const").asText()).isEqualTo("SILENT");
  }

  @Test
  void specDeclaresOverwriteAppendAndAppendDedup() {
    assertThat(destination.spec().supportedDestinationSyncModes()).containsExactly(DestinationSyncMode.OVERWRITE,
        DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP);
    assertThat(destination.spec().supportsIncremental()).isTrue();
  }

  @Test
  void checkNamesTheUnsupportedTestDestination() {
    AirbyteConnectionStatus status = destination.check(invalidConfig());

    assertThat(status.message())
        .isEqualTo("Invalid configuration: test_destination.test_destination_type must be one of [SILENT], "
            + "got \"LOGGING\"");
  }

  @Test
  void checkAcceptsAConfigThatLeavesTheOnlyTestDestinationImplicit() {
    assertThat(destination.check(Json.parse("{\"test_destination\":{}}")).isSucceeded()).isTrue();
  }

  @Test
  void checkRequiresTheTestDestination() {
    assertThat(destination.check(Json.object()).message()).contains("test_destination is required");
  }
}
