package dev.gale.connectors.declarative.pagination;

import dev.gale.connectors.declarative.runtime.Run;

/** How the next page is found: by page number, by offset, or by a cursor the response gives. */
public interface PaginationStrategy {
  Object initialToken(Run run);

  Object nextToken(Run run, Page page, Object lastToken);

  /** The page size to request, or null when the strategy has none. */
  Long pageSize(Run run);
}
