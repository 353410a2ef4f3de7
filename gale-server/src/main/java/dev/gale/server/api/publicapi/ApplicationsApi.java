package dev.gale.server.api.publicapi;

import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.SystemApi.HealthCheckRead;
import dev.gale.server.api.model.ApplicationBodies;
import dev.gale.server.api.model.ApplicationBodies.AccessToken;
import dev.gale.server.api.model.ApplicationBodies.ApplicationCreate;
import dev.gale.server.api.model.ApplicationBodies.ApplicationRead;
import dev.gale.server.api.model.ApplicationBodies.ApplicationReadList;
import dev.gale.server.api.model.ApplicationBodies.TokenRequest;
import dev.gale.server.http.Route;
import dev.gale.server.service.ApplicationService;
import dev.gale.server.service.TokenService;
import java.util.List;

/** The Public API's health, applications and token endpoints, and the Config API's token endpoint. */
public final class ApplicationsApi implements ApiModule {
  private static final String BASE = "/api/public/v1";

  private final ApplicationService applications;
  private final TokenService tokens;

  public ApplicationsApi(ApplicationService applications, TokenService tokens) {
    this.applications = requireNonNull(applications, "applications is null");
    this.tokens = requireNonNull(tokens, "tokens is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(
        new Route<>("GET", BASE + "/health", "public_health", "Is the server up", null, HealthCheckRead.class, true,
            (body, call) -> new HealthCheckRead(true)),
        new Route<>("GET", BASE + "/applications", "public_applications", "List applications", null,
            ApplicationReadList.class, false,
            (body, call) -> new ApplicationReadList(applications.list().stream().map(ApplicationRead::of).toList())),
        new Route<>("POST", BASE + "/applications", "public_applications", "Create an application",
            ApplicationCreate.class, ApplicationRead.class, false,
            (body, call) -> ApplicationRead.of(applications.create(body.name()))),
        new Route<>("GET", BASE + "/applications/{applicationId}", "public_applications", "Get an application", null,
            ApplicationRead.class, false,
            (body, call) -> ApplicationRead.of(applications.get(ApplicationBodies.applicationId(call.path("applicationId"))))),
        new Route<>("DELETE", BASE + "/applications/{applicationId}", "public_applications", "Delete an application",
            null, ApplicationRead.class, false,
            (body, call) -> ApplicationRead.of(applications.delete(ApplicationBodies.applicationId(call.path("applicationId"))))),
        tokenRoute(BASE + "/applications/token", "public_applications"),
        tokenRoute("/api/v1/applications/token", "applications"));
  }

  private Route<TokenRequest, AccessToken> tokenRoute(String path, String tag) {
    return new Route<>("POST", path, tag, "Trade client credentials for a bearer token", TokenRequest.class,
        AccessToken.class, true, (body, call) -> {
          TokenService.IssuedToken token = tokens.issue(body.clientId(), body.clientSecret(), body.grantType());
          return new AccessToken(token.token(), "Bearer", token.expiresInSeconds());
        }).acceptingForms();
  }
}
