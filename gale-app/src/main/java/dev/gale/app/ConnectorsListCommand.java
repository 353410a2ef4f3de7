package dev.gale.app;

import dev.gale.server.catalog.CatalogFolder;
import dev.gale.server.catalog.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gale connectors list}: each folder of the catalog, its connector and whether the server runs it. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"Lists the catalog's connectors and whether each loads (a server runs it), or why not.",
        "Shows each folder's name, definition id and version. Exit code 1 when there is no catalog folder."})
final class ConnectorsListCommand implements Callable<Integer> {
  @Mixin
  CatalogLocation location = new CatalogLocation();

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Path folder = location.folder().toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      spec.commandLine().getErr().printf("gale connectors list: there is no connector catalog at %s.%n"
          + "Create it, or point --catalog (or GALE_CONNECTORS) at one.%n", folder);
      spec.commandLine().getErr().flush();
      return 1;
    }
    List<CatalogReport.Row> rows = CatalogReport.rows(CatalogFolder.scan(folder, new ManifestLoader()));
    spec.commandLine().getOut().printf("Connector catalog %s: %d folders, %d sources run%n", folder, rows.size(),
        rows.stream().filter(CatalogReport.Row::runs).count());
    CatalogReport.print(rows, spec.commandLine().getOut());
    return 0;
  }
}
