package dev.gale.server.secrets;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes a path inside a configuration the way Airbyte's validation errors name properties: {@code .host},
 * {@code .tunnel_method.ssh_key}, {@code .hosts[0]}, {@code ['odd name']}. Prefix it with the property that holds the
 * configuration, such as {@code connectionConfiguration}.
 */
public final class PropertyPaths {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_]+");

  private PropertyPaths() {}

  /** @param path property names ({@code String}) and array indices ({@code Integer}) */
  public static String render(List<?> path) {
    StringBuilder rendered = new StringBuilder();
    for (Object element : path) {
      if (element instanceof Integer index) {
        rendered.append('[').append(index).append(']');
      } else if (PLAIN_NAME.matcher(String.valueOf(element)).matches()) {
        rendered.append('.').append(element);
      } else {
        rendered.append("['").append(String.valueOf(element).replace("'", "\\'")).append("']");
      }
    }
    return rendered.toString();
  }
}
