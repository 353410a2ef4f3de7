package dev.gale.connectors.declarative.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Source;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connectors.declarative.DeclarativeSource;
import dev.gale.connectors.declarative.TestRead;
import dev.gale.connectors.declarative.TestReadLimits;
import dev.gale.connectors.declarative.interpolation.Interpolation;
import dev.gale.connectors.declarative.interpolation.JinjavaInterpolation;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The REST API source: one JSON HTTP endpoint as one stream, configured by its URL, key, pagination and records path
 * instead of a manifest. Each call translates its configuration into a manifest ({@link RestManifest}) and hands the
 * call to a {@link DeclarativeSource} loaded from it, so requests, retries, pagination, cursors, state and typing are
 * the interpreter's. Airbyte has no such connector: the definition id is Gale's own.
 *
 * <p>{@code discover} gives the configured {@code json_schema}, or infers one from the first page of records. A read
 * types records by the schema of the configured catalog, the one the destination was prepared for.
 */
public final class RestApiSource implements Source {
  public static final UUID DEFINITION_ID = UUID.fromString("b5876143-f865-4835-8fa5-1c162c165126");
  static final String DOCUMENTATION_URL =
      "https://docs.airbyte.com/platform/connector-development/config-based/low-code-cdk-overview";
  private static final String ICON = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
      <rect x="3" y="6" width="26" height="20" rx="3" fill="#ecfdf5" stroke="#059669" stroke-width="2"/>\
      <path d="M10 12l-4 4 4 4M22 12l4 4-4 4M18 11l-4 10" fill="none" stroke="#059669" stroke-width="2"/>\
      </svg>""";
  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(DEFINITION_ID,
      ConnectorDescriptor.Kind.SOURCE, "REST API", "gale/source-rest-api", "0.1.0", DOCUMENTATION_URL, ICON,
      ConnectorDescriptor.ReleaseStage.ALPHA, ConnectorDescriptor.SupportLevel.COMMUNITY,
      ConnectorDescriptor.SourceType.API);
  private static final ConnectorCapabilities CAPABILITIES = ConnectorCapabilities.source(SyncMode.FULL_REFRESH,
      SyncMode.INCREMENTAL);
  // Discovery reads the first page, all of its records.
  private static final TestReadLimits FIRST_PAGE = new TestReadLimits(Integer.MAX_VALUE, 1, 1, 0);

  /** Created at the first call rather than when the server lists its connectors at start. */
  private static final class Shared {
    static final Interpolation INTERPOLATION = new JinjavaInterpolation();
  }

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
    return ConnectorSpecification.of(DOCUMENTATION_URL, RestApiSpec.connectionSpecification());
  }

  @Override
  public void validate(JsonNode config) {
    RestApiConfig.read(config);
  }

  /** Reads the first page. */
  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    RestApiConfig settings;
    try {
      settings = RestApiConfig.read(config);
    } catch (ConnectorException e) {
      return AirbyteConnectionStatus.failed(e.getMessage());
    }
    RestManifest manifest = RestManifest.of(settings, StreamSchemas.empty());
    return load(manifest).check(manifest.config());
  }

  @Override
  public AirbyteCatalog discover(JsonNode config) {
    RestApiConfig settings = RestApiConfig.read(config);
    JsonNode schema = settings.jsonSchema() != null ? settings.jsonSchema() : inferSchema(settings);
    RestManifest manifest = RestManifest.of(settings, StreamSchemas.forTyping(schema));
    AirbyteStream typed = load(manifest).discover(manifest.config()).streams().getFirst();
    // The stream as the interpreter describes it, with the whole schema rather than the part typing reads.
    AirbyteStream stream = new AirbyteStream(typed.name(), schema.deepCopy(), typed.supportedSyncModes(),
        typed.sourceDefinedCursor(), typed.defaultCursorField(), typed.sourceDefinedPrimaryKey(), typed.namespace(),
        typed.isResumable(), typed.isFileBased());
    return new AirbyteCatalog(List.of(stream));
  }

  private JsonNode inferSchema(RestApiConfig settings) {
    RestManifest manifest = RestManifest.of(settings, StreamSchemas.empty());
    TestRead firstPage;
    try {
      firstPage = load(manifest).testRead(manifest.config(), settings.streamName(), List.of(), FIRST_PAGE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(ConnectorException.Kind.TRANSIENT, "Discover was interrupted", null);
    }
    // A test read reports a failed request as an error line (its secrets masked) rather than throwing.
    for (TestRead.LogLine line : firstPage.logs()) {
      if (line.level().equals("ERROR")) {
        throw new ConnectorException(line.message());
      }
    }
    if (firstPage.records().isEmpty()) {
      throw new ConnectorException("Stream '" + settings.streamName() + "': the first page has no records at "
          + (settings.recordsPath().isEmpty() ? "the root of the response" : "records_path "
          + settings.recordsPath()) + ", so their schema cannot be inferred; check records_path or give json_schema");
    }
    ObjectNode schema = StreamSchemas.infer(firstPage.records());
    List<String> missing = StreamSchemas.missingFields(schema.get("properties"), settings.primaryKey(),
        settings.incremental());
    if (!missing.isEmpty()) {
      List<String> fields = new ArrayList<>();
      schema.get("properties").fieldNames().forEachRemaining(fields::add);
      throw new ConnectorException("Stream '" + settings.streamName() + "': the records of the first page lack "
          + String.join(" and ", missing) + "; their fields are " + fields);
    }
    return schema;
  }

  @Override
  public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state,
                   SourceOutput output) throws InterruptedException {
    requireNonNull(catalog, "catalog is null");
    RestApiConfig settings = RestApiConfig.read(config);
    // A catalog without the stream gets the interpreter's message, which names the stream there is.
    JsonNode schema = catalog.find(StreamDescriptor.of(settings.streamName()))
        .map(configured -> StreamSchemas.forTyping(configured.stream().jsonSchema())).orElseGet(StreamSchemas::empty);
    RestManifest manifest = RestManifest.of(settings, schema);
    load(manifest).read(manifest.config(), catalog, state, output);
  }

  private DeclarativeSource load(RestManifest manifest) {
    return DeclarativeSource.load(DESCRIPTOR, manifest.manifest(), Shared.INTERPOLATION);
  }
}
