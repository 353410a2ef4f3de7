package dev.gale.server.api;

import dev.gale.server.http.Route;
import java.util.List;

/**
 * One API family (workspaces, sources, ...): a thin class that maps each endpoint to a service call. No logic here:
 * validation of business rules and persistence live in the services.
 */
public interface ApiModule {
  List<Route<?, ?>> routes();
}
