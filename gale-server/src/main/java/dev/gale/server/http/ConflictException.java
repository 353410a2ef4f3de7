package dev.gale.server.http;

/** 409: the request is valid but clashes with the current state (a taken slug, a sync already running). */
public final class ConflictException extends ApiException {
  public ConflictException(String message) {
    super(message);
  }

  @Override
  public int status() {
    return 409;
  }
}
