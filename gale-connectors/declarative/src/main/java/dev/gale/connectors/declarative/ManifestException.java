package dev.gale.connectors.declarative;

import static java.util.Objects.requireNonNull;

/**
 * A manifest that cannot run: it does not parse, a {@code $ref} points nowhere or in a circle, a component is unknown
 * or not supported by Gale, a required field is missing or a field has the wrong type. Raised when a manifest is
 * loaded, never during a sync.
 *
 * <p>The message starts with {@link #path()}, the place in the manifest as its author wrote it (for a component
 * reached through a {@code $ref}, the place of its definition), for example
 * {@code definitions.streams.users.retriever.paginator.pagination_strategy: unknown component type 'PageIncrements'}.
 */
public final class ManifestException extends RuntimeException {
  private final String path;

  public ManifestException(String path, String problem) {
    super(requireNonNull(path, "path is null").isEmpty() ? problem : path + ": " + problem);
    this.path = path;
  }

  public ManifestException(String path, String problem, Throwable cause) {
    super(requireNonNull(path, "path is null").isEmpty() ? problem : path + ": " + problem, cause);
    this.path = path;
  }

  /** Where in the manifest the problem is, dotted ({@code definitions.base_requester.authenticator}); empty for the root. */
  public String path() {
    return path;
  }
}
