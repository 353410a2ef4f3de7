package dev.gale.connectors.declarative.pagination;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.util.Map;

/**
 * Offsets: the number of records read so far. The first request carries offset 0 only with
 * {@code inject_on_first_request}. Stops after a page with fewer records than the page size (which may be a template
 * over {@code response}), or an empty page.
 */
public record OffsetIncrement(Template pageSize, boolean injectOnFirstRequest) implements PaginationStrategy {

  @Override
  public Object initialToken(Run run) {
    return injectOnFirstRequest ? 0L : null;
  }

  @Override
  public Object nextToken(Run run, Page page, Object lastToken) {
    Long size = PageSizes.eval(run, pageSize, Map.of("response", page.response().jsonOrEmpty()));
    if (size != null && page.extracted() < size || page.extracted() == 0) {
      return null;
    }
    return lastToken == null ? (long) page.extracted() : Values.asLong(lastToken).orElseThrow() + page.extracted();
  }

  @Override
  public Long pageSize(Run run) {
    return PageSizes.eval(run, pageSize, Map.of());
  }
}
