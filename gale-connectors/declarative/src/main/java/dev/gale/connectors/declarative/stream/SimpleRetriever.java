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
   */
  public void readSlice(Run run, StreamSlice slice, StreamCursor cursor, String cursorBounds,
                        Map<String, Object> streamState, PageListener listener) throws InterruptedException {
    Object token = paginator.initialToken(run);
    while (true) {
      Map<String, Object> variables = new HashMap<>(slice.variables());
      variables.put("next_page_token", token == null ? null : tokenMap(token));
      variables.put("stream_state", streamState == null ? Map.of() : streamState);
      RequestParts slicer = token != null && ignoreSlicerOnPaginatedRequests ? null : slicerParts(run, slice, cursor);
      RequestParts extra = RequestParts.combine(stream, Arrays.asList(paginator.parts(run, token), slicer));
      Optional<HttpResult> response = requester.send(run, new HttpRequester.Request(variables, paginator.path(token),
          extra));
      if (response.isEmpty()) {
        return;
      }
      // A failed status the error handler let through (a filter's SUCCESS on a 404) ends the slice without records,
      // as in the CDK, where such a response is falsy.
      if (!response.get().ok()) {
        listener.page(response.get(), List.of());
        return;
      }
      RecordSelector.Selection selection = selector.select(run, response.get(), stream, variables);
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
      if (!listener.page(response.get(), records)) {
        return;
      }
      if ("feed".equals(cursorBounds) && lastRecord != null && !cursor.inBounds(slice, lastRecord)) {
        return;
      }
      Object next = paginator.nextToken(run, page, token);
      if (next == null) {
        return;
      }
      token = next;
    }
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
