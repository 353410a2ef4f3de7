package dev.gale.connectors.declarative.pagination;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.requester.RequestOption;
import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Values;

/**
 * Airbyte's {@code DefaultPaginator}: a strategy finds the next token; {@code page_token_option} puts it into the
 * request (or, as a {@code RequestPath}, makes it the next request's URL); {@code page_size_option} puts the page size
 * into every request.
 *
 * @param tokenOption null when the token is the path or goes nowhere
 * @param tokenIsPath whether {@code page_token_option} is a {@code RequestPath}
 */
public record DefaultPaginator(PaginationStrategy strategy, RequestOption pageSizeOption, RequestOption tokenOption,
                               boolean tokenIsPath) implements Paginator {

  public DefaultPaginator {
    requireNonNull(strategy, "strategy is null");
  }

  @Override
  public Object initialToken(Run run) {
    return strategy.initialToken(run);
  }

  @Override
  public Object nextToken(Run run, Page page, Object lastToken) {
    return strategy.nextToken(run, page, lastToken);
  }

  @Override
  public String path(Object token) {
    return tokenIsPath && Values.truthy(token) ? Values.pythonString(token) : null;
  }

  @Override
  public RequestParts parts(Run run, Object token) {
    RequestParts parts = new RequestParts();
    if (tokenOption != null && token != null) {
      tokenOption.inject(parts, token, run);
    }
    if (pageSizeOption != null) {
      Long size = strategy.pageSize(run);
      if (size != null) {
        pageSizeOption.inject(parts, size, run);
      }
    }
    return parts;
  }
}
