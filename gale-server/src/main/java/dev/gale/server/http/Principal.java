package dev.gale.server.http;

/** Who made a request: a user name for Basic auth, or an application's client id for a token. */
public record Principal(String name) {
  public static final Principal ANONYMOUS = new Principal("anonymous");
}
