package dev.gale.connectors.declarative.stream;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.extract.RecordSelector;
import dev.gale.connectors.declarative.incremental.StreamCursor;
import dev.gale.connectors.declarative.pagination.Page;
import dev.gale.connectors.declarative.pagination.Paginator;
import dev.gale.connectors.declarative.partition.PartitionRouter;
import dev.gale.connectors.declarative.requester.HttpRequester;
import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Airbyte's {@code SimpleRetriever}: reads one slice page by page. Each request carries the paginator's options and
 * the slice's (partition router and cursor; left out of follow-up pages with
 * {@code ignore_stream_slicer_parameters_on_paginated_requests}); each response gives records through the selector
 * and the next token through the paginator.
 *
 * @param router null for a stream without partitions
 */
public record SimpleRetriever(String stream, HttpRequester requester, RecordSelector selector, Paginator paginator,
                              PartitionRouter router, boolean ignoreSlicerOnPaginatedRequests) {

  public SimpleRetriever {
    requireNonNull(stream, "stream is null");
    requireNonNull(requester, "requester is null");
    requireNonNull(selector, "selector is null");
    requireNonNull(paginator, "paginator is null");
  }

  /** Told of each page; returns false to read no further page of the slice. */
  @FunctionalInterface
  public interface PageListener {
    boolean page(HttpResult response, List<Map<String, Object>> records) throws InterruptedException;
  }

  /**
   * Reads {@code slice}, handing each page's records (after filtering, transformations and, for data feeds and
   * client-side incremental streams, the cursor's bounds) to {@code listener} and to the cursor.
   *
   * @param cursorBounds "feed" (stop at the first page reaching records before the state), "client" (drop records out
   *     of bounds) or null
   * @param streamState the state the read started from, for old templates that read {@code stream_state}
   * @param readAhead whether to fetch (and decode) the next page on a second thread while {@code listener} handles
   *     this one. Only for a listener that sends no request itself and wants every page: a page it turns down has
   *     been asked for all the same. Requests stay one at a time and in order, each with its retries.
   */
  public void readSlice(Run run, StreamSlice slice, StreamCursor cursor, String cursorBounds,
                        Map<String, Object> streamState, boolean readAhead, PageListener listener)
      throws InterruptedException {
    try (Prefetch<Optional<HttpResult>> ahead = readAhead
        ? new Prefetch<>(Thread.currentThread().getName() + "-next-page") : null) {
      Object token = paginator.initialToken(run);
      HttpRequester.Request request = request(run, slice, cursor, streamState, token);
      Optional<HttpResult> response = requester.send(run, request);
      while (true) {
        if (response.isEmpty()) {
          return;
        }
        // A failed status the error handler let through (a filter's SUCCESS on a 404) ends the slice without
        // records, as in the CDK, where such a response is falsy.
        if (!response.get().ok()) {
          listener.page(response.get(), List.of());
          return;
        }
        RecordSelector.Selection selection = selector.select(run, response.get(), stream, request.variables());
        List<Map<String, Object>> records = selection.records();
        if ("client".equals(cursorBounds)) {
          records = inBounds(cursor, slice, records);
        }
        Map<String, Object> lastRecord = records.isEmpty() ? null : records.getLast();
        Page page = new Page(response.get(), records.size(), selection.extracted(), lastRecord);
        if ("feed".equals(cursorBounds)) {
          records = inBounds(cursor, slice, records);
        }
        for (Map<String, Object> record : records) {
          cursor.observe(slice, record);
        }
        boolean feedEnds = "feed".equals(cursorBounds) && lastRecord != null && !cursor.inBounds(slice, lastRecord);
        // Reading ahead, the next token is found before the listener takes this page; a failure to find it is
        // thrown after, as it would be without reading ahead.
        Object next = null;
        RuntimeException nextFailure = null;
        HttpRequester.Request nextRequest = null;
        if (ahead != null && !feedEnds) {
          try {
            next = paginator.nextToken(run, page, token);
            if (next != null) {
              nextRequest = request(run, slice, cursor, streamState, next);
              HttpRequester.Request sent = nextRequest;
              ahead.start(() -> fetchAndDecode(run, sent));
            }
          } catch (RuntimeException e) {
            nextFailure = e;
            next = null;
          }
        }
        if (!listener.page(response.get(), records)) {
          return;
        }
        if (nextFailure != null) {
          throw nextFailure;
        }
        if (ahead == null) {
          if (feedEnds) {
            return;
          }
          next = paginator.nextToken(run, page, token);
          nextRequest = next == null ? null : request(run, slice, cursor, streamState, next);
        }
        if (next == null) {
          return;
        }
        token = next;
        request = nextRequest;
        response = ahead != null ? ahead.take() : requester.send(run, request);
      }
    }
  }

  // The request for the page of `token`: built on the reading thread (templates, the paginator's and the slice's
  // options), while sending it may happen on the prefetch thread.
  private HttpRequester.Request request(Run run, StreamSlice slice, StreamCursor cursor,
                                        Map<String, Object> streamState, Object token) {
    Map<String, Object> variables = new HashMap<>(slice.variables());
    variables.put("next_page_token", token == null ? null : tokenMap(token));
    variables.put("stream_state", streamState == null ? Map.of() : streamState);
    RequestParts slicer = token != null && ignoreSlicerOnPaginatedRequests ? null : slicerParts(run, slice, cursor);
    RequestParts extra = RequestParts.combine(stream, Arrays.asList(paginator.parts(run, token), slicer));
    return new HttpRequester.Request(variables, paginator.path(token), extra);
  }

  private Optional<HttpResult> fetchAndDecode(Run run, HttpRequester.Request request) throws InterruptedException {
    Optional<HttpResult> response = requester.send(run, request);
    if (response.isPresent() && response.get().ok()) {
      selector.extractor().decoder().decodeAhead(response.get());
    }
    return response;
  }

  private RequestParts slicerParts(Run run, StreamSlice slice, StreamCursor cursor) {
    List<RequestParts> parts = new ArrayList<>();
    if (router != null) {
      parts.add(router.parts(run, slice));
    }
    parts.add(cursor.parts(run, slice));
    return RequestParts.combine(stream, parts);
  }

  private static Map<String, Object> tokenMap(Object token) {
    Map<String, Object> map = new HashMap<>();
    map.put("next_page_token", token);
    return map;
  }

  private static List<Map<String, Object>> inBounds(StreamCursor cursor, StreamSlice slice,
                                                    List<Map<String, Object>> records) {
    List<Map<String, Object>> kept = new ArrayList<>(records.size());
    for (Map<String, Object> record : records) {
      if (cursor.inBounds(slice, record)) {
        kept.add(record);
      }
    }
    return kept;
  }
}
