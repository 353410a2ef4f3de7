package dev.gale.connectors.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Destination;
import dev.gale.connector.contract.DestinationBehavior;
import dev.gale.connector.contract.DestinationContract;
import dev.gale.protocol.StreamDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The shared destination contract, writing Parquet into local-s3-rest and reading it back with DuckDB. */
class S3DestinationTest extends DestinationContract {
  private static final String PARQUET = "{\"format_type\":\"Parquet\",\"compression_codec\":\"SNAPPY\"}";
  private static TestingS3 s3;
  @TempDir
  Path downloads;
  private final S3Destination destination = new S3Destination();

  @BeforeAll
  static void startS3() throws Exception {
    s3 = new TestingS3();
    s3.createBucket("contract");
  }

  @AfterAll
  static void stopS3() {
    s3.close();
  }

  @Override
  protected Destination connector() {
    return destination;
  }

  @Override
  protected JsonNode validConfig() {
    return s3.config("contract", "gale/contract", PARQUET);
  }

  @Override
  protected JsonNode invalidConfig() {
    return s3.config("contract", "gale/contract", PARQUET).put("role_arn", "arn:aws:iam::1:role/x");
  }

  @Override
  protected boolean hasBehavior(DestinationBehavior behavior) {
    return behavior == DestinationBehavior.READ_BACK;
  }

  @Override
  protected List<Object[]> readBack(JsonNode config, StreamDescriptor stream) throws Exception {
    Path directory = Files.createTempDirectory(downloads, "read");
    if (s3.download("contract", "gale/contract/" + stream.name() + "/", directory).isEmpty()) {
      return List.of();
    }
    List<Object[]> rows = new ArrayList<>();
    for (Map<String, Object> row : DuckDb.query("SELECT id, name, amount, active, born, updated_at, payload FROM "
        + "read_parquet(" + DuckDb.glob(directory, "*.parquet") + ")")) {
      rows.add(new Object[] {row.get("id"), row.get("name"), row.get("amount"), row.get("active"), row.get("born"),
          row.get("updated_at"), row.get("payload")});
    }
    return rows;
  }
}
