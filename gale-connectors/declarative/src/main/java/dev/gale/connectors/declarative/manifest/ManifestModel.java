package dev.gale.connectors.declarative.manifest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.declarative.ManifestException;

/**
 * A manifest after the load-time steps, in the CDK's order: references resolved, default types filled and
 * {@code $parameters} propagated, then checked against the {@link ComponentCatalog}. Immutable once built.
 */
public final class ManifestModel {
  private final ObjectNode resolved;
  private final Origins origins;

  private ManifestModel(ObjectNode resolved, Origins origins) {
    this.resolved = resolved;
    this.origins = origins;
  }

  /**
   * Loads a manifest as parsed from YAML or JSON. The given tree is not modified.
   *
   * @throws ManifestException naming the path of the first problem found
   */
  public static ManifestModel load(JsonNode manifest) {
    requireNonNull(manifest, "manifest is null");
    if (!manifest.isObject()) {
      throw new ManifestException("", "the manifest must be an object");
    }
    ReferenceResolver.Resolved resolved = ReferenceResolver.resolve((ObjectNode) manifest);
    Origins origins = new Origins(resolved.origins());
    new ParameterPropagator(ComponentCatalog.INSTANCE).propagate(resolved.root());
    new ManifestValidator(ComponentCatalog.INSTANCE, origins).validateSource(resolved.root());
    return new ManifestModel(resolved.root(), origins);
  }

  /** The root, a {@code DeclarativeSource}. */
  public ComponentNode root() {
    return new ComponentNode(resolved, "", origins);
  }

  /** The resolved manifest, for inspection; do not modify. */
  public JsonNode resolved() {
    return resolved;
  }
}
