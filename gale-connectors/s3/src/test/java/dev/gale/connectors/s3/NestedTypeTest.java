package dev.gale.connectors.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.data.Column;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How property schemas map to shapes, as Airbyte's JSON-schema reading maps them (see {@link NestedType}). */
class NestedTypeTest {
  private static NestedType of(String schema) {
    return NestedType.of(Json.parse(schema));
  }

  private static NestedType scalar(ValueType type) {
    return new NestedType.Scalar(type);
  }

  @Test
  void objectsWithPropertiesAreStructsInDeclaredOrder() {
    assertThat(of("{\"type\":[\"null\",\"object\"],\"properties\":{\"b\":{\"type\":\"integer\"},"
        + "\"a\":{\"type\":\"string\",\"format\":\"date\"}}}"))
        .isEqualTo(new NestedType.Struct(List.of(new NestedType.Field("b", scalar(ValueType.INTEGER)),
            new NestedType.Field("a", scalar(ValueType.DATE)))));
  }

  @Test
  void schemalessObjectsAndArraysAreText() {
    assertThat(of("{\"type\":\"object\"}")).isEqualTo(NestedType.TEXT);
    assertThat(of("{\"type\":\"object\",\"properties\":{}}")).isEqualTo(NestedType.TEXT);
    assertThat(of("{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}")).isEqualTo(NestedType.TEXT);
    assertThat(of("{\"type\":\"array\"}")).isEqualTo(NestedType.TEXT);
    assertThat(of("{\"type\":\"array\",\"items\":[]}")).isEqualTo(NestedType.TEXT);
  }

  @Test
  void arraysWithItemsAreLists() {
    assertThat(of("{\"type\":\"array\",\"items\":{\"type\":\"number\"}}"))
        .isEqualTo(new NestedType.ListOf(scalar(ValueType.NUMBER)));
    assertThat(of("{\"type\":\"array\",\"items\":[{\"type\":\"boolean\"}]}"))
        .isEqualTo(new NestedType.ListOf(scalar(ValueType.BOOLEAN)));
    // items of several types are a union: the list stays, its items are JSON text
    assertThat(of("{\"type\":\"array\",\"items\":[{\"type\":\"boolean\"},{\"type\":\"string\"}]}"))
        .isEqualTo(new NestedType.ListOf(NestedType.TEXT));
    // items without a type are read as an object, here without properties: JSON text
    assertThat(of("{\"type\":\"array\",\"items\":{}}")).isEqualTo(new NestedType.ListOf(NestedType.TEXT));
  }

  @Test
  void untypedSchemasAreObjectsAndUnionsText() {
    assertThat(of("{\"properties\":{\"x\":{\"type\":\"string\"}}}"))
        .isEqualTo(new NestedType.Struct(List.of(new NestedType.Field("x", scalar(ValueType.STRING)))));
    assertThat(of("{\"type\":[\"string\",\"object\"],\"properties\":{\"x\":{\"type\":\"string\"}}}"))
        .isEqualTo(NestedType.TEXT);
    assertThat(of("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}")).isEqualTo(NestedType.TEXT);
  }

  @Test
  void onlyJsonColumnsDeclaredInTheStreamSchemaAreNested() {
    List<Column> columns = List.of(new Column("id", ValueType.INTEGER), new Column("doc", ValueType.JSON),
        new Column("missing", ValueType.JSON), new Column("flat", ValueType.JSON));
    assertThat(NestedType.of(columns, Json.parse("{\"properties\":{\"id\":{\"type\":\"integer\"},"
        + "\"doc\":{\"type\":\"object\",\"properties\":{\"k\":{\"type\":\"integer\"}}},\"flat\":{\"type\":\"object\"}}}")))
        .containsExactly(scalar(ValueType.INTEGER),
            new NestedType.Struct(List.of(new NestedType.Field("k", scalar(ValueType.INTEGER)))),
            NestedType.TEXT, NestedType.TEXT);
  }
}
