package dev.gale.connectors.declarative.rest;

import java.util.Arrays;
import java.util.List;

/** Paths and names as the configuration writes them, and the checks their use in a manifest needs. */
final class ConfigPaths {
  private ConfigPaths() {}

  /** A dotted path as its keys: {@code data.items} is {@code [data, items]}, the empty path none. */
  static List<String> split(String dotted) {
    return dotted.isEmpty() ? List.of() : Arrays.asList(dotted.split("\\.", -1));
  }

  /** Adds a problem for every empty key of {@code keys}, the value of {@code property}. */
  static void checkKeys(String property, List<String> keys, List<String> problems) {
    if (keys.stream().anyMatch(String::isEmpty)) {
      problems.add(property + " must not hold an empty key");
    }
  }

  /**
   * Adds a problem when {@code value}, which goes into the manifest as written (a stream name, a key field, a
   * datetime format), starts with {@code #/}: manifests read any such text as a reference to another part of them.
   */
  static void checkWritable(String property, String value, List<String> problems) {
    if (value.startsWith("#/")) {
      problems.add(property + " must not start with #/");
    }
  }
}
