package dev.gale.connectors.declarative.factory;

import dev.gale.connectors.declarative.manifest.ComponentNode;
import dev.gale.connectors.declarative.pagination.CursorPagination;
import dev.gale.connectors.declarative.pagination.DefaultPaginator;
import dev.gale.connectors.declarative.pagination.NoPagination;
import dev.gale.connectors.declarative.pagination.OffsetIncrement;
import dev.gale.connectors.declarative.pagination.PageIncrement;
import dev.gale.connectors.declarative.pagination.PaginationStrategy;
import dev.gale.connectors.declarative.pagination.Paginator;
import dev.gale.connectors.declarative.requester.RequestOption;

/** Builds paginators. */
final class Paginators {
  private Paginators() {}

  static Paginator of(ComponentNode node) {
    if (node.type().equals("NoPagination")) {
      return new NoPagination();
    }
    ComponentNode strategyNode = node.requiredComponent("pagination_strategy");
    PaginationStrategy strategy = strategy(strategyNode);
    RequestOption pageSize = RequestOptions.optional(node, "page_size_option");
    if (pageSize != null && !strategyNode.has("page_size")) {
      throw node.error("page_size_option", "needs a page_size in the pagination strategy");
    }
    ComponentNode tokenNode = node.component("page_token_option").orElse(null);
    boolean tokenIsPath = tokenNode != null && tokenNode.type().equals("RequestPath");
    RequestOption token = tokenNode == null || tokenIsPath ? null : RequestOptions.of(tokenNode);
    if (token != null && pageSize != null && token.injectInto() == pageSize.injectInto()
        && token.fieldName() != null && pageSize.fieldName() != null
        && token.fieldName().text().equals(pageSize.fieldName().text())) {
      throw node.error("page_token_option", "puts the page token where page_size_option puts the page size ("
          + token.fieldName().text() + ")");
    }
    return new DefaultPaginator(strategy, pageSize, token, tokenIsPath);
  }

  private static PaginationStrategy strategy(ComponentNode node) {
    return switch (node.type()) {
      case "PageIncrement" -> new PageIncrement(Fields.template(node, "page_size"),
          node.value("start_from_page").map(value -> value.asLong()).orElse(0L),
          node.bool("inject_on_first_request", false));
      case "OffsetIncrement" -> new OffsetIncrement(Fields.template(node, "page_size"),
          node.bool("inject_on_first_request", false));
      case "CursorPagination" -> new CursorPagination(Fields.template(node, "cursor_value"),
          Fields.template(node, "stop_condition"), Fields.template(node, "page_size"));
      default -> throw node.error(null, "unexpected pagination strategy " + node.type());
    };
  }
}
