package dev.gale.connectors.declarative.runtime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/**
 * The JDK's HTTP client, one for the process: it pools connections and is thread-safe. It speaks HTTP/1.1 as Python's
 * {@code requests} does (no cleartext HTTP/2 upgrade some servers trip over), and accepts gzip, which it unpacks.
 */
public final class JdkHttpTransport implements HttpTransport {
  public static final JdkHttpTransport INSTANCE = new JdkHttpTransport();
  // The JDK sets these itself and refuses them from callers.
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
  // Only for callers that give no bound of their own; a requester gives the time left of its retry budget.
  private static final Duration TIMEOUT = RetryBudget.AIRBYTE_MAX_TIME;

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(30))
      .followRedirects(HttpClient.Redirect.NORMAL)
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  private JdkHttpTransport() {}

  @Override
  public HttpResult send(HttpCall call) throws IOException, InterruptedException {
    return send(call, TIMEOUT);
  }

  @Override
  public HttpResult send(HttpCall call, Duration timeout) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url())).timeout(timeout)
        .method(call.method(), call.body().length == 0 && call.method().equals("GET")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    boolean encodingChosen = false;
    for (var header : call.headers().entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (!RESTRICTED.contains(name)) {
        request.header(header.getKey(), header.getValue());
        encodingChosen |= name.equals("accept-encoding");
      }
    }
    if (!encodingChosen) {
      request.header("Accept-Encoding", "gzip");
    }
    HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    byte[] body = response.body();
    if (response.headers().firstValue("Content-Encoding").map(value -> value.equalsIgnoreCase("gzip")).orElse(false)
        && body.length > 0) {
      try (GZIPInputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
        body = unzipped.readAllBytes();
      }
    }
    return new HttpResult(call, response.statusCode(), response.headers().map(), body);
  }
}
