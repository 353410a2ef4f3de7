package dev.gale.connectors.declarative.rest;

import static java.util.Objects.requireNonNull;

/**
 * The API key and where requests carry it.
 *
 * @param name the header or query parameter that carries the key; {@code Authorization} for a bearer token
 */
record ApiKey(String value, Placement placement, String name) {

  /** How the key is sent. */
  enum Placement { BEARER, HEADER, QUERY_PARAMETER }

  ApiKey {
    requireNonNull(value, "value is null");
    requireNonNull(placement, "placement is null");
    requireNonNull(name, "name is null");
  }

  // A record prints its components; this one holds a secret.
  @Override
  public String toString() {
    return "ApiKey[value=**********, placement=" + placement + ", name=" + name + "]";
  }
}
