package dev.gale.server.http;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One endpoint: its method and path template ({@code /api/v1/workspaces/get}, {@code /api/public/v1/jobs/{jobId}}),
 * the record types of its body and answer (they drive parsing, validation and the OpenAPI document), and the handler.
 *
 * @param requestType the body's record type, or {@code null} when the endpoint takes none
 * @param responseType the answer's type, or {@code Void.class} for 204 No Content
 * @param produces the answer's media type; the body is JSON text either way, except that a {@code String} answer of a
 *     {@code text/*} route is sent as the text itself
 * @param acceptsForm whether the body may also come form-encoded ({@code application/x-www-form-urlencoded}), as
 *     OAuth clients send token requests: its fields are read as the JSON object of strings they spell
 * @param queryParameters the query parameters the handler reads: documented, and checked before it runs
 * @param otherErrors error statuses this endpoint answers beyond the ones every endpoint may (400, 401, 404, 409,
 *     422), with what each means: documented
 * @param successStatus the status of a success: 200 (204 for a {@code Void} answer) unless the route says
 *     {@link #created()}
 */
public record Route<I, O>(String method, String path, String tag, String summary, Class<I> requestType,
                          Class<O> responseType, boolean open, String produces, boolean acceptsForm,
                          List<QueryParameter> queryParameters, Map<Integer, String> otherErrors,
                          Handler<I, O> handler, int successStatus) {
  public static final String JSON = "application/json";
  public static final String FORM = "application/x-www-form-urlencoded";

  public Route {
    requireNonNull(method, "method is null");
    requireNonNull(path, "path is null");
    requireNonNull(tag, "tag is null");
    requireNonNull(summary, "summary is null");
    requireNonNull(responseType, "responseType is null");
    requireNonNull(produces, "produces is null");
    requireNonNull(handler, "handler is null");
    queryParameters = List.copyOf(queryParameters);
    otherErrors = Map.copyOf(otherErrors);
    if (successStatus < 200 || successStatus > 299) {
      throw new IllegalArgumentException("a success status is 2xx, not " + successStatus);
    }
  }

  public Route(String method, String path, String tag, String summary, Class<I> requestType, Class<O> responseType,
               boolean open, Handler<I, O> handler) {
    this(method, path, tag, summary, requestType, responseType, open, JSON, false, List.of(), Map.of(), handler,
        responseType == Void.class ? 204 : 200);
  }

  /** A Config API endpoint: POST with a JSON body, behind auth. */
  public static <I, O> Route<I, O> rpc(String path, String tag, String summary, Class<I> requestType, Class<O> responseType,
                                       Handler<I, O> handler) {
    return new Route<>("POST", path, tag, summary, requestType, responseType, false, handler);
  }

  public Route<I, O> withoutAuth() {
    return new Route<>(method, path, tag, summary, requestType, responseType, true, produces, acceptsForm, queryParameters, otherErrors, handler, successStatus);
  }

  /** The same route answering with another media type (its body still JSON text, which is also YAML). */
  public Route<I, O> producing(String mediaType) {
    return new Route<>(method, path, tag, summary, requestType, responseType, open, mediaType, acceptsForm, queryParameters, otherErrors, handler, successStatus);
  }

  /** The same route reading form-encoded bodies too. */
  public Route<I, O> acceptingForms() {
    return new Route<>(method, path, tag, summary, requestType, responseType, open, produces, true, queryParameters, otherErrors, handler, successStatus);
  }

  /** The same route reading these query parameters as well. */
  public Route<I, O> withQuery(List<QueryParameter> parameters) {
    List<QueryParameter> all = new ArrayList<>(queryParameters);
    all.addAll(parameters);
    return new Route<>(method, path, tag, summary, requestType, responseType, open, produces, acceptsForm, all, otherErrors, handler, successStatus);
  }

  public Route<I, O> withQuery(QueryParameter... parameters) {
    return withQuery(List.of(parameters));
  }

  /** The same route documenting one more error status it answers. */
  public Route<I, O> alsoAnswering(int status, String meaning) {
    Map<Integer, String> all = new HashMap<>(otherErrors);
    all.put(status, meaning);
    return new Route<>(method, path, tag, summary, requestType, responseType, open, produces, acceptsForm,
        queryParameters, all, handler, successStatus);
  }

  /** The same route answering a success with 201 Created, as Airbyte's creating endpoints do (with or without a body). */
  public Route<I, O> created() {
    return new Route<>(method, path, tag, summary, requestType, responseType, open, produces, acceptsForm,
        queryParameters, otherErrors, handler, 201);
  }

  public boolean answersNoContent() {
    return responseType == Void.class;
  }

  /** The endpoint's logic. Throws {@link ApiException} for client errors; returns null only for {@code Void}. */
  @FunctionalInterface
  public interface Handler<I, O> {
    O handle(I body, Call call);
  }
}
