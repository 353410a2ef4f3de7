package dev.gale.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.SyncEvents;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A source for an HTTP API that takes an API key, registered only on gale-server's test class path (through
 * {@code META-INF/services}) so that API tests have a definition with secrets, top-level and nested, the way real
 * API and database connectors declare them. It serves one stream, named by its {@code resource} setting.
 *
 * <p>It reads without calling anything: one page of {@code page_size} items, announced by an estimate and framed by
 * the stream's STARTED and COMPLETE statuses. And it is careless on purpose: its read logs the Authorization header
 * it would send, key included, so that tests can prove the attempt log masks secret values a connector leaks.
 *
 * <p>The {@value #ROTATING} resource hands out a new API key at each read ({@link #rotatedKey}), which the source
 * reports as a configuration update (what an Airbyte connector sends as a CONTROL message), so that tests can see
 * the platform save it; {@value #ROTATING_BADLY} does the same but loses the required endpoint on the way, an
 * update the platform must refuse.
 */
public final class SecretApiSource implements Source {
  public static final UUID DEFINITION_ID = UUID.fromString("5ec7e7a1-7e57-4a9e-8c0d-000000000001");
  public static final String NAME = "Secret API (test)";
  /** The resource whose read rotates the API key. */
  public static final String ROTATING = "rotating";
  /** The resource whose read rotates the API key into an invalid configuration. */
  public static final String ROTATING_BADLY = "rotating_badly";
  private static final String DOCUMENTATION_URL = "https://docs.example.com/secret-api";

  static final ConfigField<String> API_KEY = ConfigField.string("api_key").title("API Key")
      .description("Key sent in the Authorization header.").secret().required().order(0).build();
  static final ConfigField<String> ENDPOINT = ConfigField.string("endpoint").title("Endpoint")
      .description("Base URL of the API, http or https.").required().order(1).build();
  static final ConfigField<String> RESOURCE = ConfigField.string("resource").title("Resource")
      .description("The collection to read; the stream has its name.").defaultValue("items").order(2).build();
  static final ConfigField<Long> PAGE_SIZE = ConfigField.integer("page_size").title("Page Size")
      .defaultValue(100L).minimum(1).maximum(1000).order(3).build();
  static final ConfigField<String> PROXY_HOST = ConfigField.string("host").title("Host").required().build();
  static final ConfigField<String> PROXY_PASSWORD = ConfigField.string("password").title("Password").secret().build();
  static final ConfigField<ConfigValues> PROXY = ConfigField.object("proxy",
      ConfigSchema.of("Proxy", PROXY_HOST, PROXY_PASSWORD)).title("Proxy").order(4).build();
  static final ConfigSchema CONFIG = ConfigSchema.of("Secret API Spec", API_KEY, ENDPOINT, RESOURCE, PAGE_SIZE, PROXY);

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(DEFINITION_ID,
      ConnectorDescriptor.Kind.SOURCE, NAME, "gale/source-secret-api-test", "0.1.0", DOCUMENTATION_URL, null,
      ConnectorDescriptor.ReleaseStage.ALPHA, ConnectorDescriptor.SupportLevel.NONE, ConnectorDescriptor.SourceType.API);

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return ConnectorCapabilities.source(SyncMode.FULL_REFRESH);
  }

  @Override
  public ConnectorSpecification spec() {
    return ConnectorSpecification.of(DOCUMENTATION_URL, CONFIG.toJsonSchema());
  }

  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    try {
      usable(config);
      return AirbyteConnectionStatus.succeeded();
    } catch (ConnectorException e) {
      return AirbyteConnectionStatus.failed(e.getMessage());
    }
  }

  @Override
  public AirbyteCatalog discover(JsonNode config) {
    ConfigValues values = usable(config);
    JsonNode schema = Json.parse("{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},"
        + "\"updated_at\":{\"type\":\"string\",\"format\":\"date-time\"}}}");
    return new AirbyteCatalog(List.of(AirbyteStream.of(values.get(RESOURCE), schema, List.of(SyncMode.FULL_REFRESH))
        .withSourceDefinedPrimaryKey(List.of(List.of("id")))));
  }

  @Override
  public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state, SourceOutput output)
      throws InterruptedException {
    ConfigValues values = usable(config);
    output.log(LogLevel.INFO, "Reading " + values.get(RESOURCE) + " from " + values.get(ENDPOINT));
    output.log(LogLevel.DEBUG, "Authorization: Bearer " + values.get(API_KEY));
    if (values.get(RESOURCE).equals(ROTATING) || values.get(RESOURCE).equals(ROTATING_BADLY)) {
      ObjectNode updated = config.deepCopy();
      updated.put(API_KEY.name(), rotatedKey(values.get(API_KEY)));
      if (values.get(RESOURCE).equals(ROTATING_BADLY)) {
        updated.remove(ENDPOINT.name());
      }
      output.configurationUpdated(updated);
      // Careless again: the new key, which the platform learnt of only now.
      output.log(LogLevel.DEBUG, "Authorization from now on: Bearer " + updated.path(API_KEY.name()).asText());
    }
    for (ConfiguredAirbyteStream stream : catalog.streams()) {
      output.estimate(SyncEvents.Estimate.ofStream(stream.descriptor(), values.get(PAGE_SIZE), values.get(PAGE_SIZE) * 64));
      output.streamStatus(stream.descriptor(), SyncEvents.StreamStatus.STARTED);
      RecordSchema schema = RecordSchema.fromJsonSchema(stream.descriptor(), stream.stream().jsonSchema());
      RecordBatch.Builder page = RecordBatch.builder(schema, values.get(PAGE_SIZE).intValue());
      OffsetDateTime updatedAt = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
      for (long id = 1; id <= values.get(PAGE_SIZE); id++) {
        page.add(item(schema, id, updatedAt.plusSeconds(id)));
      }
      output.emit(page.build(Instant.now()));
      output.streamStatus(stream.descriptor(), SyncEvents.StreamStatus.COMPLETE);
    }
  }

  /** The key the {@value #ROTATING} resource hands out in place of {@code key}. */
  public static String rotatedKey(String key) {
    return "rk-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  /** An item with the columns the stream's schema asks for: the known ones set, the rest null. */
  private static Object[] item(RecordSchema schema, long id, OffsetDateTime updatedAt) {
    Object[] row = new Object[schema.size()];
    schema.indexOf("id").ifPresent(i -> row[i] = id);
    schema.indexOf("updated_at").ifPresent(i -> row[i] = updatedAt);
    return row;
  }

  /** Reads the configuration and checks what a request to the API would need; messages name fields, never values. */
  private static ConfigValues usable(JsonNode config) {
    ConfigValues values;
    try {
      values = CONFIG.read(config);
    } catch (ConfigException e) {
      throw new ConnectorException(e.getMessage());
    }
    if (values.get(API_KEY).isBlank()) {
      throw new ConnectorException("'api_key' must not be blank");
    }
    try {
      URI endpoint = new URI(values.get(ENDPOINT));
      if (!"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme()) || endpoint.getHost() == null) {
        throw new ConnectorException("'endpoint' must be an http or https URL with a host");
      }
    } catch (URISyntaxException e) {
      throw new ConnectorException("'endpoint' is not a URL");
    }
    return values;
  }
}
