package dev.gale.connectors.declarative.pagination;

import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;

/** One page. */
public record NoPagination() implements Paginator {
  @Override
  public Object initialToken(Run run) {
    return null;
  }

  @Override
  public Object nextToken(Run run, Page page, Object lastToken) {
    return null;
  }

  @Override
  public String path(Object token) {
    return null;
  }

  @Override
  public RequestParts parts(Run run, Object token) {
    return new RequestParts();
  }
}
