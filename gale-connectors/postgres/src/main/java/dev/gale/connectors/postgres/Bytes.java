package dev.gale.connectors.postgres;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Big-endian (network order) integers in byte arrays, as PostgreSQL's binary formats use them. */
final class Bytes {
  private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private Bytes() {}

  /** The unsigned 16-bit value at {@code offset}. */
  static int int16(byte[] buffer, int offset) {
    return (short) SHORT.get(buffer, offset) & 0xFFFF;
  }

  static int int32(byte[] buffer, int offset) {
    return (int) INT.get(buffer, offset);
  }

  static long int64(byte[] buffer, int offset) {
    return (long) LONG.get(buffer, offset);
  }

  static void putInt16(byte[] buffer, int offset, int value) {
    SHORT.set(buffer, offset, (short) value);
  }

  static void putInt32(byte[] buffer, int offset, int value) {
    INT.set(buffer, offset, value);
  }

  static void putInt64(byte[] buffer, int offset, long value) {
    LONG.set(buffer, offset, value);
  }
}
