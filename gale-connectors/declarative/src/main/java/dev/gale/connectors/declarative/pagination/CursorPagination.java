package dev.gale.connectors.declarative.pagination;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.util.HashMap;
import java.util.Map;

/**
 * The next page's token is a template over the page: {@code response} (the JSON body), {@code headers} (with the
 * parsed {@code Link} header at {@code headers['link']['next']['url']}), {@code last_record} and
 * {@code last_page_size}. Stops when {@code stop_condition} holds or the token is empty.
 */
public record CursorPagination(Template cursorValue, Template stopCondition, Template pageSize)
    implements PaginationStrategy {

  public CursorPagination {
    requireNonNull(cursorValue, "cursorValue is null");
  }

  @Override
  public Object initialToken(Run run) {
    return null;
  }

  @Override
  public Object nextToken(Run run, Page page, Object lastToken) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("response", page.response().jsonOrEmpty());
    variables.put("headers", page.response().templateHeaders());
    variables.put("last_record", page.lastRecord());
    variables.put("last_page_size", page.records());
    if (stopCondition != null && !stopCondition.text().isEmpty() && stopCondition.isTrue(run, variables)) {
      return null;
    }
    Object token = cursorValue.eval(run, variables);
    return Values.truthy(token) ? token : null;
  }

  @Override
  public Long pageSize(Run run) {
    return PageSizes.eval(run, pageSize, Map.of());
  }
}
