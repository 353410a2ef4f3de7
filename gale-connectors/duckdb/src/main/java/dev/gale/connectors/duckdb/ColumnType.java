package dev.gale.connectors.duckdb;

import dev.gale.connector.data.ValueType;
import java.util.Optional;

/**
 * The DuckDB types of a typed table's columns. New columns take theirs from the property's {@link ValueType};
 * existing columns keep their type (read back by {@link #ofSql}) and values are converted to it.
 *
 * <p>Numbers are {@code DECIMAL(38,9)}, as Airbyte's DuckDB destination types them: exact like the Postgres
 * destination's {@code numeric}, within DuckDB's widest fixed decimal. Base64 strings are {@code BLOB} so that
 * binary data survives as bytes.
 */
enum ColumnType {
  BOOLEAN("BOOLEAN"),
  BIGINT("BIGINT"),
  DECIMAL("DECIMAL(38,9)"),
  DOUBLE("DOUBLE"),
  VARCHAR("VARCHAR"),
  JSON("JSON"),
  DATE("DATE"),
  TIME("TIME"),
  TIMETZ("TIME WITH TIME ZONE"),
  TIMESTAMP("TIMESTAMP"),
  TIMESTAMPTZ("TIMESTAMP WITH TIME ZONE"),
  BLOB("BLOB"),
  UUID("UUID");

  /** Fractional digits of {@link #DECIMAL}; the appender takes decimals of exactly this scale. */
  static final int DECIMAL_SCALE = 9;
  static final int DECIMAL_PRECISION = 38;

  private final String sql;

  ColumnType(String sql) {
    this.sql = sql;
  }

  /** The type as written in DDL, and as {@code information_schema.columns.data_type} shows it. */
  String sql() {
    return sql;
  }

  static ColumnType of(ValueType type) {
    return switch (type) {
      case STRING -> VARCHAR;
      case BOOLEAN -> BOOLEAN;
      case INTEGER -> BIGINT;
      case NUMBER -> DECIMAL;
      case DATE -> DATE;
      case TIMESTAMP_WITH_TIMEZONE -> TIMESTAMPTZ;
      case TIMESTAMP_WITHOUT_TIMEZONE -> TIMESTAMP;
      case TIME_WITH_TIMEZONE -> TIMETZ;
      case TIME_WITHOUT_TIMEZONE -> TIME;
      case BINARY -> BLOB;
      case JSON -> JSON;
    };
  }

  /** The type of an existing column by its {@code data_type}; empty for a type Gale does not write. */
  static Optional<ColumnType> ofSql(String dataType) {
    for (ColumnType type : values()) {
      if (type.sql.equalsIgnoreCase(dataType)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
