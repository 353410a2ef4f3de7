package dev.gale.app;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders Helm templates that keep to plain substitutions, as the Gale chart does (Helm itself cannot be installed
 * where Gale is built): {@code {{ .Values.a.b }}}, {@code {{ .Release.Name }}}, {@code {{ .Chart.AppVersion }}}, each
 * optionally through {@code | quote} and {@code required "why"}. Any other construct is refused, so that the chart
 * cannot grow logic these tests would not see.
 *
 * @param values the chart's values, with what an install would set on top
 * @param chart Chart.yaml
 * @param releaseName the release's name
 */
record PlainTemplates(JsonNode values, JsonNode chart, String releaseName) {
  private static final Pattern ACTION = Pattern.compile("\\{\\{(.*?)}}");
  private static final Pattern SUBSTITUTION = Pattern.compile(
      " (?:required \"([^\"]*)\" )?(\\.Values(?:\\.\\w+)+|\\.Release\\.Name|\\.Chart\\.\\w+)( \\| quote)? ");

  PlainTemplates {
    requireNonNull(values, "values is null");
    requireNonNull(chart, "chart is null");
    requireNonNull(releaseName, "releaseName is null");
  }

  String render(String template) {
    Matcher action = ACTION.matcher(template);
    StringBuilder rendered = new StringBuilder();
    while (action.find()) {
      Matcher substitution = SUBSTITUTION.matcher(action.group(1));
      if (!substitution.matches()) {
        throw new IllegalArgumentException("not a plain substitution: " + action.group());
      }
      String value = lookUp(substitution.group(2));
      if (substitution.group(1) != null && value.isEmpty()) {
        throw new IllegalArgumentException(substitution.group(1));
      }
      action.appendReplacement(rendered, Matcher.quoteReplacement(
          substitution.group(3) == null ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"'));
    }
    action.appendTail(rendered);
    return rendered.toString();
  }

  private String lookUp(String reference) {
    if (reference.equals(".Release.Name")) {
      return releaseName;
    }
    if (reference.startsWith(".Chart.")) {
      // Helm's .Chart fields are Chart.yaml's keys with a capital first letter.
      String field = reference.substring(".Chart.".length());
      return scalar(chart.path(Character.toLowerCase(field.charAt(0)) + field.substring(1)), reference);
    }
    JsonNode node = values;
    for (String key : reference.substring(".Values.".length()).split("\\.")) {
      node = node.path(key);
    }
    return scalar(node, reference);
  }

  private static String scalar(JsonNode node, String reference) {
    if (!node.isValueNode()) {
      throw new IllegalArgumentException(reference + " is not a value the chart defines");
    }
    return node.asText();
  }
}
