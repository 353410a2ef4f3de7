package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gale.protocol.Json;
import dev.gale.server.metrics.HttpMetrics;
import dev.gale.server.store.TamperedRowException;
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
 * cross-cutting rules: limits, authentication, body parsing and validation, and error answers that never carry a
 * stack trace. Bodies are never logged: they may hold secrets.
 *
 * <p>What a client without credentials can learn or cost is bounded: a body over {@link #MAX_BODY_BYTES} is refused
 * from its declared length before it is read or authenticated (and cut off at the limit when it has none); any path
 * but an open route answers 401 before 404 or 405, so routes cannot be enumerated; and the JDK server closes a
 * connection whose request has not fully arrived within the request timeout ({@link HttpLimits}).
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  /** The largest request body: room for a large catalog or manifest, small enough that a few cannot fill the heap. */
  public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

  private final Router router;
  private final List<Authenticator> authenticators;
  private final HttpMetrics metrics;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  /**
   * @param authenticators tried in order; an empty list switches auth off (only when configured explicitly)
   * @param metrics told of every exchange once it ended
   */
  public ApiServer(String host, int port, Router router, List<Authenticator> authenticators, HttpLimits limits,
                   HttpMetrics metrics) throws IOException {
    this.router = requireNonNull(router, "router is null");
    this.authenticators = List.copyOf(authenticators);
    this.metrics = requireNonNull(metrics, "metrics is null");
    requireNonNull(limits, "limits is null").applyToJdkServer();
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
    long started = System.nanoTime();
    String route = HttpMetrics.UNMATCHED;
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getRawPath();
      try {
        refuseOversizedBody(exchange);
        Router.Match match = routeFor(exchange, method, path);
        route = match.route().path();
        Principal principal = match.route().open() ? Principal.ANONYMOUS : authenticate(exchange);
        Object answer = invoke(match, exchange, principal);
        if (match.route().answersNoContent()) {
          exchange.sendResponseHeaders(match.route().successStatus(), -1);
        } else {
          send(exchange, match.route().successStatus(), answer, match.route().produces());
        }
      } catch (ApiException e) {
        if (e instanceof UnauthorizedException) {
          authenticators.forEach(a -> exchange.getResponseHeaders().add("WWW-Authenticate", a.challenge()));
        }
        LOG.debug("{} {} -> {} {}", method, path, e.status(), e.getMessage());
        if (e.status() == 413) {
          // The rest of the body stays unread: closing the connection is cheaper than draining it.
          exchange.getResponseHeaders().set("Connection", "close");
        }
        send(exchange, e.status(), ErrorBodies.of(path, e), Route.JSON);
      } catch (TamperedRowException e) {
        LOG.warn("{} {} refused: {}", method, path, e.getMessage());
        send(exchange, 409, ErrorBodies.of(path, new ConflictException(e.getMessage())), Route.JSON);
      } catch (RuntimeException | Error e) {
        // Whatever failed, the client gets Airbyte's error shape and an incident id, never the failure itself.
        String incident = UUID.randomUUID().toString();
        LOG.error("{} {} failed (incident {})", method, path, incident, e);
        send(exchange, 500, ErrorBodies.internal(path, incident), Route.JSON);
      }
    } catch (IOException e) {
      LOG.debug("Client went away: {}", e.getMessage());
    } finally {
      metrics.record(route, exchange.getRequestMethod(), exchange.getResponseCode(), System.nanoTime() - started);
    }
  }

  /**
   * The route for a request. A path no route serves, or serves with another method, is answered only to an
   * authenticated client: anyone else gets the 401 every protected route gives, and learns nothing of the routes.
   */
  private Router.Match routeFor(HttpExchange exchange, String method, String path) {
    Optional<Router.Match> match;
    try {
      match = router.match(method, path);
    } catch (ApiException wrongMethod) {
      authenticate(exchange);
      throw wrongMethod;
    }
    if (match.isEmpty()) {
      authenticate(exchange);
      throw new NotFoundException("endpoint", method + " " + path);
    }
    return match.get();
  }

  /** A 413 for a body declared larger than the limit, before anything of it is read. */
  private static void refuseOversizedBody(HttpExchange exchange) {
    String declared = exchange.getRequestHeaders().getFirst("Content-Length");
    if (declared != null && declared.length() < 20 && declared.chars().allMatch(Character::isDigit)
        && Long.parseLong(declared) > MAX_BODY_BYTES) {
      throw tooLarge();
    }
  }

  private static BadRequestException tooLarge() {
    return new BadRequestException(413, "The request body is larger than the " + MAX_BODY_BYTES / (1024 * 1024)
        + " MiB the server accepts");
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
        throw tooLarge();
      }
      return body;
    }
  }

  private static void send(HttpExchange exchange, int status, Object body, String mediaType) throws IOException {
    // Text for a text route (a log); JSON otherwise, also for text/plain routes that answer a document (OpenAPI).
    byte[] json = body instanceof String text && mediaType.startsWith("text/")
        ? text.getBytes(StandardCharsets.UTF_8) : Json.mapper().writeValueAsBytes(body);
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
