package dev.gale.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.data.ValueType;
import dev.gale.connectors.postgres.Identifiers;
import dev.gale.connectors.postgres.JsonSchemas;
import dev.gale.connectors.postgres.PgWireType;
import java.util.Set;

/**
 * A column of a table or view as the source reads it: how it is selected, the wire format of what comes back, and
 * its type in records and in the stream's JSON Schema.
 *
 * @param declaredType the column's type as PostgreSQL spells it ({@code format_type}), used to cast cursor values
 * @param selection the SELECT expression: the quoted column, or a cast of it for types without a binary decoder
 * @param elementType for arrays, the element's value type; else {@code null}
 */
public record SourceColumn(String name, String declaredType, PgWireType wire, ValueType valueType, String selection,
                           ValueType elementType) {
  // Types whose binary form Gale decodes, by base type name (domains resolve to their base type).
  private static final Set<String> TEXT_TYPES = Set.of("text", "varchar", "bpchar", "name", "citext");

  public SourceColumn {
    requireNonNull(name, "name is null");
    requireNonNull(declaredType, "declaredType is null");
    requireNonNull(wire, "wire is null");
    requireNonNull(valueType, "valueType is null");
    requireNonNull(selection, "selection is null");
  }

  /**
   * Classifies a column from the catalog.
   *
   * @param baseType {@code pg_type.typname} of the column's type, or of a domain's base type
   * @param typeType {@code typtype}: {@code e} for enums
   * @param category {@code typcategory}: {@code A} for arrays
   * @param elementBaseType for arrays, the element type's name
   */
  public static SourceColumn of(String name, String declaredType, String baseType, String typeType, String category,
                                String elementBaseType) {
    String quoted = Identifiers.quote(name);
    if ("A".equals(category)) {
      return new SourceColumn(name, declaredType, PgWireType.JSONB, ValueType.JSON, "to_jsonb(" + quoted + ")",
          elementType(elementBaseType));
    }
    PgWireType wire = "e".equals(typeType) ? null : wire(baseType);
    if (wire == null) {
      return new SourceColumn(name, declaredType, PgWireType.TEXT, ValueType.STRING, quoted + "::text", null);
    }
    ValueType valueType = baseType.equals("json") ? ValueType.JSON : wire.valueType();
    return new SourceColumn(name, declaredType, wire, valueType, quoted, null);
  }

  /** This column's schema in the stream's {@code json_schema}. */
  public ObjectNode jsonSchema() {
    if (elementType != null) {
      ObjectNode array = JsonSchemas.of(ValueType.JSON).put("type", "array");
      array.set("items", JsonSchemas.of(elementType));
      return array;
    }
    return JsonSchemas.of(valueType);
  }

  /**
   * Whether the column can be an incremental cursor: its values must order in PostgreSQL and come back as text that
   * PostgreSQL reads again as the same value. JSON, arrays and binary data cannot.
   */
  public boolean cursorCapable() {
    return valueType != ValueType.JSON && valueType != ValueType.BINARY;
  }

  // What to_jsonb makes of an element: JSON values stay JSON, bytea becomes hex text, unknown types their text.
  private static ValueType elementType(String elementBaseType) {
    PgWireType wire = elementBaseType == null ? null : wire(elementBaseType);
    if (wire == null || wire == PgWireType.BYTEA) {
      return ValueType.STRING;
    }
    return elementBaseType.equals("json") ? ValueType.JSON : wire.valueType();
  }

  private static PgWireType wire(String baseType) {
    if (TEXT_TYPES.contains(baseType) || baseType.equals("json")) {
      return PgWireType.TEXT;
    }
    return switch (baseType) {
      case "bool" -> PgWireType.BOOL;
      case "int2" -> PgWireType.INT2;
      case "int4" -> PgWireType.INT4;
      case "int8" -> PgWireType.INT8;
      case "float4" -> PgWireType.FLOAT4;
      case "float8" -> PgWireType.FLOAT8;
      case "numeric" -> PgWireType.NUMERIC;
      case "jsonb" -> PgWireType.JSONB;
      case "date" -> PgWireType.DATE;
      case "time" -> PgWireType.TIME;
      case "timetz" -> PgWireType.TIMETZ;
      case "timestamp" -> PgWireType.TIMESTAMP;
      case "timestamptz" -> PgWireType.TIMESTAMPTZ;
      case "uuid" -> PgWireType.UUID;
      case "bytea" -> PgWireType.BYTEA;
      default -> null;
    };
  }
}
