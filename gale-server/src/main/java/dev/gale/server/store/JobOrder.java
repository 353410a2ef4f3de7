package dev.gale.server.store;

import static java.util.Objects.requireNonNull;

/** How {@link JobRepository#list} orders jobs: by creation or by last change, either way; ties go by job id. */
public record JobOrder(Field field, boolean ascending) {
  public static final JobOrder NEWEST_FIRST = new JobOrder(Field.CREATED_AT, false);

  public JobOrder {
    requireNonNull(field, "field is null");
  }

  public enum Field {
    CREATED_AT("created_at"),
    UPDATED_AT("updated_at");

    private final String column;

    Field(String column) {
      this.column = column;
    }
  }

  String sql() {
    String direction = ascending ? " ASC" : " DESC";
    return field.column + direction + ", id" + direction;
  }
}
