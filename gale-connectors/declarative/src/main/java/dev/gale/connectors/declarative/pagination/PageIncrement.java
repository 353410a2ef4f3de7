package dev.gale.connectors.declarative.pagination;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.util.Map;

/**
 * Page numbers from {@code start_from_page} on; the first request carries one only with
 * {@code inject_on_first_request}. Stops after a page with fewer records than the page size, or an empty page.
 */
public record PageIncrement(Template pageSize, long startFromPage, boolean injectOnFirstRequest)
    implements PaginationStrategy {

  @Override
  public Object initialToken(Run run) {
    return injectOnFirstRequest ? startFromPage : null;
  }

  @Override
  public Object nextToken(Run run, Page page, Object lastToken) {
    Long size = pageSize(run);
    if (size != null && page.extracted() < size || page.extracted() == 0) {
      return null;
    }
    return lastToken == null ? startFromPage + 1 : Values.asLong(lastToken).orElseThrow() + 1;
  }

  @Override
  public Long pageSize(Run run) {
    return PageSizes.eval(run, pageSize, Map.of());
  }
}
