package dev.gale.server.http;

/** 401: no credentials, or wrong ones. The response carries a WWW-Authenticate challenge. */
public final class UnauthorizedException extends ApiException {
  public UnauthorizedException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 401;
  }
}
