package dev.gale.connectors.declarative.factory;

import dev.gale.connectors.declarative.incremental.DatetimeFormat;
import dev.gale.connectors.declarative.incremental.IsoDuration;
import dev.gale.connectors.declarative.manifest.ComponentNode;
import dev.gale.connectors.declarative.runtime.Template;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reading component fields into runtime values, with load-time errors that name the field. */
final class Fields {
  private Fields() {}

  /** The field as a template with the component's parameters, or null when absent. */
  static Template template(ComponentNode node, String field) {
    return node.text(field).map(text -> Template.of(text, node.parameters())).orElse(null);
  }

  static Template template(ComponentNode node, String field, String fallback) {
    return Template.of(node.text(field).orElse(fallback), node.parameters());
  }

  static List<Template> templates(ComponentNode node, String field) {
    List<Template> templates = new ArrayList<>();
    node.strings(field).forEach(text -> templates.add(Template.of(text, node.parameters())));
    return templates;
  }

  static DatetimeFormat datetimeFormat(ComponentNode node, String field, String format) {
    try {
      DatetimeFormat parsed = DatetimeFormat.of(format);
      parsed.format(OffsetDateTime.now(ZoneOffset.UTC));
      return parsed;
    } catch (IllegalArgumentException e) {
      throw node.error(field, e.getMessage());
    }
  }

  /** A duration that may not be a template (a cursor granularity). */
  static IsoDuration duration(ComponentNode node, String field) {
    return node.string(field).map(text -> {
      try {
        return IsoDuration.parse(text);
      } catch (IllegalArgumentException e) {
        throw node.error(field, e.getMessage());
      }
    }).orElse(null);
  }

  /** Checks a duration written without a template at load time; templates are checked when evaluated. */
  static Template durationTemplate(ComponentNode node, String field) {
    Template template = template(node, field);
    if (template != null && template.isStatic() && !template.text().isEmpty()) {
      duration(node, field);
    }
    return template;
  }
}
