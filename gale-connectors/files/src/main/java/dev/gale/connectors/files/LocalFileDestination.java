package dev.gale.connectors.files;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the local file destinations share: a {@code destination_path} under the local root, one file per stream
 * (namespaces as sub-directories), overwrite and append. Subclasses name the format.
 */
abstract class LocalFileDestination implements Destination {
  static final ConfigField<String> DESTINATION_PATH = ConfigField.string("destination_path").title("Destination Path")
      .description("Directory the files are written to, under Gale's local root (GALE_LOCAL_ROOT, by default "
          + "/tmp/airbyte_local). As in Airbyte, a path starting with /local means that root.")
      .examples(List.of("/local/json_data")).required().order(0).build();

  private static final ConnectorCapabilities CAPABILITIES =
      ConnectorCapabilities.destination(DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND);

  private final ConnectorDescriptor descriptor;
  private final ConfigSchema configSchema;
  private final String extension;

  /**
   * @param configSchema the configuration's declarations, {@link #DESTINATION_PATH} among them
   * @param extension the file name extension, with its dot
   */
  LocalFileDestination(ConnectorDescriptor descriptor, ConfigSchema configSchema, String extension) {
    this.descriptor = descriptor;
    this.configSchema = configSchema;
    this.extension = extension;
  }

  /** How records are written, for this configuration. */
  abstract RecordEncoder encoder(ConfigValues config);

  @Override
  public ConnectorDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ConnectorSpecification spec() {
    return ConnectorSpecification.of(descriptor().documentationUrl(), configSchema.toJsonSchema())
        .withSupportsIncremental(true)
        .withSupportedDestinationSyncModes(List.copyOf(CAPABILITIES.destinationSyncModes()));
  }

  /** The directory must be inside the root and writable. */
  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    try {
      Path directory = directory(configSchema.read(config));
      Files.createDirectories(directory);
      Files.delete(Files.createTempFile(directory, ".gale-check-", ".tmp"));
      return AirbyteConnectionStatus.succeeded();
    } catch (ConnectorException e) {
      return AirbyteConnectionStatus.failed(e.getMessage());
    } catch (IOException e) {
      return AirbyteConnectionStatus.failed("Cannot write to the destination path: " + e.getMessage());
    }
  }

  /** A {@code destination_path} that would climb out of the local root is refused when it is saved. */
  @Override
  public void validate(JsonNode config) {
    LocalRoot.problem(configSchema.read(config).get(DESTINATION_PATH)).ifPresent(problem -> {
      throw new ConfigException(List.of(problem));
    });
  }

  @Override
  public DestinationWriter open(JsonNode config, ConfiguredAirbyteCatalog catalog, WriteContext context) {
    ConfigValues values;
    try {
      values = configSchema.read(config);
    } catch (ConfigException e) {
      throw new ConnectorException(e.getMessage());
    }
    try {
      return new LocalFileWriter(directory(values), extension, encoder(values), catalog, context);
    } catch (IOException e) {
      throw new ConnectorException("Cannot write to the destination path: " + e.getMessage(), e);
    }
  }

  private static Path directory(ConfigValues config) {
    return LocalRoot.resolve(config.get(DESTINATION_PATH));
  }
}
