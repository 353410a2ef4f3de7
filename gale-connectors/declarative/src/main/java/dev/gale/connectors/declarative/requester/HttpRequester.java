package dev.gale.connectors.declarative.requester;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connectors.declarative.auth.Authenticator;
import dev.gale.connectors.declarative.errors.ApiErrorMessage;
import dev.gale.connectors.declarative.errors.ErrorHandler;
import dev.gale.connectors.declarative.errors.ErrorResolution;
import dev.gale.connectors.declarative.errors.FailureType;
import dev.gale.connectors.declarative.errors.Outcome;
import dev.gale.connectors.declarative.errors.ResponseAction;
import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.connectors.declarative.runtime.HttpCall;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Airbyte's {@code HttpRequester}: builds a request from its URL, method and options (its own, the authenticator's and
 * those the retriever passes: pagination, partition, cursor), sends it, and retries as its error handler says.
 *
 * @param name the stream, for messages
 * @param url the {@code url} field (newer manifests), or null
 * @param urlBase the {@code url_base} field, or null
 * @param path the {@code path} field, or null
 */
public record HttpRequester(String name, Template url, Template urlBase, Template path, String method,
                            Authenticator authenticator, RequestInputs inputs, ErrorHandler errorHandler) {

  public HttpRequester {
    requireNonNull(name, "name is null");
    requireNonNull(method, "method is null");
    requireNonNull(authenticator, "authenticator is null");
    requireNonNull(inputs, "inputs is null");
    requireNonNull(errorHandler, "errorHandler is null");
  }

  /**
   * What a request is made from besides the requester's own fields.
   *
   * @param variables the template variables: {@code stream_slice}, {@code next_page_token}, extra fields...
   * @param path a path that replaces the requester's (a next-page URL), or null
   * @param extra the options of the retriever's components
   */
  public record Request(Map<String, Object> variables, String path, RequestParts extra) {}

  /**
   * Sends the request, retrying as the error handler says.
   *
   * @return the response, or empty when the error handler says to ignore it
   * @throws ConnectorException when the response fails, or retries run out; the message names the stream, the status
   *     and the API's error text, with secrets masked
   */
  public Optional<HttpResult> send(Run run, Request request) throws InterruptedException {
    Duration budget = run.retryBudget().maxTime();
    long started = System.nanoTime();
    int attempt = 0;
    while (true) {
      HttpCall call = call(run, request);
      Duration left = budget.minusNanos(System.nanoTime() - started);
      // An attempt may take what is left of the budget. Only rate-limited retries outlast it (the CDK bounds those by
      // count alone), and each of their attempts may take a whole budget.
      Outcome outcome = exchange(run, call, left.isPositive() ? left : budget);
      ErrorResolution resolution = errorHandler.interpret(run, outcome);
      switch (resolution.action()) {
        case SUCCESS -> {
          return Optional.of(outcome.response());
        }
        case IGNORE -> {
          run.log(LogLevel.INFO, "Stream '" + name + "': ignoring the response to " + call.method() + " "
              + call.url() + describe(outcome) + (resolution.message() == null ? "" : " (" + resolution.message()
              + ")"));
          return Optional.empty();
        }
        case FAIL -> throw failure(run, call, outcome, resolution, "");
        default -> {
          int maxRetries = errorHandler.maxRetries(run);
          if (attempt >= maxRetries) {
            throw failure(run, call, outcome, resolution, maxRetries == 0 ? ""
                : " after " + maxRetries + (maxRetries == 1 ? " retry" : " retries"));
          }
          // As the CDK's HTTP client: no retry once max_time has passed since the first attempt, and no wait past it.
          Duration spent = Duration.ofNanos(System.nanoTime() - started);
          boolean timed = resolution.action() != ResponseAction.RATE_LIMITED;
          if (timed && spent.compareTo(budget) >= 0) {
            throw failure(run, call, outcome, resolution, " after " + seconds(budget) + " of attempts and retries"
                + " (Airbyte's limit of time for a request)");
          }
          int retry = attempt;
          Duration wait = errorHandler.backoff(run, outcome, retry).orElseGet(() -> defaultWait(run, outcome, retry));
          if (timed && wait.compareTo(budget.minus(spent)) > 0) {
            wait = budget.minus(spent);
          }
          if (resolution.action() == ResponseAction.REFRESH_TOKEN_THEN_RETRY) {
            authenticator.invalidate(run);
          }
          run.log(LogLevel.INFO, "Stream '" + name + "': " + call.method() + " " + call.url() + describe(outcome)
              + "; retrying in " + seconds(wait) + " (retry " + (attempt + 1) + " of " + maxRetries + ")");
          run.sleeper().sleep(wait);
          attempt++;
        }
      }
    }
  }

  // Built afresh for every attempt: a retry after a token refresh carries the new token.
  private HttpCall call(Run run, Request request) throws InterruptedException {
    Map<String, Object> variables = request.variables();
    RequestParts own = inputs.eval(run, variables);
    RequestParts auth = authenticator.parts(run);
    RequestParts all = RequestParts.combine(name, Arrays.asList(own, auth, request.extra()));
    String target = Urls.requote(url(run, variables, request.path()));
    Map<String, Object> query = new LinkedHashMap<>(all.parameters());
    // As the CDK: a parameter the URL (a next-page URL) already has is left out only when the URL's value is the same
    // text; with another value both go out, the URL's first. A value is compared as Python's str() writes it.
    Map<String, String> inUrl = Urls.queryValues(target);
    query.entrySet().removeIf(parameter ->
        Values.pythonString(parameter.getValue()).equals(inUrl.get(parameter.getKey())));
    String encoded = Urls.encode(query);
    if (!encoded.isEmpty()) {
      // As requests does: an empty query (a URL ending in '?') becomes the parameters; a query gets them after '&'.
      target += (!target.contains("?") ? "?" : target.endsWith("?") ? "" : "&") + encoded;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    all.headers().forEach((key, value) -> headers.put(key, Values.pythonString(value)));
    byte[] body = null;
    if (!all.bodyJson().isEmpty()) {
      if (!all.bodyData().isEmpty() || all.rawBody() != null) {
        throw new ConnectorException("Stream '" + name + "': the manifest sets both a JSON body and a form body");
      }
      body = JsonValues.write(all.bodyJson()).getBytes(StandardCharsets.UTF_8);
      putIfAbsent(headers, "Content-Type", "application/json");
    } else if (!all.bodyData().isEmpty()) {
      body = Urls.encode(all.bodyData()).getBytes(StandardCharsets.UTF_8);
      putIfAbsent(headers, "Content-Type", "application/x-www-form-urlencoded");
    } else if (all.rawBody() != null) {
      body = all.rawBody().getBytes(StandardCharsets.UTF_8);
    }
    return new HttpCall(method, target, headers, body);
  }

  private String url(Run run, Map<String, Object> variables, String pathOverride) {
    String base = urlBase == null ? "" : urlBase.evalString(run, variables);
    String full = url == null ? "" : url.evalString(run, variables);
    String relative = pathOverride != null ? pathOverride
        : path == null ? "" : stripLeadingSlashes(path.evalString(run, variables));
    String result = !base.isEmpty() ? Urls.join(base, relative) : !relative.isEmpty() ? Urls.join(full, relative)
        : full;
    if (result.isEmpty()) {
      throw new ConnectorException("Stream '" + name + "': the requester's URL is empty");
    }
    return result;
  }

  private Outcome exchange(Run run, HttpCall call, Duration timeout) throws InterruptedException {
    long started = System.nanoTime();
    Outcome outcome;
    try {
      outcome = Outcome.of(run.transport().send(call, timeout));
    } catch (IOException e) {
      outcome = Outcome.of(e);
    } catch (IllegalArgumentException e) {
      throw new ConnectorException("Stream '" + name + "': the request URL is not valid: " + run.secrets().mask(
          call.url()));
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    run.log(LogLevel.DEBUG, call.method() + " " + call.url() + describe(outcome) + " in " + millis + " ms");
    return outcome;
  }

  private ConnectorException failure(Run run, HttpCall call, Outcome outcome, ErrorResolution resolution,
                                     String afterRetries) {
    StringBuilder message = new StringBuilder("Stream '").append(name).append("': ").append(call.method()).append(' ')
        .append(call.url()).append(" failed").append(afterRetries);
    if (outcome.response() != null) {
      message.append(" with HTTP ").append(outcome.response().status());
    } else {
      message.append(": ").append(outcome.failure().getClass().getSimpleName());
      if (outcome.failure().getMessage() != null) {
        message.append(" (").append(outcome.failure().getMessage()).append(')');
      }
    }
    if (resolution.message() != null && !resolution.message().isEmpty()) {
      message.append(". ").append(resolution.message());
    }
    if (outcome.response() != null) {
      ApiErrorMessage.of(outcome.response()).ifPresent(text -> message.append(" The API said: ").append(text));
    }
    FailureType type = resolution.failureType() == null ? FailureType.SYSTEM_ERROR : resolution.failureType();
    ConnectorException.Kind kind = resolution.action().retries() ? ConnectorException.Kind.TRANSIENT : type.kind();
    return new ConnectorException(kind, run.secrets().mask(message.toString()), null);
  }

  // Without a strategy of the manifest: the server's Retry-After when it sends one, else 1, 2, 4, 8... seconds.
  private static Duration defaultWait(Run run, Outcome outcome, int attempt) {
    if (outcome.response() != null) {
      Optional<Duration> retryAfter = RetryAfter.parse(outcome.response().header("Retry-After"), run.clock());
      if (retryAfter.isPresent()) {
        return retryAfter.get();
      }
    }
    return Duration.ofSeconds(1L << Math.min(attempt, 10));
  }

  private static String describe(Outcome outcome) {
    return outcome.response() != null ? " -> HTTP " + outcome.response().status()
        : " -> " + outcome.failure().getClass().getSimpleName();
  }

  private static String seconds(Duration wait) {
    long millis = wait.toMillis();
    return millis < 1000 ? millis + " ms" : millis % 1000 == 0 ? millis / 1000 + " s" : (millis / 1000.0) + " s";
  }

  private static String stripLeadingSlashes(String path) {
    int start = 0;
    while (start < path.length() && path.charAt(start) == '/') {
      start++;
    }
    return path.substring(start);
  }

  private static void putIfAbsent(Map<String, String> headers, String name, String value) {
    for (String existing : new ArrayList<>(headers.keySet())) {
      if (existing.equalsIgnoreCase(name)) {
        return;
      }
    }
    headers.put(name, value);
  }

  /** Header names whose values are credentials, masked wherever requests are shown. */
  public static final List<String> SENSITIVE_HEADERS = List.of("authorization", "proxy-authorization", "cookie",
      "x-api-key", "api-key", "apikey");
}
