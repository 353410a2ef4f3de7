package dev.gale.connectors.declarative.factory;

import dev.gale.connectors.declarative.auth.Authenticator;
import dev.gale.connectors.declarative.auth.NoAuth;
import dev.gale.connectors.declarative.errors.DefaultErrorHandler;
import dev.gale.connectors.declarative.errors.ErrorHandler;
import dev.gale.connectors.declarative.manifest.ComponentNode;
import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.connectors.declarative.requester.HttpRequester;
import dev.gale.connectors.declarative.requester.RequestInputs;
import java.util.Map;

/** Builds {@code HttpRequester}s. */
final class Requesters {
  private Requesters() {}

  /**
   * @param name the stream, for messages
   * @param fallbackHandler the error handler when the requester has none (null for Airbyte's defaults)
   */
  static HttpRequester of(ComponentNode node, String name, ErrorHandler fallbackHandler) {
    if (!node.has("url_base") && !node.has("url")) {
      throw node.error(null, "an HttpRequester needs url_base (or url)");
    }
    Authenticator authenticator = node.component("authenticator").map(Authenticators::of).orElse(new NoAuth());
    ErrorHandler handler = node.component("error_handler").map(ErrorHandlers::of)
        .orElse(fallbackHandler != null ? fallbackHandler : DefaultErrorHandler.defaults());
    return new HttpRequester(name, Fields.template(node, "url"), Fields.template(node, "url_base"),
        Fields.template(node, "path"), node.string("http_method", "GET"), authenticator, inputs(node), handler);
  }

  private static RequestInputs inputs(ComponentNode node) {
    Object bodyData = raw(node, "request_body_data");
    Object bodyJson = raw(node, "request_body_json");
    if (node.has("request_body")) {
      if (bodyData != null || bodyJson != null) {
        throw node.error("request_body", "set request_body or request_body_data/request_body_json, not both");
      }
      ComponentNode body = node.requiredComponent("request_body");
      Object value = raw(body, "value");
      switch (body.type()) {
        case "RequestBodyJsonObject" -> bodyJson = value;
        case "RequestBodyGraphQL" -> bodyJson = value;
        default -> bodyData = value;
      }
    }
    if (isNonEmpty(bodyData) && isNonEmpty(bodyJson)) {
      throw node.error(null, "set request_body_data or request_body_json, not both");
    }
    return new RequestInputs(raw(node, "request_parameters"), raw(node, "request_headers"), bodyData, bodyJson,
        node.parameters());
  }

  private static Object raw(ComponentNode node, String field) {
    return node.value(field).map(JsonValues::toJava).orElse(null);
  }

  private static boolean isNonEmpty(Object value) {
    return value instanceof Map<?, ?> map ? !map.isEmpty() : value instanceof String text && !text.isEmpty();
  }
}
