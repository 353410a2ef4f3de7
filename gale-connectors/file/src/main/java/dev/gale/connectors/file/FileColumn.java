package dev.gale.connectors.file;

import static java.util.Objects.requireNonNull;

/** One column of the file as the stream offers it: its name in the file and its (inferred) type. */
record FileColumn(String name, ColumnType type) {
  FileColumn {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
  }
}
