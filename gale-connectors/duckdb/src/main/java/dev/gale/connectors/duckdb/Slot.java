package dev.gale.connectors.duckdb;

import static java.util.Objects.requireNonNull;

/**
 * One column of the table an appender fills, in the table's own column order: the appender takes values by
 * position, and a table made by an earlier sync (or outside Gale) may order its columns differently from the plan.
 *
 * @param field for {@link Kind#FIELD}, the position in {@link TablePlan#columns()}; else -1
 * @param type the column's type in the table
 */
record Slot(Kind kind, int field, ColumnType type) {
  Slot {
    requireNonNull(kind, "kind is null");
    requireNonNull(type, "type is null");
  }

  enum Kind {
    RAW_ID, EXTRACTED_AT, META, GENERATION_ID, SEQUENCE, FIELD,
    /** A column no property of the stream fills (a property the source dropped): NULL. */
    ABSENT
  }
}
