package dev.gale.connectors.postgres;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.util.Arrays;

/**
 * Writes the input of {@code COPY ... FROM STDIN (FORMAT binary)} (the format {@link CopyReader} reads) into a
 * buffer that goes to the sink whenever it holds more than a flush's worth, so memory stays bounded whatever the row
 * count. Not thread-safe.
 */
public final class CopyWriter {
  private static final int FLUSH_AT = 1 << 16;

  private final OutputStream sink;
  private byte[] buffer = new byte[FLUSH_AT + (1 << 12)];
  private int position;

  public CopyWriter(OutputStream sink) {
    this.sink = sink;
  }

  /** The signature, no flags, no header extension. Once, before the first row. */
  public void header() {
    ensure(CopyReader.SIGNATURE.length + 8);
    System.arraycopy(CopyReader.SIGNATURE, 0, buffer, position, CopyReader.SIGNATURE.length);
    position += CopyReader.SIGNATURE.length;
    putInt32(0);
    putInt32(0);
  }

  /** Starts a row of {@code fields} values; hands the buffer to the sink first when it is full enough. */
  public void startRow(int fields) throws IOException {
    if (position >= FLUSH_AT) {
      flush();
    }
    ensure(2);
    Bytes.putInt16(buffer, position, fields);
    position += 2;
  }

  /** The end-of-data marker, then everything buffered to the sink. */
  public void trailer() throws IOException {
    ensure(2);
    Bytes.putInt16(buffer, position, -1);
    position += 2;
    flush();
  }

  public void writeNull() {
    ensure(4);
    putInt32(-1);
  }

  public void bool(boolean value) {
    ensure(5);
    putInt32(1);
    buffer[position++] = (byte) (value ? 1 : 0);
  }

  public void int4(int value) {
    ensure(8);
    putInt32(4);
    putInt32(value);
  }

  public void int8(long value) {
    ensure(12);
    putInt32(8);
    putInt64(value);
  }

  public void float8(double value) {
    int8(Double.doubleToRawLongBits(value));
  }

  public void numeric(BigDecimal value) {
    bytes(PgNumeric.encode(value));
  }

  /** NaN or an infinity in a {@code numeric} column. */
  public void numericSpecial(double value) {
    bytes(PgNumeric.encodeSpecial(value));
  }

  public void date(LocalDate value) {
    int days = PgTime.days(value); // may throw for dates beyond PostgreSQL's range: before anything is written
    ensure(8);
    putInt32(4);
    putInt32(days);
  }

  public void time(LocalTime value) {
    int8(PgTime.micros(value));
  }

  public void timetz(OffsetTime value) {
    ensure(16);
    putInt32(12);
    putInt64(PgTime.micros(value.toLocalTime()));
    putInt32(PgTime.secondsWest(value));
  }

  public void timestamp(LocalDateTime value) {
    int8(PgTime.micros(value));
  }

  /** A {@code timestamptz} as PostgreSQL's microseconds since 2000-01-01 UTC (see {@link PgTime}). */
  public void timestamptzMicros(long micros) {
    int8(micros);
  }

  public void uuid(long mostSignificant, long leastSignificant) {
    ensure(20);
    putInt32(16);
    putInt64(mostSignificant);
    putInt64(leastSignificant);
  }

  /** A field holding exactly these bytes ({@code bytea}, or any value already in its binary form). */
  public void bytes(byte[] value) {
    ensure(4 + value.length);
    putInt32(value.length);
    System.arraycopy(value, 0, buffer, position, value.length);
    position += value.length;
  }

  /**
   * A {@code text} (or {@code varchar}, {@code json}) field: the string in UTF-8. {@link String#getBytes} has a
   * vectorized path for the usual Latin-1 strings: measured three to four times quicker than encoding char by char
   * into the buffer (a 16-column row spent 12% of a sync's client CPU there), the short-lived array included. A lone
   * surrogate becomes '?' either way.
   */
  public void text(String value) {
    bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** A {@code jsonb} field: version 1, then the JSON text in UTF-8. */
  public void jsonb(String json) {
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    ensure(5 + utf8.length);
    putInt32(1 + utf8.length);
    buffer[position++] = 1;
    System.arraycopy(utf8, 0, buffer, position, utf8.length);
    position += utf8.length;
  }

  /** Hands everything buffered to the sink. */
  public void flush() throws IOException {
    if (position > 0) {
      sink.write(buffer, 0, position);
      position = 0;
    }
  }

  private void ensure(int bytes) {
    if (position + bytes > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, position + bytes));
    }
  }

  private void putInt32(int value) {
    Bytes.putInt32(buffer, position, value);
    position += 4;
  }

  private void putInt64(long value) {
    Bytes.putInt64(buffer, position, value);
    position += 8;
  }
}
