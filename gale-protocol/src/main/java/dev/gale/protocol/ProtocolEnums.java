package dev.gale.protocol;

import java.util.Arrays;
import java.util.function.Function;

/** Reads the protocol's lower-case enum spellings and says which values exist when one does not. */
final class ProtocolEnums {
  private ProtocolEnums() {}

  static <E extends Enum<E>> E byValue(Class<E> type, String value, Function<E, String> spelling) {
    for (E constant : type.getEnumConstants()) {
      if (spelling.apply(constant).equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + value + "', expected one of "
        + Arrays.stream(type.getEnumConstants()).map(spelling).toList());
  }
}
