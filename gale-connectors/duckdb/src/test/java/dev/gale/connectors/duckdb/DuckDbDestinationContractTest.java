package dev.gale.connectors.duckdb;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Destination;
import dev.gale.connector.contract.DestinationBehavior;
import dev.gale.connector.contract.DestinationContract;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.util.List;
import java.util.UUID;

/** The shared destination contract, every mode the DuckDB destination declares, data read back from the file. */
class DuckDbDestinationContractTest extends DestinationContract {
  private final String file = "contract_" + UUID.randomUUID().toString().substring(0, 8);
  private final DuckDbDestination destination = new DuckDbDestination();

  @Override
  protected Destination connector() {
    return destination;
  }

  @Override
  protected boolean hasBehavior(DestinationBehavior behavior) {
    return behavior == DestinationBehavior.READ_BACK;
  }

  @Override
  protected JsonNode validConfig() {
    return TestingDuckDb.config(file, "gale_contract");
  }

  @Override
  protected JsonNode invalidConfig() {
    return Json.object().put("destination_path", "md:my_db").put("motherduck_api_key", "md-s3cr3t-token-value");
  }

  @Override
  protected List<Object[]> readBack(JsonNode config, StreamDescriptor stream) {
    String schema = stream.namespace() == null ? "gale_contract" : stream.namespace();
    TableName table = new TableName(schema, stream.name());
    if (TestingDuckDb.query(file, "SELECT 1 FROM information_schema.tables WHERE table_schema = '" + schema
        + "' AND table_name = '" + stream.name() + "'").isEmpty()) {
      return List.of();
    }
    return TestingDuckDb.query(file, "SELECT id, name, amount, active, born, updated_at, payload::VARCHAR FROM "
        + table.sql()).stream().map(List::toArray).toList();
  }
}
