package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The gate over Airbyte's manifest corpus: every connector folder in it loads with its spec, and each is either
 * exercised by a {@code <Name>ManifestGate} class of this package (load, spec, config validation, check, discover,
 * and a read of every stream against its API answered in the test JVM) or listed in {@link #NOT_COVERED} with the
 * reason. Run by {@code .ci/run} with {@code -Dgale.airbyte.manifests}; not part of {@code ./gale test}, since the
 * corpus lives outside the repository.
 */
class ManifestCorpusGate {
  /** Connectors of the corpus without a gate class, and why. */
  static final Map<String, String> NOT_COVERED = Map.of();

  @Test
  void everyConnectorLoadsWithItsSpec() throws IOException {
    for (String folder : folders()) {
      try (CorpusConnector connector = CorpusConnector.open(folder)) {
        assertThat(connector.source().spec().connectionSpecification().path("type").asText())
            .as(folder).isEqualTo("object");
      }
    }
  }

  @Test
  void everyConnectorHasAGateOrAReason() throws IOException {
    List<String> missing = new ArrayList<>();
    int covered = 0;
    for (String folder : folders()) {
      boolean hasGate = gateClass(folder) != null;
      if (hasGate) {
        covered++;
        assertThat(NOT_COVERED).as(folder + " has a gate and a reason not to").doesNotContainKey(folder);
      } else if (!NOT_COVERED.containsKey(folder)) {
        missing.add(folder + " (expected class " + gateClassName(folder) + ")");
      }
    }
    assertThat(missing).as("connectors with neither a gate nor a reason").isEmpty();
    assertThat(covered).as("connectors exercised against their API").isGreaterThanOrEqualTo(40);
  }

  static List<String> folders() throws IOException {
    try (Stream<Path> entries = Files.list(CorpusConnector.corpus())) {
      return entries.filter(path -> Files.isRegularFile(path.resolve("manifest.yaml")))
          .map(path -> path.getFileName().toString()).sorted().toList();
    }
  }

  /** {@code source-hugging-face-datasets} is {@code HuggingFaceDatasetsManifestGate}. */
  static String gateClassName(String folder) {
    StringBuilder name = new StringBuilder();
    for (String word : folder.replaceFirst("^source-", "").split("[-_]")) {
      name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return ManifestCorpusGate.class.getPackageName() + "." + name + "ManifestGate";
  }

  private static Class<?> gateClass(String folder) {
    try {
      return Class.forName(gateClassName(folder));
    } catch (ClassNotFoundException e) {
      return null;
    }
  }
}
