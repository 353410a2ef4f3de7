package dev.gale.app;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The deployment recipes in the repository's {@code deploy/} folder, and what the tests read from them. */
final class DeploymentFiles {
  /** The tests run in the module's folder; the recipes are beside it, at the repository's root. */
  static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();
  static final Path REPOSITORY = DEPLOY.getParent();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private DeploymentFiles() {}

  static String read(Path file) {
    try {
      return Files.readString(requireNonNull(file, "file is null"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A YAML document as a tree; a file that is not YAML fails the test that reads it. */
  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Java modules the image's runtime is linked from: deploy/jre-modules.txt without its comments. */
  static List<String> jreModules() {
    return read(DEPLOY.resolve("jre-modules.txt")).lines().map(line -> line.replaceAll("#.*", "").strip())
        .filter(line -> !line.isEmpty()).toList();
  }

  /** The names among {@code names} that Gale would read: those starting with {@code GALE_}. */
  static Set<String> galeNames(Iterable<String> names) {
    Set<String> gale = new TreeSet<>();
    names.forEach(name -> {
      if (name.startsWith("GALE_")) {
        gale.add(name);
      }
    });
    return gale;
  }
}
