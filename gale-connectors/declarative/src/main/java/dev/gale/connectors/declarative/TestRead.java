package dev.gale.connectors.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * What a test read of one stream found, as Airbyte's connector builder shows it ({@code read_stream}): the slices
 * read, each with its pages (the HTTP request and response, secrets masked, and the page's records as the API's JSON
 * after selection and transformations, not typed) and the stream's state after it; the requests made besides pages
 * (logins, token refreshes); log lines; and whether a limit stopped the read.
 */
public record TestRead(List<Slice> slices, List<Exchange> auxiliaryRequests, List<LogLine> logs,
                       boolean limitReached) {
  public TestRead {
    slices = List.copyOf(slices);
    auxiliaryRequests = List.copyOf(auxiliaryRequests);
    logs = List.copyOf(logs);
  }

  /**
   * @param descriptor the slice's partition and interval ({@code {"start_time": ..., "parent_slice": ...}})
   * @param state the stream's state after the slice, or null for a stream without a cursor
   */
  public record Slice(JsonNode descriptor, List<Page> pages, JsonNode state) {
    public Slice {
      pages = List.copyOf(pages);
    }
  }

  public record Page(List<JsonNode> records, Request request, Response response) {
    public Page {
      records = List.copyOf(records);
    }
  }

  /** A request as sent; credentials masked. {@code body} is null without one. */
  public record Request(String method, String url, Map<String, String> headers, String body) {}

  /** A response as received; {@code body} cut at the limit's length, secrets masked. */
  public record Response(int status, Map<String, String> headers, String body) {}

  /** A request besides the pages, such as {@code "Refresh token"} or {@code "Login request"}. */
  public record Exchange(String title, Request request, Response response) {}

  public record LogLine(String level, String message) {}

  /** All records of all pages, in order. */
  public List<JsonNode> records() {
    return slices.stream().flatMap(slice -> slice.pages().stream()).flatMap(page -> page.records().stream())
        .toList();
  }
}
