package dev.gale.connectors.declarative.requester;

import dev.gale.connectors.declarative.runtime.Values;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** URL joining and encoding the way Python's {@code urljoin} and {@code requests} do it. */
public final class Urls {
  private static final Pattern ABSOLUTE = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
  private static final String UNRESERVED = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~";
  // What requests leaves alone when it re-quotes a URL: unreserved and reserved characters, and '%'.
  private static final String URL_SAFE = UNRESERVED + "!#$%&'()*+,/:;=?@[]";

  private Urls() {}

  /**
   * The requester's URL from a base and a path: an empty path leaves the base as it is; otherwise the base gets a
   * trailing slash and the path is resolved against it, so {@code https://x/api} and {@code users} give
   * {@code https://x/api/users}, and an absolute path (a next-page URL) replaces the base.
   */
  public static String join(String base, String path) {
    if (path == null || path.isEmpty()) {
      return base;
    }
    if (ABSOLUTE.matcher(path).matches()) {
      return path;
    }
    String withSlash = base.endsWith("/") ? base : base + "/";
    int schemeEnd = withSlash.indexOf("://");
    int pathStart = schemeEnd < 0 ? 0 : withSlash.indexOf('/', schemeEnd + 3);
    if (pathStart < 0) {
      pathStart = withSlash.length();
    }
    String origin = withSlash.substring(0, pathStart);
    if (path.startsWith("//")) {
      return withSlash.substring(0, Math.max(0, schemeEnd + 1)) + path;
    }
    if (path.startsWith("/")) {
      return origin + path;
    }
    String basePath = stripQuery(withSlash.substring(pathStart));
    if (path.startsWith("?")) {
      return origin + basePath + path;
    }
    return origin + removeDotSegments(basePath.substring(0, basePath.lastIndexOf('/') + 1) + path);
  }

  /** {@code url} with characters a URL cannot hold percent-encoded, leaving existing escapes alone. */
  public static String requote(String url) {
    StringBuilder out = new StringBuilder(url.length());
    for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 128 && URL_SAFE.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /** {@code application/x-www-form-urlencoded} encoding of one string, as Python's {@code quote_plus}. */
  public static String quotePlus(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c == ' ') {
        out.append('+');
      } else if (c < 128 && UNRESERVED.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  /** Encodes fields as a query string or form body; lists repeat the key, nulls are left out. */
  public static String encode(Map<String, Object> fields) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      List<?> values = field.getValue() instanceof List<?> list ? list : Collections.singletonList(
          field.getValue());
      for (Object value : values) {
        if (value == null) {
          continue;
        }
        if (!out.isEmpty()) {
          out.append('&');
        }
        out.append(quotePlus(field.getKey())).append('=').append(quotePlus(Values.pythonString(value)));
      }
    }
    return out.toString();
  }

  /**
   * The query parameters already in {@code url}, each with its first value, decoded, as Python's {@code parse_qs}
   * reads a query by default: a parameter without a value ({@code a=} or a bare {@code a}) is not there.
   */
  public static Map<String, String> queryValues(String url) {
    Map<String, String> values = new HashMap<>();
    for (String pair : queryPairs(url)) {
      int equals = pair.indexOf('=');
      if (equals >= 0 && equals < pair.length() - 1) {
        values.putIfAbsent(unquotePlus(pair.substring(0, equals)), unquotePlus(pair.substring(equals + 1)));
      }
    }
    return values;
  }

  /** The names of the query parameters in {@code url}, with a value or without. */
  public static Set<String> queryNames(String url) {
    Set<String> names = new HashSet<>();
    for (String pair : queryPairs(url)) {
      int equals = pair.indexOf('=');
      names.add(unquotePlus(equals < 0 ? pair : pair.substring(0, equals)));
    }
    return names;
  }

  private static List<String> queryPairs(String url) {
    int question = url.indexOf('?');
    if (question < 0) {
      return List.of();
    }
    String query = url.substring(question + 1);
    int hash = query.indexOf('#');
    return Arrays.stream((hash < 0 ? query : query.substring(0, hash)).split("&")).filter(pair -> !pair.isEmpty())
        .toList();
  }

  // Python's unquote_plus leaves a '%' that starts no escape as it is, where URLDecoder refuses the whole text.
  private static String unquotePlus(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text.replace('+', ' ');
    }
  }

  private static String stripQuery(String path) {
    int question = path.indexOf('?');
    return question < 0 ? path : path.substring(0, question);
  }

  private static String removeDotSegments(String path) {
    if (!path.contains("./")) {
      return path;
    }
    int question = path.indexOf('?');
    String query = question < 0 ? "" : path.substring(question);
    String[] segments = (question < 0 ? path : path.substring(0, question)).split("/", -1);
    Deque<String> kept = new ArrayDeque<>();
    for (String segment : segments) {
      if (segment.equals("..")) {
        if (kept.size() > 1) {
          kept.removeLast();
        }
      } else if (!segment.equals(".")) {
        kept.addLast(segment);
      }
    }
    String joined = String.join("/", kept);
    return (joined.startsWith("/") ? joined : "/" + joined) + query;
  }
}
