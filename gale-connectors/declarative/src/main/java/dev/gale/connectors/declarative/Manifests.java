package dev.gale.connectors.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.gale.connectors.declarative.manifest.YamlTrees;
import java.io.IOException;

/** Reads manifest text. YAML is a superset of JSON, so one parser reads both. */
public final class Manifests {
  // Large manifests (Airbyte's biggest hold thousands of lines of inline schemas) exceed SnakeYAML's default limit.
  private static final YAMLFactory YAML = YAMLFactory.builder().loaderOptions(loaderOptions()).build();

  private Manifests() {}

  /**
   * The manifest in {@code yamlOrJson} as a JSON tree, not yet checked.
   *
   * @throws ManifestException when the text is not YAML or JSON, naming the line and column, or is not an object
   */
  public static JsonNode parse(String yamlOrJson) {
    requireNonNull(yamlOrJson, "yamlOrJson is null");
    JsonNode manifest;
    try (YAMLParser parser = YAML.createParser(yamlOrJson)) {
      manifest = YamlTrees.read(parser);
    } catch (JsonProcessingException e) {
      JsonLocation location = e.getLocation();
      String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
      throw new ManifestException("", "the manifest is not valid YAML" + where + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ManifestException("", "the manifest is not valid YAML: " + e.getMessage(), e);
    }
    if (manifest == null || !manifest.isObject()) {
      throw new ManifestException("", "the manifest must be a YAML or JSON object");
    }
    return manifest;
  }

  private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
    org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
    options.setCodePointLimit(64 * 1024 * 1024);
    return options;
  }
}
