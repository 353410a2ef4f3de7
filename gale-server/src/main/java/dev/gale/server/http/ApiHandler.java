package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import dev.gale.protocol.Json;
import dev.gale.server.metrics.HttpMetrics;
import dev.gale.server.store.TamperedRowException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gale's handling of one request, whatever carries it: limits, routing, authentication, body parsing and validation,
 * and error answers that never carry a stack trace. It runs on a virtual thread of its own, so it may block on the
 * body, the store or a connector. Bodies are never logged: they may hold secrets.
 *
 * <p>What a client without credentials can learn or cost is bounded: a body over the limit is refused from its
 * declared length before it is read or authenticated (and cut off at the limit when it has none), and any path but
 * an open route answers 401 before 404 or 405, so routes cannot be enumerated.
 */
final class ApiHandler extends Handler.Abstract {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  private final Router router;
  private final List<Authenticator> authenticators;
  private final long maxBodyBytes;
  private final RequestDeadlines deadlines;
  private final HttpMetrics metrics;

  ApiHandler(Router router, List<Authenticator> authenticators, HttpLimits limits, RequestDeadlines deadlines,
             HttpMetrics metrics) {
    super(InvocationType.BLOCKING);
    this.router = requireNonNull(router, "router is null");
    this.authenticators = List.copyOf(authenticators);
    this.maxBodyBytes = requireNonNull(limits, "limits is null").maxBodyBytes();
    this.deadlines = requireNonNull(deadlines, "deadlines is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    long started = System.nanoTime();
    CountedAnswers.markCounted(request);
    String method = request.getMethod();
    String path = request.getHttpURI().getPath();
    RequestHeaders headers = headers(request);
    // While a handler works nothing moves on the connection; the idle timeout is for clients, not for handlers.
    AtomicBoolean working = new AtomicBoolean();
    request.addIdleTimeoutListener(timeout -> !working.get());
    Answer answer = answer(request, method, path, headers, working, response);
    working.set(false);
    Callback counted = CountedAnswers.callback(metrics, callback, answer.route(), method, answer.status(), started);
    try {
      if (answer.body() instanceof IOException gone) {
        throw gone;
      }
      send(request, response, answer, counted);
    } catch (IOException e) {
      LOG.debug("Client went away: {}", e.getMessage());
      counted.failed(e);
    }
    return true;
  }

  /**
   * A status with its body (null for none) and media type; or status -1 with the {@link IOException} that ended the
   * request when the client went away before it was read whole.
   *
   * @param route the template of the route the request matched, or {@link HttpMetrics#UNMATCHED}: for the metrics
   */
  private record Answer(String route, int status, Object body, String mediaType) {}

  private Answer answer(Request request, String method, String path, RequestHeaders headers, AtomicBoolean working,
                        Response response) {
    String route = HttpMetrics.UNMATCHED;
    try {
      refuseOversizedBody(request);
      Router.Match match = routeFor(headers, method, path);
      route = match.route().path();
      Principal principal = match.route().open() ? Principal.ANONYMOUS : authenticate(headers);
      Object answer = invoke(match, request, headers, principal, working);
      return new Answer(route, match.route().successStatus(), match.route().answersNoContent() ? null : answer,
          match.route().produces());
    } catch (IOException e) {
      return new Answer(route, -1, e, null);
    } catch (ApiException e) {
      if (e instanceof UnauthorizedException) {
        authenticators.forEach(a -> response.getHeaders().add(HttpHeader.WWW_AUTHENTICATE, a.challenge()));
      }
      LOG.debug("{} {} -> {} {}", method, path, e.status(), e.getMessage());
      if (e.status() == 413) {
        // The rest of the body stays unread: closing the connection is cheaper than draining it.
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
      }
      return new Answer(route, e.status(), ErrorBodies.of(path, e), Route.JSON);
    } catch (TamperedRowException e) {
      LOG.warn("{} {} refused: {}", method, path, e.getMessage());
      return new Answer(route, 409, ErrorBodies.of(path, new ConflictException(e.getMessage())), Route.JSON);
    } catch (RuntimeException | Error e) {
      // Whatever failed, the client gets Airbyte's error shape and an incident id, never the failure itself.
      String incident = UUID.randomUUID().toString();
      LOG.error("{} {} failed (incident {})", method, path, incident, e);
      return new Answer(route, 500, ErrorBodies.internal(path, incident), Route.JSON);
    }
  }

  /**
   * The route for a request. A path no route serves, or serves with another method, is answered only to an
   * authenticated client: anyone else gets the 401 every protected route gives, and learns nothing of the routes.
   */
  private Router.Match routeFor(RequestHeaders headers, String method, String path) {
    Optional<Router.Match> match;
    try {
      match = router.match(method, path);
    } catch (ApiException wrongMethod) {
      authenticate(headers);
      throw wrongMethod;
    }
    if (match.isEmpty()) {
      authenticate(headers);
      throw new NotFoundException("endpoint", method + " " + path);
    }
    return match.get();
  }

  /** A 413 for a body declared larger than the limit, before anything of it is read. */
  private void refuseOversizedBody(Request request) {
    if (request.getLength() > maxBodyBytes) {
      throw tooLarge();
    }
  }

  private BadRequestException tooLarge() {
    return new BadRequestException(413, "The request body is larger than the " + maxBodyBytes / (1024 * 1024)
        + " MiB the server accepts");
  }

  @SuppressWarnings("unchecked")
  private <I, O> O invoke(Router.Match match, Request request, RequestHeaders headers, Principal principal,
                          AtomicBoolean working) throws IOException {
    Route<I, O> route = (Route<I, O>) match.route();
    I body = route.requestType() == null ? null
        : RequestBodies.read(jsonBody(route, request, headers), route.requestType());
    deadlines.arrived(request.getConnectionMetaData().getConnection());
    working.set(true);
    Call call = new Call(request.getHttpURI().getDecodedPath(), match.pathParams(),
        FormData.parseAll(request.getHttpURI().getQuery()), headers, principal, baseUri(request, headers));
    route.queryParameters().forEach(parameter -> parameter.check(parameter.list()
        ? call.queryAll(parameter.name())
        : call.query().getOrDefault(parameter.name(), List.of()).stream().filter(value -> !value.isBlank()).toList()));
    return route.handler().handle(body, call);
  }

  private Principal authenticate(RequestHeaders headers) {
    if (authenticators.isEmpty()) {
      return Principal.ANONYMOUS;
    }
    for (Authenticator authenticator : authenticators) {
      Optional<Principal> principal = authenticator.authenticate(headers);
      if (principal.isPresent()) {
        return principal.get();
      }
    }
    throw new UnauthorizedException("Authentication required");
  }

  /** The body as JSON: a form-encoded body of a route that accepts forms becomes the object of its fields. */
  private byte[] jsonBody(Route<?, ?> route, Request request, RequestHeaders headers) throws IOException {
    byte[] body = readBody(request);
    String contentType = headers.first("Content-Type").orElse(null);
    if (route.acceptsForm() && contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(Route.FORM)) {
      return Json.mapper().writeValueAsBytes(FormData.parse(new String(body, StandardCharsets.UTF_8)));
    }
    return body;
  }

  private byte[] readBody(Request request) throws IOException {
    try (InputStream in = Request.asInputStream(request)) {
      byte[] body = in.readNBytes((int) maxBodyBytes + 1);
      if (body.length > maxBodyBytes) {
        throw tooLarge();
      }
      return body;
    }
  }

  private void send(Request request, Response response, Answer answer, Callback callback) throws IOException {
    // The connection's next request gets the whole timeout from the moment this answer starts out.
    deadlines.awaitNext(request.getConnectionMetaData().getConnection());
    response.setStatus(answer.status());
    if (answer.body() == null) {
      callback.succeeded();
      return;
    }
    // Text for a text route (a log); JSON otherwise, also for text/plain routes that answer a document (OpenAPI).
    byte[] bytes = answer.body() instanceof String text && answer.mediaType().startsWith("text/")
        ? text.getBytes(StandardCharsets.UTF_8) : Json.mapper().writeValueAsBytes(answer.body());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.mediaType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
    response.write(true, ByteBuffer.wrap(bytes), callback);
  }

  private static RequestHeaders headers(Request request) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (HttpField field : request.getHeaders()) {
      values.computeIfAbsent(field.getName(), name -> new ArrayList<>()).add(field.getValue());
    }
    return RequestHeaders.of(values);
  }

  /** The URL the client used to reach us, for absolute links (pagination) that work behind a proxy too. */
  private static URI baseUri(Request request, RequestHeaders headers) {
    String host = headers.first("X-Forwarded-Host").or(() -> headers.first("Host"))
        .orElse("localhost:" + Request.getLocalPort(request));
    String scheme = headers.first("X-Forwarded-Proto").orElse("http");
    return URI.create(scheme + "://" + host);
  }
}
