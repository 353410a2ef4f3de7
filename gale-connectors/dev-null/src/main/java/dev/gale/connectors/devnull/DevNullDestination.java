package dev.gale.connectors.devnull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.Destination;
import dev.gale.connector.config.ConfigException;
import dev.gale.connector.config.ConfigField;
import dev.gale.connector.config.ConfigSchema;
import dev.gale.connector.config.ConfigValues;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.DestinationSyncMode;
import java.util.List;
import java.util.UUID;

/**
 * Gale's counterpart of Airbyte's {@code airbyte/destination-dev-null}: accepts every record and keeps none. Of
 * Airbyte's test behaviours (logging, throttling, failing) only {@code SILENT} is offered, so a configuration naming
 * another one fails {@code check} instead of silently behaving differently.
 */
public final class DevNullDestination implements Destination {
  /** Airbyte's definition id of destination-dev-null. */
  public static final UUID DEFINITION_ID = UUID.fromString("a7bcc9d8-13b3-4e49-b80d-d020b90045e3");
  static final String DOCUMENTATION_URL = "https://docs.airbyte.com/integrations/destinations/dev-null";
  private static final String ICON = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
      <circle cx="16" cy="16" r="11" fill="none" stroke="#64748b" stroke-width="3"/>\
      <line x1="8" y1="24" x2="24" y2="8" stroke="#64748b" stroke-width="3"/>\
      </svg>""";

  static final ConfigField<String> TEST_DESTINATION_TYPE = ConfigField.string("test_destination_type")
      .constant("SILENT").required().build();
  static final ConfigSchema SILENT = ConfigSchema.of("Silent", TEST_DESTINATION_TYPE);
  static final ConfigField<ConfigValues> TEST_DESTINATION = ConfigField.oneOf("test_destination",
          "test_destination_type", List.of(SILENT))
      .title("Test Destination").description("What the destination does with the records it receives.")
      .required().build();
  static final ConfigSchema CONFIG = ConfigSchema.of("Dev Null Destination Spec", TEST_DESTINATION);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(DEFINITION_ID,
      ConnectorDescriptor.Kind.DESTINATION, "End-to-End Testing (/dev/null)", "airbyte/destination-dev-null",
      "0.8.0", DOCUMENTATION_URL, ICON, ConnectorDescriptor.ReleaseStage.ALPHA,
      ConnectorDescriptor.SupportLevel.COMMUNITY, null);
  private static final ConnectorCapabilities CAPABILITIES = ConnectorCapabilities.destination(
      DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP);

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ConnectorSpecification spec() {
    return ConnectorSpecification.of(DOCUMENTATION_URL, CONFIG.toJsonSchema())
        .withSupportsIncremental(true)
        .withSupportedDestinationSyncModes(List.copyOf(CAPABILITIES.destinationSyncModes()));
  }

  /** Nothing is written anywhere, so a configuration works exactly when it is valid. */
  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    try {
      CONFIG.read(config);
      return AirbyteConnectionStatus.succeeded();
    } catch (ConfigException e) {
      return AirbyteConnectionStatus.failed(e.getMessage());
    }
  }

  @Override
  public DestinationWriter open(JsonNode config, ConfiguredAirbyteCatalog catalog, WriteContext context) {
    CONFIG.read(config);
    return new DevNullWriter(catalog, context);
  }
}
