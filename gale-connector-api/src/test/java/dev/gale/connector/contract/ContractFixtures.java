package dev.gale.connector.contract;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.ConnectorRegistry;
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
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Two sources for testing the contract suite itself: one that keeps the contract and one that leaks its secret in
 * messages. {@link ContractSuiteTest} runs the suite against both; surefire does not pick these classes up itself.
 */
final class ContractFixtures {
  static final String SECRET = "do-not-show-me-42";
  static final ConfigField<String> API_KEY = ConfigField.string("api_key").title("API key").secret().required()
      .build();
  static final ConfigField<Long> PAGE_SIZE = ConfigField.integer("page_size").defaultValue(100L).minimum(1).build();
  static final ConfigSchema CONFIG = ConfigSchema.of("Fixture Spec", API_KEY, PAGE_SIZE);

  private ContractFixtures() {}

  static class FixtureSource implements Source {
    @Override
    public ConnectorDescriptor descriptor() {
      return new ConnectorDescriptor(UUID.fromString("00000000-0000-0000-0000-0000000000f1"),
          ConnectorDescriptor.Kind.SOURCE, "Fixture", "gale/source-fixture", "0.1.0", "https://docs.example.com",
          null, ConnectorDescriptor.ReleaseStage.ALPHA, ConnectorDescriptor.SupportLevel.NONE,
          ConnectorDescriptor.SourceType.API);
    }

    @Override
    public ConnectorCapabilities capabilities() {
      return ConnectorCapabilities.source(SyncMode.FULL_REFRESH);
    }

    @Override
    public ConnectorSpecification spec() {
      return ConnectorSpecification.of("https://docs.example.com", CONFIG.toJsonSchema());
    }

    @Override
    public AirbyteConnectionStatus check(JsonNode config) {
      try {
        readUsable(config);
        return AirbyteConnectionStatus.succeeded();
      } catch (ConnectorException e) {
        return AirbyteConnectionStatus.failed(e.getMessage());
      }
    }

    @Override
    public AirbyteCatalog discover(JsonNode config) {
      readUsable(config);
      JsonNode schema = Json.parse("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"}}}");
      return new AirbyteCatalog(List.of(AirbyteStream.of("items", schema, List.of(SyncMode.FULL_REFRESH))
          .withSourceDefinedPrimaryKey(List.of(List.of("id")))));
    }

    /** Three records per page of the only stream, one page: enough for the reading tests. */
    @Override
    public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state,
                     SourceOutput output) throws InterruptedException {
      readUsable(config);
      AirbyteCatalog offered = discover(config);
      for (ConfiguredAirbyteStream configured : catalog.streams()) {
        AirbyteStream stream = offered.stream(configured.descriptor())
            .orElseThrow(() -> new ConnectorException("there is no stream " + configured.descriptor()));
        RecordSchema schema = RecordSchema.fromJsonSchema(stream.descriptor(), stream.jsonSchema());
        output.emit(RecordBatch.builder(schema, 3).add(new Object[] {1L}).add(new Object[] {2L})
            .add(new Object[] {3L}).build(Instant.now()));
      }
    }

    ConfigValues readUsable(JsonNode config) {
      ConfigValues values = CONFIG.read(config);
      if (values.get(API_KEY).startsWith("bad")) {
        throw new ConnectorException("the API rejected the API key");
      }
      return values;
    }
  }

  /** Says which key it tried: the mistake the contract exists to catch. */
  static class LeakySource extends FixtureSource {
    @Override
    ConfigValues readUsable(JsonNode config) {
      ConfigValues values = CONFIG.read(config);
      if (values.get(API_KEY).startsWith("bad")) {
        throw new ConfigException(List.of("the API rejected key " + values.get(API_KEY)));
      }
      return values;
    }
  }

  /** Publishes a hand-written spec with a misspelt type and a secret on a number. */
  static class BadSpecSource extends FixtureSource {
    @Override
    public ConnectorSpecification spec() {
      return ConnectorSpecification.of("https://docs.example.com", Json.parse("""
          {"type":"object","properties":{"api_key":{"type":"strnig"},"pin":{"type":"integer","airbyte_secret":true}}}"""));
    }
  }

  abstract static class FixtureContract extends SourceContract {
    @Override
    protected JsonNode validConfig() {
      return Json.object().put("api_key", "good-key");
    }

    @Override
    protected JsonNode invalidConfig() {
      return Json.object().put("api_key", "bad-" + SECRET);
    }

    @Override
    protected ConnectorRegistry registry() {
      return ConnectorRegistry.of(List.of(connector()));
    }
  }

  static class GoodSourceFixture extends FixtureContract {
    @Override
    protected Source connector() {
      return new FixtureSource();
    }
  }

  static class LeakySourceFixture extends FixtureContract {
    @Override
    protected Source connector() {
      return new LeakySource();
    }
  }

  static class BadSpecSourceFixture extends FixtureContract {
    @Override
    protected Source connector() {
      return new BadSpecSource();
    }
  }
}
