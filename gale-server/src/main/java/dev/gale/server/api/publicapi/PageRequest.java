package dev.gale.server.api.publicapi;

import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.Call;
import dev.gale.server.http.QueryParameter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A Public API list's window: {@code limit} (1..100, default 20) and {@code offset} (0 or more) from the query, and
 * the absolute {@code next}/{@code previous} links that repeat the request's other parameters, as Airbyte's lists do.
 */
public record PageRequest(int limit, int offset) {
  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  /** What a list route declares: {@code route.withQuery(PageRequest.PARAMETERS)}. */
  public static final List<QueryParameter> PARAMETERS = List.of(
      QueryParameter.integer("limit", 1, MAX_LIMIT), QueryParameter.integer("offset", 0, Integer.MAX_VALUE));

  public PageRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    if (offset < 0) {
      throw new BadRequestException("offset must be 0 or more, not " + offset);
    }
  }

  public static PageRequest of(Call call) {
    return new PageRequest(integer(call, "limit", DEFAULT_LIMIT), integer(call, "offset", 0));
  }

  /** The window over a whole list, with its links. */
  public <T> Page<T> slice(List<T> all, Call call) {
    int from = Math.min(offset, all.size());
    int to = (int) Math.min((long) offset + limit, all.size());
    return page(all.subList(from, to), to < all.size(), call);
  }

  /**
   * A window the store cut itself: fetch {@code limit + 1} rows and pass them all, so the extra row says whether a
   * next page exists without counting the table.
   */
  public <T> Page<T> fromOverfetched(List<T> rows, Call call) {
    boolean more = rows.size() > limit;
    return page(more ? rows.subList(0, limit) : rows, more, call);
  }

  /** The rows to ask the store for: one more than the page, to learn whether there is a next page. */
  public int overfetchLimit() {
    return limit + 1;
  }

  private <T> Page<T> page(List<T> data, boolean more, Call call) {
    String next = more ? link(call, offset + limit) : null;
    String previous = offset > 0 ? link(call, Math.max(0, offset - limit)) : null;
    return new Page<>(List.copyOf(data), next, previous);
  }

  private String link(Call call, int newOffset) {
    StringJoiner query = new StringJoiner("&");
    for (Map.Entry<String, List<String>> parameter : call.query().entrySet()) {
      if (!parameter.getKey().equals("limit") && !parameter.getKey().equals("offset")) {
        parameter.getValue().forEach(value -> query.add(encode(parameter.getKey()) + "=" + encode(value)));
      }
    }
    query.add("limit=" + limit).add("offset=" + newOffset);
    return call.baseUri().toString() + call.path() + "?" + query;
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static int integer(Call call, String name, int absent) {
    String raw = call.query(name).orElse(null);
    if (raw == null) {
      return absent;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be an integer, not '" + raw + "'");
    }
  }

  /** One page of a list: its rows and the links to its neighbours (null at either end). */
  public record Page<T>(List<T> data, String next, String previous) {}
}
