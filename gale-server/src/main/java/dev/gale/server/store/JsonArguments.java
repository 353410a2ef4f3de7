package dev.gale.server.store;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.Json;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Binds {@link JsonNode} values as JSON text, and reads JSON text columns back into {@link JsonNode}. */
final class JsonArguments extends AbstractArgumentFactory<JsonNode> {
  JsonArguments() {
    super(Types.VARCHAR);
  }

  @Override
  protected Argument build(JsonNode value, ConfigRegistry config) {
    String json = Json.write(value);
    return (position, statement, ctx) -> statement.setString(position, json);
  }

  static final class JsonNodeColumnMapper implements ColumnMapper<JsonNode> {
    @Override
    public JsonNode map(ResultSet r, int columnNumber, StatementContext ctx) throws SQLException {
      String json = r.getString(columnNumber);
      return json == null ? null : Json.parse(json);
    }
  }
}
