package dev.gale.connectors.file;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The file formats of Airbyte's source-file, by the value of {@code format}. Gale reads some of them; the others are
 * declared so that an Airbyte configuration naming them is refused by name rather than misread.
 */
enum FileFormat {
  CSV(true), JSON(true), JSONL(true), PARQUET(true),
  EXCEL(false), EXCEL_BINARY(false), FWF(false), FEATHER(false), YAML(false);

  private final boolean supported;

  FileFormat(boolean supported) {
    this.supported = supported;
  }

  String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  boolean supported() {
    return supported;
  }

  static List<String> values(boolean supportedOnly) {
    return Arrays.stream(values()).filter(format -> !supportedOnly || format.supported).map(FileFormat::value)
        .toList();
  }

  static FileFormat of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
