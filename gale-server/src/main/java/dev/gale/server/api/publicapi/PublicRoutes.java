package dev.gale.server.api.publicapi;

import dev.gale.server.http.Call;
import dev.gale.server.http.NotFoundException;
import dev.gale.server.http.Route;
import dev.gale.server.http.Route.Handler;
import java.util.UUID;

/**
 * Route factories for the Public API: REST paths under {@link #BASE}, behind auth, answering JSON (or 204 for a
 * delete). Paths given here are relative to {@link #BASE}.
 */
public final class PublicRoutes {
  public static final String BASE = "/api/public/v1";

  private PublicRoutes() {}

  public static <O> Route<Object, O> get(String path, String tag, String summary, Class<O> responseType,
                                         Handler<Object, O> handler) {
    return new Route<>("GET", BASE + path, tag, summary, null, responseType, false, handler);
  }

  public static <I, O> Route<I, O> post(String path, String tag, String summary, Class<I> requestType,
                                        Class<O> responseType, Handler<I, O> handler) {
    return new Route<>("POST", BASE + path, tag, summary, requestType, responseType, false, handler);
  }

  public static <I, O> Route<I, O> patch(String path, String tag, String summary, Class<I> requestType,
                                         Class<O> responseType, Handler<I, O> handler) {
    return new Route<>("PATCH", BASE + path, tag, summary, requestType, responseType, false, handler);
  }

  public static <I, O> Route<I, O> put(String path, String tag, String summary, Class<I> requestType,
                                       Class<O> responseType, Handler<I, O> handler) {
    return new Route<>("PUT", BASE + path, tag, summary, requestType, responseType, false, handler);
  }

  /** An id in the path: one that is no UUID names nothing, so it is a 404 like any unknown id. */
  public static UUID pathId(Call call, String name, String kind) {
    String raw = call.path(name);
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new NotFoundException(kind, raw);
    }
  }

  /** A delete answering 204 No Content, as Airbyte's do (applications answer their read instead). */
  public static Route<Object, Void> delete(String path, String tag, String summary, Handler<Object, Void> handler) {
    return new Route<>("DELETE", BASE + path, tag, summary, null, Void.class, false, handler);
  }

  /** A delete answering the deleted resource's read. */
  public static <O> Route<Object, O> delete(String path, String tag, String summary, Class<O> responseType,
                                            Handler<Object, O> handler) {
    return new Route<>("DELETE", BASE + path, tag, summary, null, responseType, false, handler);
  }
}
