package dev.gale.connectors.sample;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.Source;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.config.ConfigException;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SourceOutput;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sample Data, Gale's counterpart of Airbyte's Faker source ({@code airbyte/source-faker}): e-commerce-like users,
 * products and purchases. It takes Faker's configuration and definition id, so Airbyte clients and exported Faker
 * connections find it where they expect it.
 *
 * <p>Records are the same for the same seed (see {@link CursorPlan} for {@code updated_at}); streams are read one
 * after another in the order of the configured catalog.
 */
public final class SampleDataSource implements Source {
  /** Airbyte's definition id of source-faker. */
  public static final UUID DEFINITION_ID = UUID.fromString("dfd88b22-b603-4c3d-aad7-3701784586b1");
  static final String DOCUMENTATION_URL = "https://docs.airbyte.com/integrations/sources/faker";
  private static final String ICON = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
      <rect x="4" y="18" width="6" height="10" rx="1" fill="#6366f1"/>\
      <rect x="13" y="11" width="6" height="17" rx="1" fill="#818cf8"/>\
      <rect x="22" y="4" width="6" height="24" rx="1" fill="#a5b4fc"/>\
      </svg>""";

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(DEFINITION_ID,
      ConnectorDescriptor.Kind.SOURCE, "Sample Data (Faker)", "airbyte/source-faker", "6.2.21", DOCUMENTATION_URL,
      ICON, ConnectorDescriptor.ReleaseStage.BETA, ConnectorDescriptor.SupportLevel.COMMUNITY,
      ConnectorDescriptor.SourceType.API);
  private static final ConnectorCapabilities CAPABILITIES =
      ConnectorCapabilities.source(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return CAPABILITIES;
  }

  // Built per call: the specification holds a mutable JSON tree that callers must not be able to share.
  @Override
  public ConnectorSpecification spec() {
    return ConnectorSpecification.of(DOCUMENTATION_URL, SampleDataConfig.SCHEMA.toJsonSchema());
  }

  /** Generated data needs nothing outside the process, so a configuration works exactly when it is valid. */
  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    try {
      SampleDataConfig.read(config);
      return AirbyteConnectionStatus.succeeded();
    } catch (ConfigException e) {
      return AirbyteConnectionStatus.failed(e.getMessage());
    }
  }

  @Override
  public AirbyteCatalog discover(JsonNode config) {
    SampleDataConfig.read(config);
    return SampleDataStreams.catalog();
  }

  @Override
  public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state,
                   SourceOutput output) throws InterruptedException {
    SampleDataConfig settings = SampleDataConfig.read(config);
    long seed = settings.seed() == -1 ? ThreadLocalRandom.current().nextLong(Long.MAX_VALUE) : settings.seed();
    OffsetDateTime syncStart = OffsetDateTime.now(ZoneOffset.UTC);
    AirbyteCatalog offered = SampleDataStreams.catalog();
    int parallelism = (int) Math.min(settings.parallelism(), 64);
    for (ConfiguredAirbyteStream configured : catalog.streams()) {
      StreamDescriptor stream = configured.descriptor();
      AirbyteStream offeredStream = offered.stream(stream)
          .orElseThrow(() -> new ConnectorException("Sample Data has no stream " + stream));
      Optional<OffsetDateTime> cursor = configured.syncMode() == SyncMode.INCREMENTAL
          ? SampleState.cursor(state, stream) : Optional.empty();
      CursorPlan plan = CursorPlan.of(settings.alwaysUpdated(), cursor, syncStart);
      RecordSchema schema = RecordSchema.fromJsonSchema(stream, offeredStream.jsonSchema());
      new SampleStreamReader(schema, generator(stream.name(), seed, settings.count()), plan,
          settings.recordsPerSlice(), parallelism, seed).read(output);
    }
  }

  private static RowGenerator generator(String stream, long seed, long count) {
    return switch (stream) {
      case "users" -> new UserGenerator(seed, count);
      case "products" -> new ProductCatalogue();
      case "purchases" -> new PurchaseGenerator(seed, count);
      default -> throw new IllegalArgumentException("no generator for stream " + stream);
    };
  }
}
