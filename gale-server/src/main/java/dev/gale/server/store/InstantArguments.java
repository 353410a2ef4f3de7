package dev.gale.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Binds {@link Instant}s as UTC {@link OffsetDateTime}s into {@code timestamp with time zone} columns and reads them
 * back the same way, so no JVM or session time zone takes part. Values are cut to microseconds, the precision both
 * vendors store, so an instant reads back equal to what was written.
 */
final class InstantArguments extends AbstractArgumentFactory<Instant> {
  InstantArguments() {
    super(Types.TIMESTAMP_WITH_TIMEZONE);
  }

  static Instant toStoredPrecision(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  protected Argument build(Instant value, ConfigRegistry config) {
    OffsetDateTime utc = toStoredPrecision(value).atOffset(ZoneOffset.UTC);
    return (position, statement, ctx) -> statement.setObject(position, utc);
  }

  static final class InstantColumnMapper implements ColumnMapper<Instant> {
    @Override
    public Instant map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
      OffsetDateTime value = r.getObject(columnNumber, OffsetDateTime.class);
      return value == null ? null : value.toInstant();
    }
  }
}
