package dev.gale.server.api.publicapi;

import static dev.gale.server.api.publicapi.PublicRoutes.BASE;
import static dev.gale.server.api.publicapi.PublicRoutes.delete;
import static dev.gale.server.api.publicapi.PublicRoutes.get;
import static dev.gale.server.api.publicapi.PublicRoutes.pathId;
import static dev.gale.server.api.publicapi.PublicRoutes.post;
import static java.util.Objects.requireNonNull;

import dev.gale.server.api.ApiModule;
import dev.gale.server.api.SystemApi.HealthCheckRead;
import dev.gale.server.api.model.ApplicationBodies.AccessToken;
import dev.gale.server.api.model.ApplicationBodies.ApplicationCreate;
import dev.gale.server.api.model.ApplicationBodies.ApplicationRead;
import dev.gale.server.api.model.ApplicationBodies.ApplicationReadList;
import dev.gale.server.api.model.ApplicationBodies.TokenRequest;
import dev.gale.server.http.Route;
import dev.gale.server.service.application.ApplicationService;
import dev.gale.server.service.application.TokenService;
import java.util.List;

/** The Public API's health, applications and token endpoints, and the Config API's token endpoint. */
public final class ApplicationsApi implements ApiModule {
  private final ApplicationService applications;
  private final TokenService tokens;

  public ApplicationsApi(ApplicationService applications, TokenService tokens) {
    this.applications = requireNonNull(applications, "applications is null");
    this.tokens = requireNonNull(tokens, "tokens is null");
  }

  @Override
  public List<Route<?, ?>> routes() {
    String tag = "public_applications";
    return List.of(
        new Route<>("GET", BASE + "/health", "public_health", "Is the server up", null, HealthCheckRead.class, true,
            (body, call) -> new HealthCheckRead(true)),
        get("/applications", tag, "List applications", ApplicationReadList.class,
            (body, call) -> new ApplicationReadList(applications.list().stream().map(ApplicationRead::of).toList())),
        post("/applications", tag, "Create an application", ApplicationCreate.class, ApplicationRead.class,
            (body, call) -> ApplicationRead.of(applications.create(body.name()))),
        get("/applications/{applicationId}", tag, "Get an application", ApplicationRead.class,
            (body, call) -> ApplicationRead.of(applications.get(pathId(call, "applicationId", "application")))),
        delete("/applications/{applicationId}", tag, "Delete an application", ApplicationRead.class,
            (body, call) -> ApplicationRead.of(applications.delete(pathId(call, "applicationId", "application")))),
        tokenRoute(BASE + "/applications/token", tag),
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
