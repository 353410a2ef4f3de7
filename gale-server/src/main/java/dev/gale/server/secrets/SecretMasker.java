package dev.gale.server.secrets;

import dev.gale.protocol.Json;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Replaces secret values with {@link SecretPaths#MASK} in any text that leaves the server: a sync's log lines,
 * failure messages and stack traces, the server's own log. Connectors must never print a secret; this catches those that
 * do. Each value is also masked in its JSON-escaped form, as it appears when a connector logs a JSON document.
 * Immutable and thread-safe.
 */
public final class SecretMasker {
  public static final SecretMasker NONE = new SecretMasker(List.of());

  private final List<String> secrets;

  private SecretMasker(List<String> secrets) {
    this.secrets = secrets;
  }

  /** Masks these values; blank ones are ignored (masking them would mask every space). */
  public static SecretMasker of(Collection<String> values) {
    Set<String> forms = new LinkedHashSet<>();
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        forms.add(value);
        String escaped = Json.write(value);
        forms.add(escaped.substring(1, escaped.length() - 1));
      }
    }
    // Longest first, so a secret that contains another is masked whole rather than in pieces.
    return new SecretMasker(forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
  }

  /** This masker's values and {@code more}: for secrets that turn up later (a configuration a connector updated). */
  public SecretMasker plus(Collection<String> more) {
    List<String> values = new ArrayList<>(secrets);
    values.addAll(more);
    return of(values);
  }

  public String mask(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String masked = text;
    for (String secret : secrets) {
      masked = masked.replace(secret, SecretPaths.MASK);
    }
    return masked;
  }
}
