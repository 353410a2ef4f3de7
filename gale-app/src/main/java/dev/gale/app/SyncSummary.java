package dev.gale.app;

import dev.gale.engine.Failure;
import dev.gale.engine.ReplicationResult;
import dev.gale.engine.StreamTotals;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@code gale replicate} prints when a sync ends: one line with the records, their size (Airbyte's estimate, as
 * JSON), the seconds since the command started and the rate, a line per stream, and for a sync that did not
 * succeed, what was committed and the failure's message for the user (never a configuration value).
 */
final class SyncSummary {
  private SyncSummary() {}

  static String of(ReplicationResult result, Duration elapsed) {
    StreamTotals total = result.totals().total();
    double seconds = elapsed.toNanos() / 1e9;
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "Sync %s: %d records, %s, %.2f s, %.0f rows/s%n",
        result.status().name().toLowerCase(Locale.ROOT), total.recordsEmitted(), megabytes(total.bytesEmitted()),
        seconds, seconds > 0 ? total.recordsEmitted() / seconds : 0.0));
    result.totals().streams().entrySet().stream()
        .sorted((a, b) -> a.getKey().toString().compareTo(b.getKey().toString()))
        .forEach(stream -> text.append(String.format(Locale.ROOT, "  %s: %d records, %s%n", stream.getKey(),
            stream.getValue().recordsEmitted(), megabytes(stream.getValue().bytesEmitted()))));
    result.failure().ifPresent(failure -> {
      text.append(String.format(Locale.ROOT, "  committed before it ended: %d records%n", total.recordsCommitted()));
      text.append(describe(failure)).append(System.lineSeparator());
    });
    return text.toString();
  }

  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static String describe(Failure failure) {
    return "Failure (" + failure.origin() + ", " + failure.type().name().toLowerCase(Locale.ROOT).replace('_', ' ')
        + "): " + failure.externalMessage();
  }
}
