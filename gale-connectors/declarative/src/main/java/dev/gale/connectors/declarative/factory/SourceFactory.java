package dev.gale.connectors.declarative.factory;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.declarative.interpolation.Interpolation;
import dev.gale.connectors.declarative.manifest.ComponentNode;
import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.connectors.declarative.manifest.ManifestModel;
import dev.gale.connectors.declarative.runtime.ExchangeListener;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.RunLog;
import dev.gale.connector.config.Secrets;
import dev.gale.connectors.declarative.runtime.Sleeper;
import dev.gale.connectors.declarative.stream.DeclarativeStream;
import dev.gale.connectors.declarative.ManifestException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a checked manifest into its runtime components, finishing the load-time checks that need more than the
 * catalogue (formats, durations, combinations of fields, names that must exist).
 */
public final class SourceFactory {
  private SourceFactory() {}

  public static SourceDefinition build(ManifestModel model, Interpolation interpolation) {
    requireNonNull(model, "model is null");
    requireNonNull(interpolation, "interpolation is null");
    ComponentNode root = model.root();
    // Only what a manifest fixes without a configuration (schema file names) is evaluated at load time.
    Run loadRun = new Run(Map.of(), interpolation, call -> {
      throw new IllegalStateException("no request is sent while loading a manifest");
    }, Sleeper.REAL, Clock.systemUTC(), RunLog.NONE, Secrets.none(), ExchangeListener.NONE);
    Streams streams = new Streams(new SchemaLoaders(root.value("schemas").orElse(null), loadRun));
    Map<String, DeclarativeStream> byName = new LinkedHashMap<>();
    for (ComponentNode node : root.components("streams")) {
      DeclarativeStream stream = streams.of(node);
      if (byName.putIfAbsent(stream.name(), stream) != null) {
        throw node.error("name", "two streams are named '" + stream.name() + "'");
      }
    }
    if (byName.isEmpty()) {
      throw root.error("streams", "the manifest declares no stream");
    }
    ComponentNode check = root.requiredComponent("check");
    List<String> checkStreams = check.strings("stream_names");
    if (checkStreams.isEmpty()) {
      throw check.error("stream_names", "name at least one stream to check");
    }
    for (String name : checkStreams) {
      if (!byName.containsKey(name)) {
        throw check.error("stream_names", "'" + name + "' is not a stream of the manifest; expected one of "
            + byName.keySet());
      }
    }
    ComponentNode spec = root.component("spec").orElse(null);
    JsonNode connectionSpecification = spec == null ? emptySpecification()
        : spec.value("connection_specification").orElseThrow();
    if (!connectionSpecification.path("type").asText("object").equals("object")) {
      throw new ManifestException(spec.fieldPath("connection_specification"), "must be a JSON schema of type object");
    }
    return new SourceDefinition(connectionSpecification,
        spec == null ? null : spec.string("documentation_url").orElse(null),
        spec == null ? null : spec.string("changelog_url").orElse(null),
        spec == null ? null : spec.value("advanced_auth").orElse(null), checkStreams, byName);
  }

  private static JsonNode emptySpecification() {
    ObjectNode schema = JsonValues.mapper().createObjectNode();
    schema.put("$schema", "http://json-schema.org/draft-07/schema#");
    schema.put("type", "object");
    schema.putObject("properties");
    return schema;
  }
}
