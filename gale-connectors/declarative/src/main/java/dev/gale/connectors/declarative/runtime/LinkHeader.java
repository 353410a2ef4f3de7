package dev.gale.connectors.declarative.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 8288 {@code Link} headers as Python's {@code requests} exposes them in {@code response.links}: keyed by
 * {@code rel} (else by URL), each link a map of {@code url} and its parameters.
 */
final class LinkHeader {
  private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,]+)*)");
  private static final Pattern PARAMETER = Pattern.compile(";\\s*([^=;,\\s]+)\\s*=\\s*\"?([^\";,]*)\"?");

  private LinkHeader() {}

  static Map<String, Map<String, String>> parse(List<String> values) {
    Map<String, Map<String, String>> links = new LinkedHashMap<>();
    for (String value : values) {
      Matcher link = LINK.matcher(value);
      while (link.find()) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("url", link.group(1).strip());
        Matcher parameter = PARAMETER.matcher(link.group(2));
        while (parameter.find()) {
          entry.put(parameter.group(1), parameter.group(2).strip());
        }
        links.put(entry.getOrDefault("rel", entry.get("url")), entry);
      }
    }
    return links;
  }
}
