package dev.gale.connectors.s3;

import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS;
import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MILLIS;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import dev.gale.connector.data.Column;
import dev.gale.connector.data.ValueType;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The Parquet schema of a stream: Airbyte's four columns, then one optional column per field typed after the
 * stream's JSON schema. Objects with declared properties are optional groups of optional fields, arrays with typed
 * items three-level {@code LIST}s of optional elements, as Airbyte writes them through parquet-avro (see
 * {@link NestedType}); objects and arrays without a fixed shape, unions and untyped fields are JSON text; numbers are
 * doubles as in Airbyte's Parquet output; times with a zone are ISO strings because Parquet has no time type that
 * keeps an offset.
 */
final class ParquetSchemas {
  private ParquetSchemas() {}

  /** @param shapes one per column, from {@link NestedType#of(List, com.fasterxml.jackson.databind.JsonNode)} */
  static MessageType of(String name, List<Column> columns, List<NestedType> shapes) {
    List<Type> fields = new ArrayList<>();
    fields.add(Types.required(BINARY).as(LogicalTypeAnnotation.stringType()).named("_airbyte_raw_id"));
    fields.add(Types.required(INT64).as(LogicalTypeAnnotation.timestampType(true, MILLIS))
        .named("_airbyte_extracted_at"));
    fields.add(Types.requiredGroup()
        .required(INT64).named("sync_id")
        .requiredList().requiredGroupElement()
            .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("field")
            .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("change")
            .required(BINARY).as(LogicalTypeAnnotation.stringType()).named("reason")
        .named("changes")
        .named("_airbyte_meta"));
    fields.add(Types.required(INT64).named("_airbyte_generation_id"));
    for (int i = 0; i < columns.size(); i++) {
      fields.add(type(columns.get(i).name(), shapes.get(i)));
    }
    return new MessageType(name, fields);
  }

  private static Type type(String name, NestedType shape) {
    return switch (shape) {
      case NestedType.Scalar scalar -> scalar(name, scalar.type());
      case NestedType.Struct struct -> {
        Types.GroupBuilder<GroupType> group = Types.optionalGroup();
        struct.fields().forEach(field -> group.addField(type(field.name(), field.type())));
        yield group.named(name);
      }
      // The three-level list of the Parquet spec, which parquet-avro writes when its old list structure is off.
      case NestedType.ListOf list -> Types.optionalGroup().as(LogicalTypeAnnotation.listType())
          .addField(Types.repeatedGroup().addField(type("element", list.items())).named("list"))
          .named(name);
    };
  }

  private static Type scalar(String name, ValueType type) {
    return switch (type) {
      case STRING, JSON, TIME_WITH_TIMEZONE -> Types.optional(BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
      case BOOLEAN -> Types.optional(BOOLEAN).named(name);
      case INTEGER -> Types.optional(INT64).named(name);
      case NUMBER -> Types.optional(DOUBLE).named(name);
      case DATE -> Types.optional(INT32).as(LogicalTypeAnnotation.dateType()).named(name);
      case TIMESTAMP_WITH_TIMEZONE -> Types.optional(INT64).as(LogicalTypeAnnotation.timestampType(true, MICROS))
          .named(name);
      case TIMESTAMP_WITHOUT_TIMEZONE -> Types.optional(INT64).as(LogicalTypeAnnotation.timestampType(false, MICROS))
          .named(name);
      case TIME_WITHOUT_TIMEZONE -> Types.optional(INT64).as(LogicalTypeAnnotation.timeType(false, MICROS))
          .named(name);
      case BINARY -> Types.optional(BINARY).named(name);
    };
  }

  /** Whether a column of this type is written as text. */
  static boolean isText(ValueType type) {
    return type == ValueType.STRING || type == ValueType.JSON || type == ValueType.TIME_WITH_TIMEZONE;
  }
}
