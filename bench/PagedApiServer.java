import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * A JSON API for the declarative benchmark: {@code GET /v1/orders?page=N&per_page=SIZE} answers page N (from 1) of
 * RECORDS orders as {@code {"data": [...], "page": N}}, an empty {@code data} past the last page. Every page body is
 * built before the server starts, so that serving costs a write of ready bytes and the clients are what is measured.
 *
 * <p>{@code java PagedApiServer.java PORT RECORDS PAGE_SIZE}; listens on 127.0.0.1 and prints {@code ready} once
 * it serves. A {@code per_page} other than PAGE_SIZE is a 400, so that a misconfigured client fails loudly.
 */
public final class PagedApiServer {
  private static final String[] STATUSES = {"pending", "paid", "shipped", "delivered", "refunded"};
  private static final String[] COUNTRIES = {"FR", "DE", "US", "JP", "BR", "IN", "NG", "CA"};
  private static final String[] CITIES = {"Lyon", "Hamburg", "Austin", "Osaka", "Recife", "Pune", "Lagos", "Halifax"};
  private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

  public static void main(String[] args) throws IOException {
    int port = Integer.parseInt(args[0]);
    int records = Integer.parseInt(args[1]);
    int pageSize = Integer.parseInt(args[2]);
    byte[][] pages = new byte[(records + pageSize - 1) / pageSize][];
    for (int page = 0; page < pages.length; page++) {
      pages[page] = page(page + 1, page * pageSize + 1, Math.min((page + 1) * pageSize, records));
    }
    byte[] pastTheEnd = "{\"data\": [], \"page\": null}".getBytes(StandardCharsets.UTF_8);

    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/v1/orders", exchange -> {
      String query = exchange.getRequestURI().getRawQuery();
      String page = parameter(query, "page");
      String size = parameter(query, "per_page");
      if (page == null || !page.matches("[1-9][0-9]{0,8}") || size != null && !size.equals(Integer.toString(pageSize))) {
        send(exchange, 400, ("{\"error\": \"ask for ?page=N (from 1) with per_page=" + pageSize + " or none\"}")
            .getBytes(StandardCharsets.UTF_8));
        return;
      }
      int number = Integer.parseInt(page);
      send(exchange, 200, number <= pages.length ? pages[number - 1] : pastTheEnd);
    });
    server.start();
    System.out.println("ready");
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static String parameter(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    return null;
  }

  // A dozen fields of the kinds APIs return: ids, text, numbers, a boolean, an ISO timestamp, a list, an object.
  private static byte[] page(int number, int firstId, int lastId) {
    StringBuilder body = new StringBuilder(400 * (lastId - firstId + 1)).append("{\"data\": [");
    for (int id = firstId; id <= lastId; id++) {
      if (id > firstId) {
        body.append(", ");
      }
      int i = id % 8;
      body.append(String.format(Locale.ROOT, "{\"id\": %d, \"uuid\": \"%s\", \"customer\": \"Customer %d\","
              + " \"email\": \"customer%d@example.com\", \"status\": \"%s\", \"amount\": %d.%02d, \"quantity\": %d,"
              + " \"paid\": %b, \"created_at\": \"%s\", \"country\": \"%s\", \"tags\": [\"tag%d\", \"tag%d\"],"
              + " \"shipping\": {\"street\": \"%d Main Street\", \"city\": \"%s\", \"zip\": \"%05d\"}}",
          id, new UUID(id * 0x9E3779B97F4A7C15L, id).toString(), id % 10_000, id, STATUSES[id % 5], id % 997,
          id % 100, 1 + id % 20, id % 3 != 0, EPOCH.plusSeconds(37L * id), COUNTRIES[i], id % 7, id % 11,
          1 + id % 300, CITIES[i], id % 100_000));
    }
    return body.append("], \"page\": ").append(number).append('}').toString().getBytes(StandardCharsets.UTF_8);
  }
}
