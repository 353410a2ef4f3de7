package dev.gale.app;

import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.server.catalog.CatalogEntry;
import dev.gale.server.catalog.CatalogSelection;
import dev.gale.server.catalog.ConnectorMetadata;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a server would make of each folder of a catalog: a source that runs, a source skipped because a built-in or an
 * earlier folder has its id or image, or a folder that does not load; as rows for a person to read.
 */
final class CatalogReport {
  private CatalogReport() {}

  /** One folder: who its connector is (as far as it could be read) and what comes of it. */
  record Row(Path folder, String name, String definitionId, String version, boolean runs, String status) {}

  static List<Row> rows(List<CatalogEntry> entries) {
    List<CatalogEntry.Loaded> loaded = entries.stream().filter(CatalogEntry.Loaded.class::isInstance)
        .map(CatalogEntry.Loaded.class::cast).toList();
    Map<Path, String> skipped = CatalogSelection.of(ConnectorRegistry.builtIns().connectors(), loaded).skipped().stream()
        .collect(Collectors.toMap(CatalogEntry::folder, CatalogEntry.Refused::reason));
    List<Row> rows = new ArrayList<>();
    for (CatalogEntry entry : entries) {
      rows.add(switch (entry) {
        case CatalogEntry.Loaded source -> {
          ConnectorDescriptor d = source.source().descriptor();
          String reason = skipped.get(source.folder());
          yield new Row(source.folder(), d.name(), d.definitionId().toString(), d.dockerImageTag(), reason == null,
              reason == null ? "loads" : "skipped: " + reason);
        }
        case CatalogEntry.Refused refused -> {
          ConnectorMetadata m = refused.metadata();
          yield new Row(refused.folder(), m == null ? "-" : m.name(), m == null ? "-" : m.definitionId().toString(),
              m == null ? "-" : m.dockerImageTag(), false, "refused: " + refused.reason());
        }
      });
    }
    return rows;
  }

  /** The rows as a table with a header, columns aligned. */
  static void print(List<Row> rows, PrintWriter out) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"FOLDER", "NAME", "DEFINITION ID", "VERSION", "STATUS"});
    rows.forEach(row -> cells.add(new String[] {row.folder().getFileName().toString(), row.name(), row.definitionId(),
        row.version(), row.status()}));
    int[] widths = new int[4];
    for (String[] line : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    }
    for (String[] line : cells) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        text.append(line[i]).append(" ".repeat(widths[i] - line[i].length() + 2));
      }
      out.println(text.append(line[4]));
    }
    out.flush();
  }
}
