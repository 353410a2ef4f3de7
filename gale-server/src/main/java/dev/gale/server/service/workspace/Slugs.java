package dev.gale.server.service.workspace;

import dev.gale.server.store.StoreLimits;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * URL-safe names for workspaces: lower case, ASCII letters and digits joined by dashes, unique by a suffix, and never
 * longer than the store's column (a name's decomposition may be longer than the name, and the suffix adds to it).
 */
final class Slugs {
  private Slugs() {}

  static String unique(String name, Predicate<String> taken) {
    String base = of(name);
    String slug = base;
    for (int n = 2; taken.test(slug); n++) {
      String suffix = "-" + n;
      slug = base.substring(0, Math.min(base.length(), StoreLimits.TEXT - suffix.length())) + suffix;
    }
    return slug;
  }

  static String of(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    String bounded = slug.length() > StoreLimits.TEXT ? slug.substring(0, StoreLimits.TEXT) : slug;
    return bounded.isEmpty() ? "workspace" : bounded;
  }
}
