package dev.gale.connectors.declarative.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;

/** The JDK's HTTP client, one for the process: it pools connections and is thread-safe. */
public final class JdkHttpTransport implements HttpTransport {
  public static final JdkHttpTransport INSTANCE = new JdkHttpTransport();
  // The JDK sets these itself and refuses them from callers.
  private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(30))
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  private JdkHttpTransport() {}

  @Override
  public HttpResult send(HttpCall call) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url())).timeout(TIMEOUT)
        .method(call.method(), call.body().length == 0 && call.method().equals("GET")
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(call.body()));
    call.headers().forEach((name, value) -> {
      if (!RESTRICTED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
        request.header(name, value);
      }
    });
    HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    return new HttpResult(call, response.statusCode(), response.headers().map(), response.body());
  }
}
