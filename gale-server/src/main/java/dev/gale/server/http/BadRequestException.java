package dev.gale.server.http;

/** 400: the request itself cannot be read (malformed JSON, a body where none fits). */
public final class BadRequestException extends ApiException {
  private final int status;

  public BadRequestException(String message) {
    this(400, message);
  }

  /** For the other plain 4xx answers (405, 413, 423) that carry only a message. */
  public BadRequestException(int status, String message) {
    super(message);
    this.status = status;
  }

  @Override
  public int status() {
    return status;
  }
}
