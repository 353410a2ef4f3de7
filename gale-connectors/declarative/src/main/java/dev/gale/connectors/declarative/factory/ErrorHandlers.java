package dev.gale.connectors.declarative.factory;

import dev.gale.connectors.declarative.errors.BackoffStrategy;
import dev.gale.connectors.declarative.errors.CompositeErrorHandler;
import dev.gale.connectors.declarative.errors.ConstantBackoffStrategy;
import dev.gale.connectors.declarative.errors.DefaultErrorHandler;
import dev.gale.connectors.declarative.errors.ErrorHandler;
import dev.gale.connectors.declarative.errors.ExponentialBackoffStrategy;
import dev.gale.connectors.declarative.errors.FailureType;
import dev.gale.connectors.declarative.errors.HttpResponseFilter;
import dev.gale.connectors.declarative.errors.ResponseAction;
import dev.gale.connectors.declarative.errors.WaitTimeFromHeader;
import dev.gale.connectors.declarative.errors.WaitUntilTimeFromHeader;
import dev.gale.connectors.declarative.manifest.ComponentNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds error handlers, response filters and backoff strategies. */
final class ErrorHandlers {
  private ErrorHandlers() {}

  static ErrorHandler of(ComponentNode node) {
    if (node.type().equals("CompositeErrorHandler")) {
      List<ErrorHandler> handlers = new ArrayList<>();
      node.components("error_handlers").forEach(handler -> handlers.add(of(handler)));
      if (handlers.isEmpty()) {
        throw node.error("error_handlers", "a CompositeErrorHandler needs at least one handler");
      }
      return new CompositeErrorHandler(handlers);
    }
    List<HttpResponseFilter> filters = new ArrayList<>();
    node.components("response_filters").forEach(filter -> filters.add(filter(filter)));
    List<BackoffStrategy> strategies = new ArrayList<>();
    node.components("backoff_strategies").forEach(strategy -> strategies.add(backoff(strategy)));
    return new DefaultErrorHandler(filters, Fields.template(node, "max_retries"), strategies);
  }

  private static HttpResponseFilter filter(ComponentNode node) {
    ResponseAction action = node.string("action").map(text -> {
      if (text.equals("RESET_PAGINATION")) {
        throw node.error("action", "RESET_PAGINATION is not supported by Gale");
      }
      return ResponseAction.valueOf(text);
    }).orElse(null);
    Set<Integer> codes = new HashSet<>();
    node.value("http_codes").ifPresent(list -> list.forEach(code -> codes.add(code.asInt())));
    if (action != null && !node.has("http_codes") && !node.has("predicate") && !node.has("error_message_contains")) {
      throw node.error(null, "a response filter with an action needs http_codes, a predicate or"
          + " error_message_contains");
    }
    return new HttpResponseFilter(action, node.string("failure_type").map(FailureType::of).orElse(null), codes,
        node.string("error_message_contains").orElse(null), Fields.template(node, "predicate"),
        Fields.template(node, "error_message"));
  }

  private static BackoffStrategy backoff(ComponentNode node) {
    Double jitter = node.value("jitter_range_in_seconds").map(value -> value.asDouble()).orElse(null);
    return switch (node.type()) {
      case "ConstantBackoffStrategy" -> new ConstantBackoffStrategy(Fields.template(node, "backoff_time_in_seconds"),
          jitter);
      case "ExponentialBackoffStrategy" -> new ExponentialBackoffStrategy(Fields.template(node, "factor"), jitter);
      case "WaitTimeFromHeader" -> new WaitTimeFromHeader(Fields.template(node, "header"),
          Fields.template(node, "regex"), Fields.template(node, "max_waiting_time_in_seconds"));
      case "WaitUntilTimeFromHeader" -> new WaitUntilTimeFromHeader(Fields.template(node, "header"),
          Fields.template(node, "min_wait"), Fields.template(node, "regex"),
          Fields.template(node, "max_waiting_time_in_seconds"));
      default -> throw node.error(null, "unexpected backoff strategy " + node.type());
    };
  }
}
