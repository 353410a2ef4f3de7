package dev.gale.connectors.files;

import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.config.ConfigField;
import dev.gale.connector.config.ConfigSchema;
import dev.gale.connector.config.ConfigValues;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Gale's counterpart of Airbyte's {@code airbyte/destination-csv}: each stream to {@code _airbyte_raw_<stream>.csv}
 * with a header, the record as JSON in the last column, and Airbyte's choice of delimiters.
 */
public final class LocalCsvDestination extends LocalFileDestination {
  /** Airbyte's definition id of destination-csv. */
  public static final UUID DEFINITION_ID = UUID.fromString("8be1cf83-fde1-477f-a4ad-318d23c9f3c6");

  /** Airbyte spells delimiters as escaped code points. */
  private static final Map<String, Character> DELIMITERS = Map.of("\\u002c", ',', "\\u003b", ';', "\\u007c", '|',
      "\\u0009", '\t', "\\u0020", ' ');
  static final ConfigField<String> DELIMITER = ConfigField.string("delimiter").title("Delimiter")
      .allowedValues(List.of("\\u002c", "\\u003b", "\\u007c", "\\u0009", "\\u0020"))
      .description("Between columns: comma \\u002c, semicolon \\u003b, pipe \\u007c, tab \\u0009 or space \\u0020.")
      .defaultValue("\\u002c").build();
  static final ConfigField<ConfigValues> DELIMITER_TYPE = ConfigField.object("delimiter_type",
          ConfigSchema.of("Delimiter", DELIMITER))
      .title("Delimiter").description("The character between columns; a comma by default.").order(1).build();
  private static final ConfigSchema CONFIG = ConfigSchema.of("CSV Destination Spec", DESTINATION_PATH, DELIMITER_TYPE);
  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(DEFINITION_ID,
      ConnectorDescriptor.Kind.DESTINATION, "Local CSV", "airbyte/destination-csv", "1.0.0",
      "https://docs.airbyte.com/integrations/destinations/csv", Icons.file("#22c55e", "CSV"),
      ConnectorDescriptor.ReleaseStage.ALPHA, ConnectorDescriptor.SupportLevel.COMMUNITY, null);

  public LocalCsvDestination() {
    super(DESCRIPTOR, CONFIG, ".csv");
  }

  @Override
  RecordEncoder encoder(ConfigValues config) {
    String delimiter = config.find(DELIMITER_TYPE).flatMap(type -> type.find(DELIMITER)).orElse("\\u002c");
    return new CsvEncoder(DELIMITERS.get(delimiter));
  }
}
