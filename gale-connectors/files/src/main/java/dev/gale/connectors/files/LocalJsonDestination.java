package dev.gale.connectors.files;

import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.config.ConfigSchema;
import dev.gale.connector.config.ConfigValues;
import java.util.UUID;

/**
 * Gale's counterpart of Airbyte's {@code airbyte/destination-local-json}: each stream to
 * {@code _airbyte_raw_<stream>.jsonl}, one record per line.
 */
public final class LocalJsonDestination extends LocalFileDestination {
  /** Airbyte's definition id of destination-local-json. */
  public static final UUID DEFINITION_ID = UUID.fromString("a625d593-bba5-4a1c-a53d-2d246268a816");
  private static final ConfigSchema CONFIG = ConfigSchema.of("Local JSON Destination Spec", DESTINATION_PATH);
  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(DEFINITION_ID,
      ConnectorDescriptor.Kind.DESTINATION, "Local JSON", "airbyte/destination-local-json", "0.2.11",
      "https://docs.airbyte.com/integrations/destinations/local-json", Icons.file("#0ea5e9", "{ }"),
      ConnectorDescriptor.ReleaseStage.ALPHA, ConnectorDescriptor.SupportLevel.COMMUNITY, null);

  public LocalJsonDestination() {
    super(DESCRIPTOR, CONFIG, ".jsonl");
  }

  @Override
  RecordEncoder encoder(ConfigValues config) {
    return new JsonLinesEncoder();
  }
}
