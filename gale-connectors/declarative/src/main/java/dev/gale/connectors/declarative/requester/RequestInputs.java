package dev.gale.connectors.declarative.requester;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A requester's own options: {@code request_parameters}, {@code request_headers}, {@code request_body_data} and
 * {@code request_body_json}, each an object whose keys and values are templates or one template for the whole.
 * Values that render to nothing are left out, as in the CDK.
 *
 * @param bodyJson a JSON body as written in the manifest (plain values, strings being templates), or a template
 *     string for the whole body, or null
 */
public record RequestInputs(Object parameters, Object headers, Object bodyData, Object bodyJson,
                            Map<String, Object> templateParameters) {

  /** The parts these inputs give with the given template variables. */
  public RequestParts eval(Run run, Map<String, ?> variables) {
    RequestParts parts = new RequestParts();
    flat(run, parameters, variables).forEach((key, value) -> parts.parameters().put(key, value));
    flat(run, headers, variables).forEach((key, value) -> parts.headers().put(key, value));
    if (bodyData instanceof String text) {
      Object value = template(text).eval(run, variables);
      if (value instanceof Map<?, ?> map) {
        map.forEach((key, item) -> {
          if (item != null) {
            parts.bodyData().put(String.valueOf(key), item);
          }
        });
      } else if (value != null) {
        parts.setRawBody(Values.pythonString(value));
      }
    } else {
      flat(run, bodyData, variables).forEach((key, value) -> parts.bodyData().put(key, value));
    }
    Object json = nested(run, bodyJson, variables);
    if (json instanceof Map<?, ?> map) {
      map.forEach((key, value) -> parts.bodyJson().put(String.valueOf(key), value));
    }
    return parts;
  }

  // Parameters, headers and form fields take a string or a list, as the CDK's valid types for them: a value is its
  // rendered text unless that text is a list, and keys are always text.
  private Map<String, Object> flat(Run run, Object inputs, Map<String, ?> variables) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (inputs instanceof String text) {
      if (template(text).eval(run, variables) instanceof Map<?, ?> map) {
        map.forEach((key, value) -> {
          if (value != null) {
            values.put(String.valueOf(key), value);
          }
        });
      }
    } else if (inputs instanceof Map<?, ?> map) {
      map.forEach((key, value) -> {
        Object evaluated = value instanceof String text ? textOrList(run, text, variables) : value;
        if (evaluated != null) {
          values.put(template(String.valueOf(key)).render(run, variables), evaluated);
        }
      });
    }
    return values;
  }

  private Object textOrList(Run run, String text, Map<String, ?> variables) {
    String rendered = template(text).render(run, variables);
    if (rendered.isEmpty()) {
      return null;
    }
    if (rendered.strip().startsWith("[") && template(text).eval(run, variables) instanceof List<?> list) {
      return list;
    }
    return rendered;
  }

  private Object nested(Run run, Object value, Map<String, ?> variables) {
    return switch (value) {
      case String text -> template(text).eval(run, variables);
      case Map<?, ?> map -> {
        Map<String, Object> evaluated = new LinkedHashMap<>();
        map.forEach((key, item) -> {
          Object result = nested(run, item, variables);
          if (result != null) {
            evaluated.put(template(String.valueOf(key)).evalString(run, variables), result);
          }
        });
        yield evaluated;
      }
      case List<?> list -> list.stream().map(item -> nested(run, item, variables)).toList();
      case null, default -> value;
    };
  }

  private Template template(String text) {
    return Template.of(text, templateParameters);
  }
}
