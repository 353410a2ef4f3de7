package dev.gale.connectors.declarative.factory;

import dev.gale.connectors.declarative.manifest.ComponentNode;
import dev.gale.connectors.declarative.requester.InjectInto;
import dev.gale.connectors.declarative.requester.RequestOption;
import dev.gale.connectors.declarative.runtime.Template;
import java.util.List;

/** Builds {@code RequestOption}s, refusing the combinations the CDK refuses. */
final class RequestOptions {
  private RequestOptions() {}

  static RequestOption of(ComponentNode node) {
    InjectInto into = InjectInto.of(node.requiredString("inject_into"));
    Template name = Fields.template(node, "field_name");
    List<Template> path = Fields.templates(node, "field_path");
    if ((name == null) == path.isEmpty()) {
      throw node.error(null, "a RequestOption needs exactly one of field_name and field_path");
    }
    if (!path.isEmpty() && into != InjectInto.BODY_JSON) {
      throw node.error("field_path", "nested fields can only be injected into body_json");
    }
    return new RequestOption(into, name, path);
  }

  static RequestOption optional(ComponentNode parent, String field) {
    return parent.component(field).map(RequestOptions::of).orElse(null);
  }
}
