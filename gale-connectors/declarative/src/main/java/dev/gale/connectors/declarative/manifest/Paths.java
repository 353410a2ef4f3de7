package dev.gale.connectors.declarative.manifest;

/** Dotted manifest paths as error messages show them: {@code definitions.streams.users.retriever}, {@code streams[0]}. */
public final class Paths {
  private Paths() {}

  public static String field(String path, String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  public static String index(String path, int index) {
    return path + "[" + index + "]";
  }
}
