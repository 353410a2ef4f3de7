package dev.gale.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Source;
import dev.gale.connector.config.ConfigException;
import dev.gale.connector.config.ConfigField;
import dev.gale.connector.config.ConfigSchema;
import dev.gale.connector.config.ConfigValues;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A source whose API fails the way real ones do, registered only on gale-server's test class path (through
 * {@code META-INF/services}) for tests of retries. It serves one stream, {@code numbers}: records with ids
 * {@code 1..records}, a checkpoint after every ten. Its state is the last id read, and a read resumes after it.
 *
 * <p>A read that starts from the beginning (no state) fails with a transient error once {@code fail_after} records
 * are out: so a first attempt fails after committing that many, and the retry, resuming from the committed state,
 * succeeds. With {@code fail_after} 0 nothing is ever committed and every attempt fails. {@code failure: config}
 * fails every read at once with a configuration error instead; {@code none} never fails.
 */
public final class FlakySource implements Source {
  public static final UUID DEFINITION_ID = UUID.fromString("f1a4e7a1-7e57-4a9e-8c0d-000000000002");
  public static final String STREAM = "numbers";
  private static final String DOCUMENTATION_URL = "https://docs.example.com/flaky";
  private static final int CHECKPOINT_EVERY = 10;

  static final ConfigField<Long> RECORDS = ConfigField.integer("records").title("Records")
      .description("How many records the stream has.").defaultValue(100L).minimum(1).order(0).build();
  static final ConfigField<Long> FAIL_AFTER = ConfigField.integer("fail_after").title("Fail After")
      .description("Records a read from the beginning emits before it fails.").defaultValue(50L).minimum(0).order(1).build();
  static final ConfigField<String> FAILURE = ConfigField.string("failure").title("Failure")
      .description("How reads fail.").defaultValue("transient").allowedValues(List.of("transient", "config", "none"))
      .order(2).build();
  static final ConfigSchema CONFIG = ConfigSchema.of("Flaky Spec", RECORDS, FAIL_AFTER, FAILURE);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(DEFINITION_ID,
      ConnectorDescriptor.Kind.SOURCE, "Flaky Numbers (test)", "gale/source-flaky-test", "0.1.0", DOCUMENTATION_URL,
      null, ConnectorDescriptor.ReleaseStage.ALPHA, ConnectorDescriptor.SupportLevel.NONE,
      ConnectorDescriptor.SourceType.API);
  private static final JsonNode SCHEMA = Json.parse("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}");

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return ConnectorCapabilities.source(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
  }

  @Override
  public ConnectorSpecification spec() {
    return ConnectorSpecification.of(DOCUMENTATION_URL, CONFIG.toJsonSchema());
  }

  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    try {
      CONFIG.read(config);
      return AirbyteConnectionStatus.succeeded();
    } catch (ConfigException e) {
      return AirbyteConnectionStatus.failed(e.getMessage());
    }
  }

  @Override
  public AirbyteCatalog discover(JsonNode config) {
    CONFIG.read(config);
    return new AirbyteCatalog(List.of(AirbyteStream.of(STREAM, SCHEMA, List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL))
        .withSourceDefinedCursor(List.of("id")).withSourceDefinedPrimaryKey(List.of(List.of("id")))));
  }

  @Override
  public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state, SourceOutput output)
      throws InterruptedException {
    ConfigValues values = CONFIG.read(config);
    String failure = values.get(FAILURE);
    if (failure.equals("config")) {
      throw new ConnectorException("The numbers API rejects this account: check 'failure' (a planned configuration error)");
    }
    for (ConfiguredAirbyteStream stream : catalog.streams()) {
      long last = lastRead(state, stream.descriptor());
      boolean fromTheBeginning = last == 0;
      RecordSchema schema = RecordSchema.fromJsonSchema(stream.descriptor(), stream.stream().jsonSchema());
      while (last < values.get(RECORDS)) {
        if (fromTheBeginning && failure.equals("transient") && last >= values.get(FAIL_AFTER)) {
          throw new ConnectorException(ConnectorException.Kind.TRANSIENT,
              "The numbers API is overloaded (a planned failure after " + last + " records)", null);
        }
        long to = Math.min(values.get(RECORDS), last + CHECKPOINT_EVERY);
        RecordBatch.Builder batch = RecordBatch.builder(schema, (int) (to - last));
        for (long id = last + 1; id <= to; id++) {
          batch.add(new Object[] {id});
        }
        output.emit(batch.build(Instant.now()));
        output.checkpoint(AirbyteStateMessage.stream(stream.descriptor(), Json.object().put("id", to)));
        last = to;
      }
    }
  }

  private static long lastRead(List<AirbyteStateMessage> state, StreamDescriptor stream) {
    return state.stream()
        .filter(message -> message.type() == AirbyteStateType.STREAM && message.stream().streamDescriptor().equals(stream))
        .map(message -> message.stream().streamState().path("id").asLong(0))
        .findFirst().orElse(0L);
  }
}
