package dev.gale.connectors.declarative.pagination;

import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;

/**
 * Decides the page after each response and how the next request asks for it. A token is the strategy's value (a page
 * number, an offset, a cursor); templates see it as {@code next_page_token['next_page_token']}.
 */
public interface Paginator {

  /** The token of the first request, or null for none. */
  Object initialToken(Run run);

  /** The token of the next page, or null when the page was the last. */
  Object nextToken(Run run, Page page, Object lastToken);

  /** The path (usually a full URL) the next request goes to, when the token is one; else null. */
  String path(Object token);

  /** The request options for a page: its token, and the page size. */
  RequestParts parts(Run run, Object token);
}
