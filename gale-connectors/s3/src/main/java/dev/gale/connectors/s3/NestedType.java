package dev.gale.connectors.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape a column takes in Parquet and Avro, read from its JSON Schema the way Airbyte's destination-s3 reads it.
 *
 * <p>What Airbyte does (destination-s3 1.5 and later, on the bulk load CDK; read in airbytehq/airbyte:
 * {@code airbyte-cdk/bulk/core/load/.../data/json/JsonSchemaToAirbyteType.kt}, {@code .../load-avro/.../
 * AirbyteTypeToAvroSchema.kt} and {@code AvroMapperPipelineFactory.kt}, {@code .../load-parquet/.../
 * ParquetMapperPipelineFactory.kt} and {@code file/parquet/ParquetWriter.kt}, {@code .../data/
 * AirbyteValueDeepCoercingMapper.kt}, {@code AirbyteValueIdentityMapper.kt}, {@code AirbyteValueCoercer.kt};
 * {@code docs/integrations/destinations/s3.md} only says that Parquet goes through the Avro schema):
 * <ul>
 *   <li>an object with at least one declared property is an Avro record with one field per property, every field a
 *       union of null and its type with default null, recursively; Parquet gets that record through parquet-avro, so an
 *       optional group of optional fields;</li>
 *   <li>an array whose {@code items} is a schema is an Avro array of (null or) that type; in Parquet the three-level
 *       {@code LIST} (parquet-avro's new list structure, which Airbyte switches on so that elements may be null);</li>
 *   <li>an object without {@code properties}, with empty {@code properties} (whatever its
 *       {@code additionalProperties}), and an array without {@code items} are JSON text, a string;</li>
 *   <li>a property without {@code type} and without {@code oneOf}/{@code anyOf}/{@code allOf} is read as an
 *       object;</li>
 *   <li>a union of several types becomes an Avro union, and in Parquet a record with a {@code type} name and one
 *       field per option. Gale does not build those: a union stays JSON text, as before (see {@link #of});</li>
 *   <li>there is no {@code _airbyte_additional_properties} field any more (that was the pre-1.5 Java converter):
 *       properties a record has but the schema does not declare are dropped without a change;</li>
 *   <li>a value that does not fit its declared type (a string where an object is declared, text that is not a
 *       number) is written as null, and the record's {@code _airbyte_meta.changes} gets {@code NULLED} with reason
 *       {@code DESTINATION_SERIALIZATION_ERROR} and the field's path (property names and {@code [index]} joined by
 *       dots). Scalars are coerced as Airbyte coerces them: integral numbers and numeric text to integers and
 *       numbers, anything to a string (objects and arrays as their JSON), ISO text to dates and times.</li>
 * </ul>
 * Nested scalars take the same Parquet and Avro types as Gale's top-level columns of that type.
 */
sealed interface NestedType {
  /** A value of one of Gale's types; {@link ValueType#JSON} is JSON text. */
  record Scalar(ValueType type) implements NestedType {}

  /** An object with declared properties, in their declared order. */
  record Struct(List<Field> fields) implements NestedType {
    public Struct {
      fields = List.copyOf(fields);
    }
  }

  /** One declared property of a {@link Struct}. */
  record Field(String name, NestedType type) {}

  /** An array whose items have one schema. */
  record ListOf(NestedType items) implements NestedType {}

  NestedType TEXT = new Scalar(ValueType.JSON);

  /** Whether this is a record or a list rather than one value. */
  default boolean nested() {
    return this instanceof Struct || this instanceof ListOf;
  }

  /**
   * The shape of each column: a JSON column whose property in {@code streamSchema} declares an object's properties or
   * an array's items is nested; every other column keeps its type.
   */
  static List<NestedType> of(List<Column> columns, JsonNode streamSchema) {
    JsonNode properties = streamSchema == null ? null : streamSchema.path("properties");
    List<NestedType> shapes = new ArrayList<>(columns.size());
    for (Column column : columns) {
      JsonNode property = properties == null ? null : properties.get(column.name());
      shapes.add(column.type() == ValueType.JSON && property != null && property.isObject()
          ? of(property) : new Scalar(column.type()));
    }
    return shapes;
  }

  /** The shape of one property's schema. */
  static NestedType of(JsonNode property) {
    if (!property.isObject()) {
      return TEXT;
    }
    if (!property.has("type")) {
      // Airbyte reads a schema without a type as an object, unless it is a union.
      // A $ref to Airbyte's well-known types is text here as Gale's ValueType reads it at the top level.
      boolean union = property.has("oneOf") || property.has("anyOf") || property.has("allOf");
      return union || property.has("$ref") ? TEXT : object(property);
    }
    List<String> types = ValueType.nonNullTypes(property);
    if (types.size() != 1) {
      return TEXT; // a union of several types (or none): JSON text, see the class comment
    }
    return switch (types.getFirst()) {
      case "object" -> object(property);
      case "array" -> array(property.get("items"));
      default -> new Scalar(ValueType.of(property));
    };
  }

  private static NestedType object(JsonNode property) {
    JsonNode properties = property.get("properties");
    if (properties == null || !properties.isObject() || properties.isEmpty()) {
      return TEXT;
    }
    List<Field> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : properties.properties()) {
      fields.add(new Field(entry.getKey(), of(entry.getValue())));
    }
    return new Struct(fields);
  }

  private static NestedType array(JsonNode items) {
    if (items == null || items.isNull()) {
      return TEXT;
    }
    if (items.isArray()) {
      // A tuple schema: Airbyte makes its items the union of the members (one type when there is one member), and
      // an empty one an array without items.
      return switch (items.size()) {
        case 0 -> TEXT;
        case 1 -> new ListOf(of(items.get(0)));
        default -> new ListOf(TEXT);
      };
    }
    return new ListOf(of(items));
  }
}
