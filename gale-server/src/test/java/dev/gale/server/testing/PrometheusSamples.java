package dev.gale.server.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of a text exposition, to read values out of one that {@link Promtool} has accepted: this reader
 * knows only sample lines ({@code name{label="value",...} value}) and skips comments; the syntax is promtool's to
 * judge.
 */
public final class PrometheusSamples {
  /** One sample line. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private PrometheusSamples(List<Sample> samples) {
    this.samples = List.copyOf(samples);
  }

  /** Checks the whole exposition with promtool, then reads its samples. */
  public static PrometheusSamples checked(String exposition) {
    Promtool.check(exposition);
    List<Sample> samples = new ArrayList<>();
    for (String line : exposition.split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        samples.add(sample(line));
      }
    }
    return new PrometheusSamples(samples);
  }

  /** The sum of the samples named {@code name} whose labels include {@code labels}; 0 when there is none. */
  public double sum(String name, Map<String, String> labels) {
    return matching(name, labels).stream().mapToDouble(Sample::value).sum();
  }

  /** The samples named {@code name} whose labels include {@code labels}. */
  public List<Sample> matching(String name, Map<String, String> labels) {
    return samples.stream()
        .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
  }

  public boolean has(String name) {
    return samples.stream().anyMatch(s -> s.name().equals(name));
  }

  private static Sample sample(String line) {
    int brace = line.indexOf('{');
    int space = line.indexOf(' ');
    if (brace < 0 || brace > space) {
      String[] parts = line.split(" ");
      return new Sample(parts[0], Map.of(), number(parts[1]));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    int i = brace + 1;
    while (line.charAt(i) != '}') {
      int equals = line.indexOf('=', i);
      String label = line.substring(i, equals);
      StringBuilder value = new StringBuilder();
      i = equals + 2;
      while (line.charAt(i) != '"') {
        char c = line.charAt(i++);
        value.append(c == '\\' ? unescape(line.charAt(i++)) : c);
      }
      labels.put(label, value.toString());
      i++;
      if (line.charAt(i) == ',') {
        i++;
      }
    }
    String[] rest = line.substring(i + 1).trim().split(" ");
    return new Sample(line.substring(0, brace), labels, number(rest[0]));
  }

  private static double number(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  private static char unescape(char escaped) {
    return escaped == 'n' ? '\n' : escaped;
  }
}
