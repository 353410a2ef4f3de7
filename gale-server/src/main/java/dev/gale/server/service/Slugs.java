package dev.gale.server.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Predicate;

/** URL-safe names for workspaces: lower case, ASCII letters and digits joined by dashes, unique by a suffix. */
final class Slugs {
  private Slugs() {}

  static String unique(String name, Predicate<String> taken) {
    String base = of(name);
    String slug = base;
    for (int n = 2; taken.test(slug); n++) {
      slug = base + "-" + n;
    }
    return slug;
  }

  static String of(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return slug.isEmpty() ? "workspace" : slug;
  }
}
