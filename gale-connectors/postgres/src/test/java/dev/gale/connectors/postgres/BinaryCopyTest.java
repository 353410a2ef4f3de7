package dev.gale.connectors.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writer's output read back by the reader, without a server: the two must agree on PostgreSQL's format. */
class BinaryCopyTest {

  @Test
  void everyWireTypeRoundTrips() throws IOException {
    UUID uuid = UUID.randomUUID();
    PgWireType[] types = {PgWireType.BOOL, PgWireType.INT8, PgWireType.FLOAT8, PgWireType.NUMERIC, PgWireType.TEXT,
        PgWireType.JSONB, PgWireType.DATE, PgWireType.TIME, PgWireType.TIMETZ, PgWireType.TIMESTAMP,
        PgWireType.TIMESTAMPTZ, PgWireType.UUID, PgWireType.BYTEA, PgWireType.TEXT};
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    CopyWriter writer = new CopyWriter(sink);
    writer.header();
    writer.startRow(types.length);
    writer.bool(true);
    writer.int8(Long.MIN_VALUE);
    writer.float8(-0.5);
    writer.numeric(new BigDecimal("-12345678901234567890.00100"));
    writer.text("ascii, ü, ☃, 🐘");
    writer.jsonb("{\"a\":1}");
    writer.date(LocalDate.of(1999, 12, 31));
    writer.time(LocalTime.of(23, 59, 59, 999_999_000));
    writer.timetz(OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHoursMinutes(-3, -30)));
    writer.timestamp(LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1000));
    writer.timestamptzMicros(PgTime.micros(OffsetDateTime.of(2038, 1, 19, 3, 14, 8, 0, ZoneOffset.UTC)));
    writer.uuid(uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
    writer.bytes(new byte[] {1, 2, 3});
    writer.writeNull();
    writer.trailer();

    CopyReader reader = new CopyReader(new ByteArrayInputStream(sink.toByteArray()), types);
    Object[] row = reader.next();

    assertThat(Arrays.copyOf(row, 12)).containsExactly(true, Long.MIN_VALUE, -0.5,
        new BigDecimal("-12345678901234567890.00100"), "ascii, ü, ☃, 🐘", "{\"a\":1}", LocalDate.of(1999, 12, 31),
        LocalTime.of(23, 59, 59, 999_999_000), OffsetTime.of(1, 2, 3, 0, ZoneOffset.ofHoursMinutes(-3, -30)),
        LocalDateTime.of(1970, 1, 1, 0, 0, 0, 1000), OffsetDateTime.of(2038, 1, 19, 3, 14, 8, 0, ZoneOffset.UTC),
        uuid.toString());
    assertThat((byte[]) row[12]).containsExactly(1, 2, 3);
    assertThat(row[13]).isNull();
    assertThat(reader.next()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "0.000", "1", "-1", "9999", "10000", "0.0001", "0.001", "123.45", "-0.5",
      "100000000.000000001", "1E+20", "3.14159265358979323846264338327950288419716939937510", "-99999999.9999"})
  void numericsRoundTripWithTheirScale(String text) {
    BigDecimal value = new BigDecimal(text);

    Number decoded = PgNumeric.decode(PgNumeric.encode(value), 0);

    assertThat(decoded).isEqualTo(value.scale() < 0 ? value.setScale(0) : value);
  }

  @Test
  void numericSpecialsBecomeDoubles() {
    assertThat(PgNumeric.decode(PgNumeric.encodeSpecial(Double.NaN), 0)).isEqualTo(Double.NaN);
    assertThat(PgNumeric.decode(PgNumeric.encodeSpecial(Double.NEGATIVE_INFINITY), 0))
        .isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void valuesLargerThanTheBufferAreReadWhole() throws IOException {
    String large = "x".repeat(200_000) + "é";
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    CopyWriter writer = new CopyWriter(sink);
    writer.header();
    for (int i = 0; i < 3; i++) {
      writer.startRow(1);
      writer.text(large);
    }
    writer.trailer();

    CopyReader reader = new CopyReader(new ByteArrayInputStream(sink.toByteArray()), new PgWireType[] {PgWireType.TEXT});
    for (int i = 0; i < 3; i++) {
      assertThat(reader.next()).containsExactly(large);
    }
    assertThat(reader.next()).isNull();
  }

  @Test
  void aTruncatedStreamIsAnError() throws IOException {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    CopyWriter writer = new CopyWriter(sink);
    writer.header();
    writer.startRow(1);
    writer.int8(1);
    writer.flush();
    byte[] cut = Arrays.copyOf(sink.toByteArray(), sink.size() - 3);

    CopyReader reader = new CopyReader(new ByteArrayInputStream(cut), new PgWireType[] {PgWireType.INT8});
    assertThatThrownBy(reader::next).isInstanceOf(EOFException.class);
  }

  @Test
  void infinitiesOfDatesAndTimestampsMapToJavasExtremes() {
    assertThat(PgTime.date(Integer.MAX_VALUE)).isEqualTo(LocalDate.MAX);
    assertThat(PgTime.days(LocalDate.MIN)).isEqualTo(Integer.MIN_VALUE);
    assertThat(PgTime.timestamp(Long.MAX_VALUE)).isEqualTo(LocalDateTime.MAX);
    assertThat(PgTime.micros(OffsetDateTime.MIN)).isEqualTo(Long.MIN_VALUE);
    assertThat(PgTime.time(86_400_000_000L)).isEqualTo(LocalTime.MAX);
  }
}
