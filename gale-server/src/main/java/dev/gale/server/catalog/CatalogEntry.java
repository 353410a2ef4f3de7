package dev.gale.server.catalog;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.DeclarativeSource;
import java.nio.file.Path;

/** What one folder of a connector catalog holds: a source that loads, or the reason it does not. */
public sealed interface CatalogEntry {
  Path folder();

  /** A manifest-only source whose manifest loads; its descriptor comes from the folder's metadata. */
  record Loaded(Path folder, DeclarativeSource source) implements CatalogEntry {
    public Loaded {
      requireNonNull(folder, "folder is null");
      requireNonNull(source, "source is null");
    }
  }

  /**
   * A folder that is no runnable source, and why.
   *
   * @param metadata what its metadata says, when that could be read; nullable
   */
  record Refused(Path folder, ConnectorMetadata metadata, String reason) implements CatalogEntry {
    public Refused {
      requireNonNull(folder, "folder is null");
      requireNonNull(reason, "reason is null");
    }
  }
}
