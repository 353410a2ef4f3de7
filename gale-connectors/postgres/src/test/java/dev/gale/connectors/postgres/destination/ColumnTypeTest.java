package dev.gale.connectors.postgres.destination;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.data.ValueType;
import dev.gale.connectors.postgres.JsonSchemas;
import dev.gale.protocol.Json;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {

  @Test
  void everySchemaTheSourceWritesMapsToTheMatchingColumnType() {
    assertThat(ColumnType.of(JsonSchemas.of(ValueType.STRING))).isEqualTo(ColumnType.TEXT);
    assertThat(ColumnType.of(JsonSchemas.of(ValueType.BOOLEAN))).isEqualTo(ColumnType.BOOLEAN);
    assertThat(ColumnType.of(JsonSchemas.of(ValueType.INTEGER))).isEqualTo(ColumnType.BIGINT);
    assertThat(ColumnType.of(JsonSchemas.of(ValueType.NUMBER))).isEqualTo(ColumnType.NUMERIC);
    assertThat(ColumnType.of(JsonSchemas.of(ValueType.DATE))).isEqualTo(ColumnType.DATE);
    assertThat(ColumnType.of(JsonSchemas.of(ValueType.TIMESTAMP_WITH_TIMEZONE))).isEqualTo(ColumnType.TIMESTAMPTZ);
    assertThat(ColumnType.of(JsonSchemas.of(ValueType.TIMESTAMP_WITHOUT_TIMEZONE))).isEqualTo(ColumnType.TIMESTAMP);
    assertThat(ColumnType.of(JsonSchemas.of(ValueType.TIME_WITH_TIMEZONE))).isEqualTo(ColumnType.TIMETZ);
    assertThat(ColumnType.of(JsonSchemas.of(ValueType.TIME_WITHOUT_TIMEZONE))).isEqualTo(ColumnType.TIME);
    assertThat(ColumnType.of(JsonSchemas.of(ValueType.BINARY))).isEqualTo(ColumnType.BYTEA);
    assertThat(ColumnType.of(JsonSchemas.of(ValueType.JSON))).isEqualTo(ColumnType.JSONB);
  }

  @Test
  void nullableUnionsObjectsArraysAndReferences() {
    assertThat(ColumnType.of(Json.parse("{\"type\":[\"null\",\"integer\"]}"))).isEqualTo(ColumnType.BIGINT);
    assertThat(ColumnType.of(Json.parse("{\"type\":[\"string\",\"integer\"]}"))).isEqualTo(ColumnType.JSONB);
    assertThat(ColumnType.of(Json.parse("{\"type\":\"object\",\"properties\":{}}"))).isEqualTo(ColumnType.JSONB);
    assertThat(ColumnType.of(Json.parse("{\"type\":\"array\"}"))).isEqualTo(ColumnType.JSONB);
    assertThat(ColumnType.of(Json.parse("{\"type\":\"number\",\"airbyte_type\":\"integer\"}")))
        .isEqualTo(ColumnType.BIGINT);
    assertThat(ColumnType.of(Json.parse("{\"$ref\":\"WellKnownTypes.json#/definitions/TimestampWithTimezone\"}")))
        .isEqualTo(ColumnType.TIMESTAMPTZ);
    assertThat(ColumnType.of(Json.parse("{\"$ref\":\"WellKnownTypes.json#/definitions/BinaryData\"}")))
        .isEqualTo(ColumnType.BYTEA);
  }
}
