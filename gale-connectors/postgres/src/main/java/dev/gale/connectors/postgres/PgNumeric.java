package dev.gale.connectors.postgres;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * PostgreSQL's binary {@code numeric}: int16 count of base-10000 digits, int16 weight (power of 10000 of the first
 * digit), int16 sign, int16 display scale, then the digits. NaN and the infinities have their own signs and no
 * digits; {@link BigDecimal} cannot hold them, so they travel as {@link Double}s.
 */
public final class PgNumeric {
  static final int POSITIVE = 0x0000;
  static final int NEGATIVE = 0x4000;
  static final int NAN = 0xC000;
  static final int PLUS_INFINITY = 0xD000;
  static final int MINUS_INFINITY = 0xF000;
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);
  private static final long[] POWERS_OF_TEN = {1, 10, 100, 1000, 10_000};

  private PgNumeric() {}

  /** A {@link BigDecimal} with the column's display scale, or a {@link Double} for NaN and the infinities. */
  public static Number decode(byte[] buffer, int offset) {
    int digitCount = Bytes.int16(buffer, offset);
    int weight = (short) Bytes.int16(buffer, offset + 2);
    int sign = Bytes.int16(buffer, offset + 4);
    int scale = Bytes.int16(buffer, offset + 6);
    switch (sign) {
      case NAN -> {
        return Double.NaN;
      }
      case PLUS_INFINITY -> {
        return Double.POSITIVE_INFINITY;
      }
      case MINUS_INFINITY -> {
        return Double.NEGATIVE_INFINITY;
      }
      default -> { }
    }
    if (digitCount == 0) {
      return BigDecimal.ZERO.setScale(scale);
    }
    // Up to 4 base-10000 digits fit a long (16 decimal digits); beyond that, BigInteger.
    BigDecimal value;
    if (digitCount <= 4) {
      long unscaled = 0;
      for (int i = 0; i < digitCount; i++) {
        unscaled = unscaled * 10_000 + Bytes.int16(buffer, offset + 8 + 2 * i);
      }
      value = BigDecimal.valueOf(unscaled, -4 * (weight - digitCount + 1));
    } else {
      BigInteger unscaled = BigInteger.ZERO;
      for (int i = 0; i < digitCount; i++) {
        unscaled = unscaled.multiply(TEN_THOUSAND).add(BigInteger.valueOf(Bytes.int16(buffer, offset + 8 + 2 * i)));
      }
      value = new BigDecimal(unscaled, -4 * (weight - digitCount + 1));
    }
    value = value.setScale(scale, RoundingMode.UNNECESSARY);
    return sign == NEGATIVE ? value.negate() : value;
  }

  /** The binary form of {@code value}; negative scales are written as scale 0. */
  public static byte[] encode(BigDecimal value) {
    int scale = Math.max(0, value.scale());
    BigInteger unscaled = value.abs().setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
    int sign = value.signum() < 0 ? NEGATIVE : POSITIVE;
    // Pad the fraction on the right to whole groups of four decimal digits; the integer part needs no padding.
    int pad = Math.floorMod(-scale, 4);
    int fractionGroups = (scale + pad) / 4;
    int[] groups; // least significant first
    int count = 0;
    if (unscaled.bitLength() < 64) { // the usual case, without text
      long rest = unscaled.longValue();
      groups = new int[6];
      if (pad > 0) {
        // The lowest group holds the last 4 - pad digits, followed by pad zeros.
        long unit = POWERS_OF_TEN[4 - pad];
        groups[count++] = (int) (rest % unit * POWERS_OF_TEN[pad]);
        rest /= unit;
      }
      while (rest != 0) {
        groups[count++] = (int) (rest % 10_000);
        rest /= 10_000;
      }
      while (count > 0 && groups[count - 1] == 0) {
        count--;
      }
    } else {
      String digits = unscaled.toString() + "0".repeat(pad);
      groups = new int[(digits.length() + 3) / 4];
      for (int end = digits.length(); end > 0; end -= 4) {
        groups[count++] = Integer.parseInt(digits, Math.max(0, end - 4), end, 10);
      }
      while (count > 0 && groups[count - 1] == 0) {
        count--;
      }
    }
    int low = 0;
    while (low < count && groups[low] == 0) {
      low++; // trailing zero groups carry nothing: dscale keeps the displayed zeros
    }
    int digitCount = count - low;
    byte[] out = new byte[8 + 2 * digitCount];
    Bytes.putInt16(out, 0, digitCount);
    Bytes.putInt16(out, 2, digitCount == 0 ? 0 : count - 1 - fractionGroups);
    Bytes.putInt16(out, 4, digitCount == 0 ? POSITIVE : sign);
    Bytes.putInt16(out, 6, scale);
    for (int i = 0; i < digitCount; i++) {
      Bytes.putInt16(out, 8 + 2 * i, groups[count - 1 - i]);
    }
    return out;
  }

  /** The binary form of NaN or an infinity (infinities need PostgreSQL 14 or newer). */
  public static byte[] encodeSpecial(double value) {
    byte[] out = new byte[8];
    Bytes.putInt16(out, 4, Double.isNaN(value) ? NAN : value > 0 ? PLUS_INFINITY : MINUS_INFINITY);
    return out;
  }
}
