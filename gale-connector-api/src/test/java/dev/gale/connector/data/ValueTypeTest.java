package dev.gale.connector.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTypeTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      {"type":"string"}                                                                    | STRING
      {"type":["null","string"]}                                                           | STRING
      {"type":"boolean"}                                                                   | BOOLEAN
      {"type":"integer"}                                                                   | INTEGER
      {"type":"number","airbyte_type":"integer"}                                           | INTEGER
      {"type":["number","null"]}                                                           | NUMBER
      {"type":"string","format":"date"}                                                    | DATE
      {"type":"string","format":"date-time"}                                               | TIMESTAMP_WITH_TIMEZONE
      {"type":"string","format":"date-time","airbyte_type":"timestamp_with_timezone"}      | TIMESTAMP_WITH_TIMEZONE
      {"type":"string","format":"date-time","airbyte_type":"timestamp_without_timezone"}   | TIMESTAMP_WITHOUT_TIMEZONE
      {"type":"string","format":"time","airbyte_type":"time_with_timezone"}                | TIME_WITH_TIMEZONE
      {"type":"string","format":"time","airbyte_type":"time_without_timezone"}             | TIME_WITHOUT_TIMEZONE
      {"type":"string","contentEncoding":"base64"}                                         | BINARY
      {"type":"object","properties":{"a":{"type":"string"}}}                               | JSON
      {"type":"array","items":{"type":"integer"}}                                          | JSON
      {"type":["string","integer"]}                                                        | JSON
      {}                                                                                   | JSON
      """)
  void mapsAirbytesTypeSystem(String property, ValueType expected) {
    assertThat(ValueType.of(Json.parse(property))).isEqualTo(expected);
  }

  @Test
  void acceptsExactlyTheJavaRepresentationOfEachTypeAndNull() {
    assertThat(ValueType.INTEGER.accepts(1L)).isTrue();
    assertThat(ValueType.INTEGER.accepts(BigInteger.TEN)).isTrue();
    assertThat(ValueType.INTEGER.accepts(1)).as("an Integer is not the representation").isFalse();
    assertThat(ValueType.NUMBER.accepts(BigDecimal.ONE)).isTrue();
    assertThat(ValueType.NUMBER.accepts(1.5f)).isFalse();
    assertThat(ValueType.DATE.accepts(LocalDate.EPOCH)).isTrue();
    assertThat(ValueType.TIMESTAMP_WITH_TIMEZONE.accepts(OffsetDateTime.now())).isTrue();
    assertThat(ValueType.TIMESTAMP_WITHOUT_TIMEZONE.accepts(OffsetDateTime.now())).isFalse();
    assertThat(ValueType.BINARY.accepts(new byte[0])).isTrue();
    assertThat(ValueType.JSON.accepts("{}")).isTrue();
    for (ValueType type : ValueType.values()) {
      assertThat(type.accepts(null)).as("%s accepts null", type).isTrue();
    }
  }

  @Test
  void aRecordSchemaFollowsTheTopLevelPropertiesInOrder() {
    RecordSchema schema = RecordSchema.fromJsonSchema(StreamDescriptor.of("users"), Json.parse("""
        {"type":"object","properties":{"id":{"type":"integer"},"address":{"type":"object"},
         "seen":{"type":"string","format":"date"}}}"""));

    assertThat(schema.columns()).containsExactly(new Column("id", ValueType.INTEGER),
        new Column("address", ValueType.JSON), new Column("seen", ValueType.DATE));
    assertThat(RecordSchema.fromJsonSchema(StreamDescriptor.of("empty"), Json.object()).columns()).isEqualTo(List.of());
  }
}
