package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.ValueConversion;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadMessageDecoderTest {
  private static final String USERS_SCHEMA = "{\"type\":\"object\",\"properties\":{"
      + "\"id\":{\"type\":\"integer\"},"
      + "\"name\":{\"type\":[\"null\",\"string\"]},"
      + "\"score\":{\"type\":\"number\"},"
      + "\"active\":{\"type\":\"boolean\"},"
      + "\"created_at\":{\"type\":\"string\",\"format\":\"date-time\"},"
      + "\"born\":{\"type\":\"string\",\"format\":\"date\"},"
      + "\"address\":{\"type\":\"object\"},"
      + "\"tags\":{\"type\":\"array\"},"
      + "\"anything\":{}}}";
  private static final RecordSchema USERS =
      RecordSchema.fromJsonSchema(StreamDescriptor.of("users"), Json.parse(USERS_SCHEMA));
  private static final RecordSchema ACCOUNTS = RecordSchema.fromJsonSchema(new StreamDescriptor("accounts", "crm"),
      Json.parse("{\"properties\":{\"id\":{\"type\":\"integer\"}}}"));

  private final List<String> logs = new ArrayList<>();
  private final ReadMessageDecoder decoder = new ReadMessageDecoder(List.of(
      new RecordDecoder(USERS, (level, message) -> logs.add(level + " " + message)),
      new RecordDecoder(ACCOUNTS, (level, message) -> logs.add(level + " " + message))));

  @Test
  void typesARecordStraightIntoARowOfItsStream() {
    ProtocolMessage.TypedRecord record = typed("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\","
        + "\"emitted_at\":1700000000000,\"data\":{\"id\":7,\"name\":\"Ada\",\"score\":2.5,\"active\":true,"
        + "\"created_at\":\"2024-03-01T10:00:00Z\",\"born\":\"1815-12-10\",\"address\":{\"city\":\"London\","
        + "\"zip\":null,\"lines\":[1,2.0,\"x\"]},\"tags\":[\"a\",{\"b\":true}],\"anything\":5,\"extra\":{\"x\":[1]}}}}");

    assertThat(record.schema()).isEqualTo(USERS);
    assertThat(record.emittedAt()).isEqualTo(1_700_000_000_000L);
    assertThat(record.row()).containsExactly(7L, "Ada", 2.5, true,
        OffsetDateTime.of(2024, 3, 1, 10, 0, 0, 0, ZoneOffset.UTC), LocalDate.of(1815, 12, 10),
        "{\"city\":\"London\",\"zip\":null,\"lines\":[1,2.0,\"x\"]}", "[\"a\",{\"b\":true}]", "5");
    assertThat(logs).isEmpty();
  }

  @Test
  void fieldsInAnyOrderGiveTheSameRecord() {
    String data = "{\"id\":1,\"name\":\"Grace\"}";
    ProtocolMessage.TypedRecord expected = typed("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\","
        + "\"emitted_at\":5,\"data\":" + data + "}}");

    for (String line : List.of(
        "{\"record\":{\"stream\":\"users\",\"emitted_at\":5,\"data\":" + data + "},\"type\":\"RECORD\"}",
        "{\"type\":\"RECORD\",\"record\":{\"data\":" + data + ",\"emitted_at\":5,\"stream\":\"users\"}}",
        "{\"type\":\"RECORD\",\"record\":{\"emitted_at\":5,\"data\":" + data + ",\"stream\":\"users\",\"namespace\":null}}",
        "{\"type\":\"RECORD\",\"extra\":{\"a\":[1,{}]},\"record\":{\"meta\":{\"changes\":[]},\"stream\":\"users\","
            + "\"data\":" + data + ",\"emitted_at\":5},\"more\":1}",
        " { \"type\" : \"RECORD\" , \"record\" : { \"stream\" : \"users\" , \"emitted_at\" : 5 , \"data\" : "
            + "{ \"id\" : 1 , \"name\" : \"Grace\" } } } ")) {
      ProtocolMessage.TypedRecord record = typed(line);
      assertThat(record.schema()).as(line).isEqualTo(expected.schema());
      assertThat(record.row()).as(line).containsExactly(expected.row());
      assertThat(record.emittedAt()).as(line).isEqualTo(5);
    }
  }

  @Test
  void aRecordObjectBeforeATypeThatIsNoRecordCountsForNothing() {
    ProtocolMessage message = decode("{\"record\":{\"stream\":\"users\",\"data\":{\"id\":\"seven\"}},"
        + "\"type\":\"STATE\",\"state\":{\"data\":{\"cursor\":1}}}");

    assertThat(message).isInstanceOf(ProtocolMessage.State.class);
    assertThat(logs).isEmpty();
    assertThat(decode("{\"record\":{\"stream\":\"users\",\"data\":{}},\"type\":\"RECORD\",\"type\":\"LOG\","
        + "\"log\":{\"message\":\"last type wins\"}}")).isInstanceOf(ProtocolMessage.Log.class);
  }

  @Test
  void aNamespaceSelectsItsStreamWhereverItStands() {
    for (String line : List.of(
        "{\"type\":\"RECORD\",\"record\":{\"namespace\":\"crm\",\"stream\":\"accounts\",\"data\":{\"id\":3}}}",
        "{\"type\":\"RECORD\",\"record\":{\"stream\":\"accounts\",\"data\":{\"id\":3},\"namespace\":\"crm\"}}")) {
      ProtocolMessage.TypedRecord record = typed(line);
      assertThat(record.schema()).as(line).isEqualTo(ACCOUNTS);
      assertThat(record.row()).containsExactly(3L);
      assertThat(record.emittedAt()).isZero();
    }
  }

  @Test
  void escapesAndUnicodeReadAsTheTextTheyStandFor() {
    ProtocolMessage.TypedRecord record = typed("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":"
        + "{\"name\":\"caf\\u00e9 \\\"quoted\\\" \\\\ tab\\t\\ud83d\\ude00 \u6f22\u5b57 \u00fc\","
        + "\"address\":{\"street\":\"\u00e9\\u00e9\\n\",\"\\u0069d\":\"\\/\"},\"na\\u006de\":\"again\"}}}");

    // Escaped field names are the names they spell: "na\u006de" is a second value of "name", which wins.
    assertThat(record.row()[1]).isEqualTo("again");
    assertThat(record.row()[6]).isEqualTo(Json.parse("{\"street\":\"\u00e9\u00e9\\n\",\"id\":\"/\"}").toString());
    assertThat(typed("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"name\":"
        + "\"caf\\u00e9 \\\"quoted\\\" \\\\ tab\\t\\ud83d\\ude00 \u6f22\u5b57 \u00fc\"}}}").row()[1])
        .isEqualTo("caf\u00e9 \"quoted\" \\ tab\t\ud83d\ude00 \u6f22\u5b57 \u00fc");
  }

  @Test
  void bigNumbersKeepTheirValue() {
    ProtocolMessage.TypedRecord record = typed("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":"
        + "{\"id\":123456789012345678901234567890,\"score\":9007199254740993,\"anything\":1e400,"
        + "\"address\":{\"n\":123456789012345678901234567890.5}}}}");

    assertThat(record.row()[0]).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(record.row()[2]).isEqualTo(new BigDecimal("9007199254740993"));
    assertThat(record.row()[8]).isEqualTo(Json.parse("{\"a\":1e400}").get("a").toString());
    assertThat(record.row()[6]).isEqualTo(Json.parse("{\"n\":123456789012345678901234567890.5}").toString());
    assertThat(typed("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":-9223372036854775808,"
        + "\"score\":12345678901234567890123}}}").row()).startsWith(Long.MIN_VALUE, null, new BigDecimal("12345678901234567890123"));
  }

  @Test
  void theRowIsWhatTypingTheTreeOfTheDataGives() {
    List<String> values = List.of("null", "0", "-17", "9223372036854775807", "9223372036854775808", "1.0", "2.5",
        "-0.0", "1e3", "1.5E-7", "3.141592653589793238462643383279", "true", "false", "\"\"", "\"text\"", "\"42\"",
        "\" 42 \"", "\"4.5\"", "\"true\"", "\"2024-03-01T10:00:00Z\"", "\"2024-03-01T10:00:00.123456+05:30\"",
        "\"2024-03-01 10:00:00\"", "\"2024-03-01\"", "\"2024-02-30T10:00:00Z\"", "\"2024-03-01T24:00:00Z\"",
        "\"2024-03-01t10:00:00z\"", "\"not a date\"", "\"aGVsbG8=\"", "{}", "[]", "{\"a\":[1,{\"b\":null}]}",
        "[1,\"two\",3.0,false]", "\"caf\\u00e9\"");
    for (String value : values) {
      StringBuilder data = new StringBuilder("{");
      for (int i = 0; i < USERS.size(); i++) {
        data.append(i == 0 ? "" : ",").append('"').append(USERS.columns().get(i).name()).append("\":").append(value);
      }
      String json = data.append('}').toString();

      Object[] row = typed("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":" + json + "}}").row();

      assertThat(row).as(json).containsExactly(treeRow(Json.parse(json)));
    }
  }

  @Test
  void aValueThatDoesNotFitIsNullWithOneWarningPerField() {
    Object[] first = typed("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":"
        + "{\"id\":\"seven\",\"name\":{\"nested\":1},\"active\":\"yes\",\"born\":\"tomorrow\"}}}").row();
    typed("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":\"eight\"}}}");

    assertThat(first).containsOnlyNulls();
    assertThat(logs).hasSize(4).allMatch(line -> line.startsWith("WARN Stream 'users': field '"))
        .anyMatch(line -> line.contains("field 'id' holds a value that is not a integer"))
        .anyMatch(line -> line.contains("field 'name' holds a value that is not a string"));
  }

  @Test
  void aLineThatBreaksOffIsTextAndWarnsOfNoField() {
    String broken = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":\"seven\",\"name\":";

    assertThat(decode(broken)).isEqualTo(new ProtocolMessage.Text(broken));
    assertThat(decode("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":\"seven\"}}} trailing"))
        .isInstanceOf(ProtocolMessage.Text.class);
    assertThat(logs).isEmpty();
  }

  @Test
  void aRecordOfAnotherStreamStaysATreeForTheReadToRefuse() {
    ProtocolMessage message = decode("{\"type\":\"RECORD\",\"record\":{\"stream\":\"orders\",\"data\":{\"id\":1}}}");

    assertThat(message).isInstanceOfSatisfying(ProtocolMessage.Record.class,
        record -> assertThat(record.stream()).isEqualTo(StreamDescriptor.of("orders")));
    assertThat(decode("{\"type\":\"RECORD\",\"record\":{\"stream\":\"accounts\",\"data\":{\"id\":1}}}"))
        .isInstanceOf(ProtocolMessage.Record.class);
  }

  @Test
  void malformedRecordsFailAsTheTreePathSays() {
    assertThatThrownBy(() -> decode("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":[1]}}"))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("its data is not a JSON object");
    assertThatThrownBy(() -> decode("{\"type\":\"RECORD\",\"record\":{\"stream\":7,\"data\":{}}}"))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("it has no stream name");
    assertThatThrownBy(() -> decode("{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"namespace\":1,"
        + "\"data\":{}}}")).isInstanceOf(ConnectorException.class).hasMessageContaining("namespace is not a string");
  }

  @Test
  void otherMessagesAreWhatTheTreePathMakesOfThem() {
    assertThat(decode("{\"type\":\"LOG\",\"log\":{\"level\":\"WARN\",\"message\":\"slow\"}}"))
        .isEqualTo(MessageDecoder.decode(bytes("{\"type\":\"LOG\",\"log\":{\"level\":\"WARN\",\"message\":\"slow\"}}"),
            "{\"type\":\"LOG\",\"log\":{\"level\":\"WARN\",\"message\":\"slow\"}}".length()));
    assertThat(decode("{\"type\":\"STATE\",\"state\":{\"data\":{}}}")).isInstanceOf(ProtocolMessage.State.class);
    assertThat(decode("plain text")).isEqualTo(new ProtocolMessage.Text("plain text"));
  }

  @Test
  void readsTheLineWhereItLiesInALargerArray() {
    String line = "{\"type\":\"RECORD\",\"record\":{\"stream\":\"users\",\"data\":{\"id\":9}}}";
    byte[] bytes = ("garbage before" + line + "garbage after").getBytes(StandardCharsets.UTF_8);

    ProtocolMessage message = decoder.decode(bytes, "garbage before".length(), line.length());

    assertThat(((ProtocolMessage.TypedRecord) message).row()[0]).isEqualTo(9L);
  }

  /** How records were typed before they were decoded straight from the line: from the tree of their data. */
  private static Object[] treeRow(JsonNode data) {
    Object[] row = new Object[USERS.size()];
    for (int i = 0; i < row.length; i++) {
      JsonNode value = data.get(USERS.columns().get(i).name());
      ValueType type = USERS.columns().get(i).type();
      if (value != null && !value.isNull()) {
        row[i] = type == ValueType.JSON ? value.toString() : ValueConversion.convert(plain(value), type, Json::write);
      }
    }
    return row;
  }

  private static Object plain(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isIntegralNumber()) {
      return value.canConvertToLong() ? (Object) value.longValue() : value.bigIntegerValue();
    }
    if (value.isBigDecimal()) {
      return value.decimalValue();
    }
    return value.isNumber() ? value.doubleValue() : Json.convert(value, Object.class);
  }

  private ProtocolMessage.TypedRecord typed(String line) {
    ProtocolMessage message = decode(line);
    assertThat(message).as(line).isInstanceOf(ProtocolMessage.TypedRecord.class);
    return (ProtocolMessage.TypedRecord) message;
  }

  private ProtocolMessage decode(String line) {
    byte[] bytes = bytes(line);
    return decoder.decode(bytes, 0, bytes.length);
  }

  private static byte[] bytes(String line) {
    return line.getBytes(StandardCharsets.UTF_8);
  }
}
