package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import dev.gale.protocol.Json;
import dev.gale.server.metrics.HttpMetrics;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers what the HTTP layer refuses before Gale's handler sees a request (headers over the limit, a malformed or
 * ambiguous request line) in Airbyte's error shapes, as the handler's own refusals are, never as an HTML page; and
 * counts those answers in the HTTP metrics, under {@link HttpMetrics#REFUSED}.
 */
final class ProtocolErrors extends ErrorHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProtocolErrors.class);

  private final HttpLimits limits;
  private final HttpMetrics metrics;

  ProtocolErrors(HttpLimits limits, HttpMetrics metrics) {
    this.limits = requireNonNull(limits, "limits is null");
    this.metrics = requireNonNull(metrics, "metrics is null");
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = request.getAttribute(ERROR_STATUS) instanceof Integer given ? given : response.getStatus();
    String path = Optional.ofNullable(request.getHttpURI()).map(HttpURI::getPath).orElse("/");
    Object body;
    if (status >= 500) {
      String incident = UUID.randomUUID().toString();
      LOG.warn("{} {} failed in the HTTP layer (incident {})", request.getMethod(), path, incident,
          request.getAttribute(ERROR_EXCEPTION) instanceof Throwable failure ? failure : null);
      body = ErrorBodies.internal(path, incident);
    } else {
      body = ErrorBodies.of(path, refusal(status, (String) request.getAttribute(ERROR_MESSAGE)));
    }
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Route.JSON);
    Callback answered = CountedAnswers.counted(request) ? callback
        : CountedAnswers.callback(metrics, callback, HttpMetrics.REFUSED, request.getMethod(), status,
            request.getBeginNanoTime());
    response.write(true, ByteBuffer.wrap(json(body)), answered);
    return true;
  }

  /** The body of an answer Jetty writes itself, when a request was too broken to be handed to {@link #handle}. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Route.JSON));
    return ByteBuffer.wrap(json(ErrorBodies.of(refusal(status, reason))));
  }

  private BadRequestException refusal(int status, String reason) {
    String message = switch (status) {
      case HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 -> "The request's headers are larger than the "
          + limits.maxHeaderBytes() / 1024 + " KiB the server accepts";
      case HttpStatus.URI_TOO_LONG_414 -> "The request's URI is longer than the server accepts";
      default -> "The request cannot be read: "
          + (reason == null || reason.isBlank() ? HttpStatus.getMessage(status) : reason);
    };
    return new BadRequestException(status, message);
  }

  private static byte[] json(Object body) {
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
