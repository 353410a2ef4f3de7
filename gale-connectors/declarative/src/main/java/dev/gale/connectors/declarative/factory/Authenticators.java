package dev.gale.connectors.declarative.factory;

import dev.gale.connectors.declarative.auth.ApiKeyAuthenticator;
import dev.gale.connectors.declarative.auth.Authenticator;
import dev.gale.connectors.declarative.auth.BasicHttpAuthenticator;
import dev.gale.connectors.declarative.auth.BearerAuthenticator;
import dev.gale.connectors.declarative.auth.NoAuth;
import dev.gale.connectors.declarative.auth.OAuthAuthenticator;
import dev.gale.connectors.declarative.auth.SelectiveAuthenticator;
import dev.gale.connectors.declarative.auth.SessionToken;
import dev.gale.connectors.declarative.auth.TemplateToken;
import dev.gale.connectors.declarative.auth.TokenRefresh;
import dev.gale.connectors.declarative.auth.TokenSource;
import dev.gale.connectors.declarative.manifest.ComponentNode;
import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.connectors.declarative.requester.InjectInto;
import dev.gale.connectors.declarative.requester.RequestOption;
import dev.gale.connectors.declarative.runtime.Template;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds authenticators. */
final class Authenticators {
  private Authenticators() {}

  static Authenticator of(ComponentNode node) {
    return switch (node.type()) {
      case "NoAuth" -> new NoAuth();
      case "ApiKeyAuthenticator" -> apiKey(node, new TemplateToken(Fields.template(node, "api_token", "")));
      case "BearerAuthenticator" -> new BearerAuthenticator(new TemplateToken(Fields.template(node, "api_token")));
      case "BasicHttpAuthenticator" -> new BasicHttpAuthenticator(Fields.template(node, "username"),
          Fields.template(node, "password", ""));
      case "SessionTokenAuthenticator" -> session(node);
      case "OAuthAuthenticator" -> oauth(node);
      case "SelectiveAuthenticator" -> selective(node);
      default -> throw node.error(null, "unexpected authenticator " + node.type());
    };
  }

  private static Authenticator apiKey(ComponentNode node, TokenSource token) {
    boolean header = node.has("header");
    boolean injected = node.has("inject_into");
    if (header == injected) {
      throw node.error(null, header ? "set inject_into or the older header, not both"
          : "an ApiKeyAuthenticator needs inject_into (or the older header)");
    }
    RequestOption option = injected ? RequestOptions.of(node.requiredComponent("inject_into"))
        : new RequestOption(InjectInto.HEADER, Fields.template(node, "header"), List.of());
    return new ApiKeyAuthenticator(option, token);
  }

  private static Authenticator session(ComponentNode node) {
    ComponentNode login = node.requiredComponent("login_requester");
    ComponentNode authentication = node.requiredComponent("request_authentication");
    Template format = authentication.type().equals("ApiKey") ? Fields.template(authentication, "api_token") : null;
    SessionToken token = new SessionToken(Requesters.of(login, "login", null),
        node.strings("session_token_path"), Fields.duration(node, "expiration_duration"), format);
    if (authentication.type().equals("Bearer")) {
      return new BearerAuthenticator(token);
    }
    return new ApiKeyAuthenticator(RequestOptions.of(authentication.requiredComponent("inject_into")), token);
  }

  private static Authenticator oauth(ComponentNode node) {
    boolean hasEndpoint = node.has("token_refresh_endpoint");
    if (!hasEndpoint && !node.has("access_token_value")) {
      throw node.error(null, "an OAuthAuthenticator needs token_refresh_endpoint (or access_token_value)");
    }
    if (hasEndpoint && (!node.has("client_id") || !node.has("client_secret"))) {
      throw node.error(null, "an OAuthAuthenticator needs client_id and client_secret");
    }
    String grantType = node.string("grant_type", "refresh_token");
    if (hasEndpoint && grantType.equals("refresh_token") && !node.has("refresh_token")) {
      throw node.error("refresh_token", "is required with the refresh_token grant type");
    }
    Set<Integer> codes = new HashSet<>();
    node.value("refresh_token_error_status_codes").ifPresent(list -> list.forEach(code -> codes.add(code.asInt())));
    TokenRefresh refresh = new TokenRefresh(Fields.template(node, "client_id_name", "client_id"),
        Fields.template(node, "client_id"), Fields.template(node, "client_secret_name", "client_secret"),
        Fields.template(node, "client_secret"), Fields.template(node, "refresh_token_name", "refresh_token"),
        Fields.template(node, "refresh_token"), Fields.template(node, "access_token_name", "access_token"),
        Fields.template(node, "expires_in_name", "expires_in"), Fields.template(node, "grant_type_name", "grant_type"),
        Fields.template(node, "grant_type", "refresh_token"), map(node, "refresh_request_body"),
        map(node, "refresh_request_headers"), node.bool("send_refresh_request_as_query_params", false),
        node.strings("scopes"), node.string("token_expiry_date_format").orElse(null), codes,
        node.string("refresh_token_error_key").orElse(null), new HashSet<>(node.strings("refresh_token_error_values")),
        node.parameters());
    return new OAuthAuthenticator(Fields.template(node, "token_refresh_endpoint"),
        Fields.template(node, "access_token_value"), Fields.template(node, "token_expiry_date"), refresh);
  }

  private static Authenticator selective(ComponentNode node) {
    Map<String, Authenticator> authenticators = new LinkedHashMap<>();
    node.componentMap("authenticators").forEach((key, value) -> authenticators.put(key, of(value)));
    if (authenticators.isEmpty()) {
      throw node.error("authenticators", "a SelectiveAuthenticator needs at least one authenticator");
    }
    return new SelectiveAuthenticator(node.strings("authenticator_selection_path"), authenticators);
  }

  private static Map<String, Object> map(ComponentNode node, String field) {
    return node.value(field).map(JsonValues::toMap).orElse(Map.of());
  }
}
