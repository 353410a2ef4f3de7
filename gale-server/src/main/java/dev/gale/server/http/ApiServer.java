package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gale.protocol.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link Router} over HTTP on the JDK's server with one virtual thread per exchange. This class owns the
 * cross-cutting rules: authentication, body parsing and validation, and error answers that never carry a stack trace.
 * Bodies are never logged: they may hold secrets.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;

  private final Router router;
  private final List<Authenticator> authenticators;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * @param authenticators tried in order; an empty list switches auth off (only when configured explicitly)
   */
  public ApiServer(String host, int port, Router router, List<Authenticator> authenticators) throws IOException {
    this.router = requireNonNull(router, "router is null");
    this.authenticators = List.copyOf(authenticators);
    this.server = HttpServer.create(new InetSocketAddress(host, port), 256);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  public void start() {
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }

  private void handle(HttpExchange exchange) {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      try {
        Router.Match match = router.match(method, path)
            .orElseThrow(() -> new NotFoundException("endpoint", method + " " + path));
        Principal principal = match.route().open() ? Principal.ANONYMOUS : authenticate(exchange);
        Object answer = invoke(match, exchange, principal);
        if (match.route().answersNoContent()) {
          exchange.sendResponseHeaders(204, -1);
        } else {
          send(exchange, 200, answer, match.route().produces());
        }
      } catch (ApiException e) {
        if (e instanceof UnauthorizedException) {
          authenticators.forEach(a -> exchange.getResponseHeaders().add("WWW-Authenticate", a.challenge()));
        }
        LOG.debug("{} {} -> {} {}", method, path, e.status(), e.getMessage());
        send(exchange, e.status(), ErrorBodies.of(path, e), Route.JSON);
      } catch (RuntimeException | Error e) {
        // Whatever failed, the client gets Airbyte's error shape and an incident id, never the failure itself.
        String incident = UUID.randomUUID().toString();
        LOG.error("{} {} failed (incident {})", method, path, incident, e);
        send(exchange, 500, ErrorBodies.internal(path, incident), Route.JSON);
      }
    } catch (IOException e) {
      LOG.debug("Client went away: {}", e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static <I, O> O invoke(Router.Match match, HttpExchange exchange, Principal principal) throws IOException {
    Route<I, O> route = (Route<I, O>) match.route();
    I body = route.requestType() == null ? null : RequestBodies.read(jsonBody(route, exchange), route.requestType());
    Call call = new Call(exchange.getRequestURI().getPath(), match.pathParams(), FormData.parseAll(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), principal,
        baseUri(exchange));
    route.queryParameters().forEach(parameter -> parameter.check(parameter.list()
        ? call.queryAll(parameter.name())
        : call.query().getOrDefault(parameter.name(), List.of()).stream().filter(value -> !value.isBlank()).toList()));
    return route.handler().handle(body, call);
  }

  private Principal authenticate(HttpExchange exchange) {
    if (authenticators.isEmpty()) {
      return Principal.ANONYMOUS;
    }
    for (Authenticator authenticator : authenticators) {
      Optional<Principal> principal = authenticator.authenticate(exchange.getRequestHeaders());
      if (principal.isPresent()) {
        return principal.get();
      }
    }
    throw new UnauthorizedException("Authentication required");
  }

  /** The body as JSON: a form-encoded body of a route that accepts forms becomes the object of its fields. */
  private static byte[] jsonBody(Route<?, ?> route, HttpExchange exchange) throws IOException {
    byte[] body = readBody(exchange);
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (route.acceptsForm() && contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(Route.FORM)) {
      return Json.mapper().writeValueAsBytes(FormData.parse(new String(body, StandardCharsets.UTF_8)));
    }
    return body;
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new BadRequestException(413, "Request body larger than " + MAX_BODY_BYTES + " bytes");
      }
      return body;
    }
  }

  private static void send(HttpExchange exchange, int status, Object body, String mediaType) throws IOException {
    byte[] json = Json.mapper().writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", mediaType);
    exchange.sendResponseHeaders(status, json.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(json);
    }
  }

  /** The URL the client used to reach us, for absolute links (pagination) that work behind a proxy too. */
  private static URI baseUri(HttpExchange exchange) {
    String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Forwarded-Host"))
        .or(() -> Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")))
        .orElse("localhost:" + exchange.getLocalAddress().getPort());
    String scheme = Optional.ofNullable(exchange.getRequestHeaders().getFirst("X-Forwarded-Proto")).orElse("http");
    return URI.create(scheme + "://" + host);
  }
}
