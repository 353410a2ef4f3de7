package dev.gale.server.store;

import java.sql.Types;
import java.util.UUID;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * Binds {@link UUID}s, null ones included, as SQL {@code uuid}. Jdbi's default binds a null UUID as varchar, which
 * PostgreSQL refuses for a uuid column.
 */
final class UuidArguments extends AbstractArgumentFactory<UUID> {
  UuidArguments() {
    super(Types.OTHER);
  }

  @Override
  protected Argument build(UUID value, ConfigRegistry config) {
    return (position, statement, ctx) -> statement.setObject(position, value);
  }
}
