package dev.gale.connectors.postgres;

import dev.gale.connector.data.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * The binary wire formats Gale reads straight into typed values, one per PostgreSQL send/receive format. Any other
 * type is selected with a cast to {@code text} (or, for arrays, {@code to_jsonb}) and read through {@link #TEXT} or
 * {@link #JSONB}: no value is ever parsed from text.
 */
public enum PgWireType {
  BOOL(ValueType.BOOLEAN),
  INT2(ValueType.INTEGER),
  INT4(ValueType.INTEGER),
  INT8(ValueType.INTEGER),
  FLOAT4(ValueType.NUMBER),
  FLOAT8(ValueType.NUMBER),
  NUMERIC(ValueType.NUMBER),
  TEXT(ValueType.STRING),
  JSONB(ValueType.JSON),
  DATE(ValueType.DATE),
  TIME(ValueType.TIME_WITHOUT_TIMEZONE),
  TIMETZ(ValueType.TIME_WITH_TIMEZONE),
  TIMESTAMP(ValueType.TIMESTAMP_WITHOUT_TIMEZONE),
  TIMESTAMPTZ(ValueType.TIMESTAMP_WITH_TIMEZONE),
  UUID(ValueType.STRING),
  BYTEA(ValueType.BINARY);

  private final ValueType valueType;

  PgWireType(ValueType valueType) {
    this.valueType = valueType;
  }

  /** The value type this wire format decodes to. */
  public ValueType valueType() {
    return valueType;
  }

  /** Decodes one non-null field of {@code length} bytes at {@code offset}. */
  public Object decode(byte[] buffer, int offset, int length) {
    return switch (this) {
      case BOOL -> buffer[offset] != 0;
      case INT2 -> (long) (short) Bytes.int16(buffer, offset);
      case INT4 -> (long) Bytes.int32(buffer, offset);
      case INT8 -> Bytes.int64(buffer, offset);
      // A real's shortest decimal form, not the binary expansion its widening to double would show.
      case FLOAT4 -> Double.parseDouble(Float.toString(Float.intBitsToFloat(Bytes.int32(buffer, offset))));
      case FLOAT8 -> Double.longBitsToDouble(Bytes.int64(buffer, offset));
      case NUMERIC -> PgNumeric.decode(buffer, offset);
      case TEXT -> new String(buffer, offset, length, StandardCharsets.UTF_8);
      // jsonb's binary form is a version byte (1) and the JSON text.
      case JSONB -> new String(buffer, offset + 1, length - 1, StandardCharsets.UTF_8);
      case DATE -> PgTime.date(Bytes.int32(buffer, offset));
      case TIME -> PgTime.time(Bytes.int64(buffer, offset));
      case TIMETZ -> PgTime.timetz(Bytes.int64(buffer, offset), Bytes.int32(buffer, offset + 8));
      case TIMESTAMP -> PgTime.timestamp(Bytes.int64(buffer, offset));
      case TIMESTAMPTZ -> PgTime.timestamptz(Bytes.int64(buffer, offset));
      case UUID -> new UUID(Bytes.int64(buffer, offset), Bytes.int64(buffer, offset + 8)).toString();
      case BYTEA -> Arrays.copyOfRange(buffer, offset, offset + length);
    };
  }
}
