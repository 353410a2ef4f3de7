package dev.gale.app;

import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.SyncMode;
import java.util.Arrays;
import java.util.function.Function;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads sync modes as the protocol spells them ({@code full_refresh}, {@code append_dedup}), not as Java names. */
final class ProtocolEnumConverters {
  private ProtocolEnumConverters() {}

  static final class SyncModes implements ITypeConverter<SyncMode> {
    @Override
    public SyncMode convert(String value) {
      return parse(value, SyncMode.values(), SyncMode::value);
    }
  }

  /** The modes built-in destinations apply; the protocol's newer {@code update} and {@code soft_delete} none does. */
  static final class DestinationSyncModes implements ITypeConverter<DestinationSyncMode> {
    private static final DestinationSyncMode[] OFFERED = {
        DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND, DestinationSyncMode.APPEND_DEDUP};

    @Override
    public DestinationSyncMode convert(String value) {
      return parse(value, OFFERED, DestinationSyncMode::value);
    }
  }

  private static <E> E parse(String value, E[] allowed, Function<E, String> spelling) {
    for (E candidate : allowed) {
      if (spelling.apply(candidate).equals(value)) {
        return candidate;
      }
    }
    throw new TypeConversionException("'" + value + "' is not one of "
        + String.join(", ", Arrays.stream(allowed).map(spelling).toList()));
  }
}
