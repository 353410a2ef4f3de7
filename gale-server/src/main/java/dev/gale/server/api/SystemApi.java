package dev.gale.server.api;

import dev.gale.server.http.OpenApiDocument;
import dev.gale.server.http.Route;
import dev.gale.server.http.Router;
import java.util.List;
import java.util.Map;

/** Health (the one endpoint open without credentials) and Gale's OpenAPI document. */
public final class SystemApi implements ApiModule {
  /** Airbyte's HealthCheckRead. */
  public record HealthCheckRead(@dev.gale.server.http.Required Boolean available) {}

  private final Router router;
  private final String version;

  public SystemApi(Router router, String version) {
    this.router = router;
    this.version = version;
  }

  @Override
  public List<Route<?, ?>> routes() {
    return List.of(
        new Route<>("GET", "/api/v1/health", "health", "Is the server up", null, HealthCheckRead.class, true,
            (body, call) -> new HealthCheckRead(true)),
        new Route<>("GET", "/api/v1/openapi", "openapi", "Gale's OpenAPI document for everything it serves", null,
            Map.class, false, (body, call) -> OpenApiDocument.of(router.routes(), version))
            // Airbyte serves its document as text/plain (YAML); JSON is YAML too, so its clients read Gale's as they are.
            .producing("text/plain"));
  }
}
