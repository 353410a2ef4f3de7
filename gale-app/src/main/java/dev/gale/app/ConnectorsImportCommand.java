package dev.gale.app;

import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.server.catalog.CatalogEntry;
import dev.gale.server.catalog.CatalogFolder;
import dev.gale.server.catalog.CatalogSelection;
import dev.gale.server.catalog.ManifestLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gale connectors import DIR}: copies connector folders into the catalog, each only once it loads and claims
 * no definition id or image a built-in or another catalog folder has. A folder of the same name is replaced (a new
 * version); the copy is put in place whole, so a server starting meanwhile never reads half of one.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Copies connector folders into the catalog once they load; refuses the others with the reason.",
        "DIR is one connector folder (manifest.yaml + metadata.yaml) or a folder of them; a catalog folder of the",
        "same name is replaced. A server loads the catalog at start: restart it to run what was imported.",
        "Exit code 0 when every folder was imported, 1 when one was refused."})
final class ConnectorsImportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR", description = "A connector folder, or a folder of connector folders.")
  Path source;

  @Mixin
  CatalogLocation location = new CatalogLocation();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path catalog = location.folder().toAbsolutePath().normalize();
    List<Path> folders = connectorFolders(source.toAbsolutePath().normalize());
    if (folders.isEmpty()) {
      err.printf("gale connectors import: %s is no connector folder and holds none (a connector folder has %s and %s)%n",
          source, CatalogFolder.MANIFEST, CatalogFolder.METADATA);
      err.flush();
      return 1;
    }
    Files.createDirectories(catalog);
    ManifestLoader loader = new ManifestLoader();
    int refused = 0;
    for (Path folder : folders) {
      String name = folder.getFileName().toString();
      CatalogEntry entry = CatalogFolder.read(folder, loader);
      String reason = switch (entry) {
        case CatalogEntry.Refused refusal -> refusal.reason();
        case CatalogEntry.Loaded loaded -> clash(loaded, catalog, loader);
      };
      if (reason != null) {
        err.printf("refused %s: %s%n", name, reason);
        refused++;
        continue;
      }
      Path target = catalog.resolve(name);
      if (!folder.equals(target)) {
        replace(folder, target);
      }
      ConnectorDescriptor d = ((CatalogEntry.Loaded) entry).source().descriptor();
      out.printf("imported %s: %s %s (definition %s) into %s%n", name, d.name(), d.dockerImageTag(), d.definitionId(),
          target);
    }
    out.flush();
    err.flush();
    return refused == 0 ? 0 : 1;
  }

  /** {@code dir} itself when it is a connector folder, else its sub-folders (not hidden ones), by name. */
  private static List<Path> connectorFolders(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    if (CatalogFolder.isConnectorFolder(dir)) {
      return List.of(dir);
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory).filter(child -> !child.getFileName().toString().startsWith("."))
          .sorted().toList();
    }
  }

  /**
   * Why a server would not run this source beside what it has: a built-in or another catalog folder (not the one it
   * replaces) has its definition id or docker repository; null when nothing does.
   */
  private static String clash(CatalogEntry.Loaded candidate, Path catalog, ManifestLoader loader) {
    String name = candidate.folder().getFileName().toString();
    List<CatalogEntry.Loaded> entries = new ArrayList<>();
    for (CatalogEntry entry : CatalogFolder.scan(catalog, loader)) {
      if (entry instanceof CatalogEntry.Loaded other && !other.folder().getFileName().toString().equals(name)) {
        entries.add(other);
      }
    }
    entries.add(candidate);
    return CatalogSelection.of(ConnectorRegistry.builtIns().connectors(), entries).skipped().stream()
        .filter(skipped -> skipped.folder().equals(candidate.folder()))
        .map(CatalogEntry.Refused::reason)
        .findFirst().orElse(null);
  }

  /** Copies {@code from} to a hidden folder beside {@code to}, then moves it into place (replacing what was there). */
  private static void replace(Path from, Path to) throws IOException {
    Path staging = to.resolveSibling("." + to.getFileName() + ".import-" + UUID.randomUUID());
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path path : tree.toList()) {
        Path copy = staging.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(copy);
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          Files.copy(path, copy);
        }
      }
    }
    // The old folder steps aside under a hidden name (scans skip those) before the new one moves in: a scan reads
    // one whole version or, for that instant, neither, never half of one.
    Path old = to.resolveSibling("." + to.getFileName() + ".replaced-" + UUID.randomUUID());
    boolean replacing = Files.exists(to, LinkOption.NOFOLLOW_LINKS);
    if (replacing) {
      move(to, old);
    }
    move(staging, to);
    if (replacing) {
      delete(old);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void delete(Path tree) throws IOException {
    try (Stream<Path> paths = Files.walk(tree)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
