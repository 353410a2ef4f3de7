package dev.gale.connectors.s3;

import dev.gale.connector.data.Column;
import dev.gale.connector.data.ValueType;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;

/**
 * The Avro schema of a stream, column for column as {@link ParquetSchemas}: Airbyte's four fields, then one nullable
 * field per column (a union of null and the type, default null). Objects with declared properties are records of
 * such nullable fields, arrays with typed items arrays of nullable items, as Airbyte writes them (see
 * {@link NestedType}); other objects and arrays, unions, untyped fields and times with a zone are JSON or ISO text;
 * integers are longs, numbers doubles, dates {@code date}, times {@code time-micros},
 * timestamps {@code timestamp-micros} ({@code local-timestamp-micros} without a zone), binary {@code bytes}.
 *
 * <p>Avro names must match {@code [A-Za-z_][A-Za-z0-9_]*}. As Airbyte's Avro name transformer, accents are stripped,
 * every other character outside that set becomes {@code _}, and a leading digit gets a {@code _} in front; a name
 * that then repeats an earlier one (or one of Airbyte's) gets {@code _1}, {@code _2}, ... appended. The field order
 * is the column order, so readers can map fields back by position.
 */
final class AvroSchemas {
  static final List<String> AIRBYTE_FIELDS = List.of("_airbyte_raw_id", "_airbyte_extracted_at", "_airbyte_meta",
      "_airbyte_generation_id");

  private AvroSchemas() {}

  /** @param shapes one per column, from {@link NestedType#of(List, com.fasterxml.jackson.databind.JsonNode)} */
  static Schema of(String streamName, String namespace, List<Column> columns, List<NestedType> shapes) {
    List<String> names = fieldNames(columns);
    Schema change = SchemaBuilder.record("airbyte_change").fields()
        .requiredString("field").requiredString("change").requiredString("reason").endRecord();
    Schema meta = SchemaBuilder.record("airbyte_meta").fields()
        .requiredLong("sync_id").name("changes").type().array().items(change).noDefault().endRecord();
    SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(name(streamName))
        .namespace(namespace == null || namespace.isBlank() ? null : namespaceName(namespace)).fields()
        .requiredString("_airbyte_raw_id")
        .name("_airbyte_extracted_at").type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)))
            .noDefault()
        .name("_airbyte_meta").type(meta).noDefault()
        .requiredLong("_airbyte_generation_id");
    // Nested records are named by their path below the stream's own full name, so none can take that name.
    List<String> streamPath = new ArrayList<>();
    if (namespace != null && !namespace.isBlank()) {
      streamPath.addAll(List.of(namespaceName(namespace).split("\\.")));
    }
    streamPath.add(name(streamName));
    for (int i = 0; i < columns.size(); i++) {
      Schema nullable = nullable(type(shapes.get(i), append(streamPath, names.get(i))));
      fields = fields.name(names.get(i)).doc(columns.get(i).name()).type(nullable).withDefault(null);
    }
    return fields.endRecord();
  }

  /** The Avro field name of each column, valid and unique. */
  static List<String> fieldNames(List<Column> columns) {
    return uniqueNames(columns.stream().map(Column::name).toList(), AIRBYTE_FIELDS);
  }

  /** {@code texts} as Avro names, valid and unique among themselves and {@code reserved}. */
  private static List<String> uniqueNames(List<String> texts, List<String> reserved) {
    Set<String> taken = new HashSet<>(reserved);
    List<String> names = new ArrayList<>();
    for (String text : texts) {
      String base = name(text);
      String unique = base;
      for (int n = 1; !taken.add(unique.toLowerCase(Locale.ROOT)) && n > 0; n++) {
        unique = base + "_" + n;
      }
      names.add(unique);
    }
    return names;
  }

  /** {@code text} as an Avro name: accents stripped, other invalid characters {@code _}, no leading digit. */
  static String name(String text) {
    String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String name = ascii.replaceAll("[^A-Za-z0-9_]", "_");
    return name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name;
  }

  private static String namespaceName(String namespace) {
    return String.join(".", java.util.Arrays.stream(namespace.split("\\.", -1)).map(AvroSchemas::name).toList());
  }

  /**
   * The type of a column or nested field. A record is named after its field, in a namespace made of the names on its
   * path from the stream (with {@code items} for the items of an array), so that records of equal field names in
   * different places do not collide.
   */
  private static Schema type(NestedType shape, List<String> path) {
    return switch (shape) {
      case NestedType.Scalar scalar -> type(scalar.type());
      case NestedType.ListOf list -> Schema.createArray(nullable(type(list.items(), append(path, "items"))));
      case NestedType.Struct struct -> {
        List<String> names = uniqueNames(struct.fields().stream().map(NestedType.Field::name).toList(), List.of());
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(path.getLast())
            .namespace(String.join(".", path.subList(0, path.size() - 1))).fields();
        for (int i = 0; i < names.size(); i++) {
          NestedType.Field field = struct.fields().get(i);
          fields = fields.name(names.get(i)).doc(field.name())
              .type(nullable(type(field.type(), append(path, names.get(i))))).withDefault(null);
        }
        yield fields.endRecord();
      }
    };
  }

  private static Schema nullable(Schema type) {
    return Schema.createUnion(Schema.create(Schema.Type.NULL), type);
  }

  private static List<String> append(List<String> path, String name) {
    List<String> longer = new ArrayList<>(path);
    longer.add(name);
    return longer;
  }

  private static Schema type(ValueType type) {
    return switch (type) {
      case STRING, JSON, TIME_WITH_TIMEZONE -> Schema.create(Schema.Type.STRING);
      case BOOLEAN -> Schema.create(Schema.Type.BOOLEAN);
      case INTEGER -> Schema.create(Schema.Type.LONG);
      case NUMBER -> Schema.create(Schema.Type.DOUBLE);
      case DATE -> LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT));
      case TIME_WITHOUT_TIMEZONE -> LogicalTypes.timeMicros().addToSchema(Schema.create(Schema.Type.LONG));
      case TIMESTAMP_WITH_TIMEZONE -> LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
      case TIMESTAMP_WITHOUT_TIMEZONE ->
          LogicalTypes.localTimestampMicros().addToSchema(Schema.create(Schema.Type.LONG));
      case BINARY -> Schema.create(Schema.Type.BYTES);
    };
  }
}
