package dev.gale.server.testing;

import dev.gale.server.GaleServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real Gale server (in-memory H2 store) for all tests of a class, with a validating client:
 * <pre>
 *   &#64;RegisterExtension static final GaleServerExtension gale = new GaleServerExtension();
 *   ... gale.api().post("/api/v1/workspaces/create", body) ...
 * </pre>
 */
public final class GaleServerExtension implements BeforeAllCallback, AfterAllCallback {
  private TestingGaleServer server;
  private ApiClient api;

  @Override
  public void beforeAll(ExtensionContext context) {
    server = TestingGaleServer.start();
    api = server.client();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    server.close();
  }

  /** A client with the default credentials that checks every exchange against the served OpenAPI document. */
  public ApiClient api() {
    return api;
  }

  /** The running server, for tests that look into its store. */
  public GaleServer server() {
    return server.server();
  }

  public TestingGaleServer testing() {
    return server;
  }
}
