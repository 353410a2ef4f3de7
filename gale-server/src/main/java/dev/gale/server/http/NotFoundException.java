package dev.gale.server.http;

/** 404: the id names nothing, or something deleted that Airbyte no longer resolves. */
public final class NotFoundException extends ApiException {
  private final String id;

  public NotFoundException(String kind, Object id) {
    super("Could not find %s with id: %s".formatted(kind, id));
    this.id = String.valueOf(id);
  }

  /** As {@link #NotFoundException(String, Object)}, followed by why, when the id names something of another kind. */
  public NotFoundException(String kind, Object id, String detail) {
    super("Could not find %s with id: %s; %s".formatted(kind, id, detail));
    this.id = String.valueOf(id);
  }

  public String id() {
    return id;
  }

  @Override
  public int status() {
    return 404;
  }
}
