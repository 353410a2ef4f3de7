package dev.gale.server.catalog;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.Connector;
import dev.gale.connector.ConnectorDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which of a catalog's loaded sources a Gale runs beside its built-ins: each claims a definition id and a docker
 * repository, and the first claim wins, built-ins first, then the catalog's folders in their order. The others are
 * skipped with the name of the connector that keeps the claim.
 *
 * @param kept the catalog's sources that run, in their order
 * @param skipped the folders that lost a claim, each with the reason
 */
public record CatalogSelection(List<CatalogEntry.Loaded> kept, List<CatalogEntry.Refused> skipped) {
  public CatalogSelection {
    kept = List.copyOf(kept);
    skipped = List.copyOf(skipped);
  }

  public static CatalogSelection of(List<? extends Connector> builtIns, List<CatalogEntry.Loaded> catalog) {
    requireNonNull(builtIns, "builtIns is null");
    Map<UUID, String> ids = new HashMap<>();
    Map<String, String> repositories = new HashMap<>();
    for (Connector builtIn : builtIns) {
      ids.put(builtIn.descriptor().definitionId(), builtIn.descriptor().name() + " (built in)");
      repositories.put(builtIn.descriptor().dockerRepository(), builtIn.descriptor().name() + " (built in)");
    }
    List<CatalogEntry.Loaded> kept = new ArrayList<>();
    List<CatalogEntry.Refused> skipped = new ArrayList<>();
    for (CatalogEntry.Loaded entry : requireNonNull(catalog, "catalog is null")) {
      ConnectorDescriptor descriptor = entry.source().descriptor();
      String owner = ids.get(descriptor.definitionId());
      String reason = owner != null ? "its definition id " + descriptor.definitionId() + " is " + owner + "'s, which keeps it"
          : repositories.containsKey(descriptor.dockerRepository())
              ? "its docker repository " + descriptor.dockerRepository() + " is "
                  + repositories.get(descriptor.dockerRepository()) + "'s, which keeps it"
              : null;
      if (reason != null) {
        skipped.add(new CatalogEntry.Refused(entry.folder(), null, reason));
        continue;
      }
      kept.add(entry);
      ids.put(descriptor.definitionId(), descriptor.name() + " (" + entry.folder().getFileName() + ")");
      repositories.put(descriptor.dockerRepository(), descriptor.name() + " (" + entry.folder().getFileName() + ")");
    }
    return new CatalogSelection(kept, skipped);
  }
}
