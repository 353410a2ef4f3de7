package dev.gale.connectors.declarative;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Source;
import dev.gale.connector.data.SourceOutput;
import dev.gale.connectors.declarative.factory.SourceDefinition;
import dev.gale.connectors.declarative.factory.SourceFactory;
import dev.gale.connectors.declarative.interpolation.Interpolation;
import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.connectors.declarative.manifest.ManifestModel;
import dev.gale.connectors.declarative.read.ConfigPreparation;
import dev.gale.connectors.declarative.read.ReadListener;
import dev.gale.connectors.declarative.read.StreamReading;
import dev.gale.connectors.declarative.read.SyncRead;
import dev.gale.connectors.declarative.read.TestReader;
import dev.gale.connectors.declarative.runtime.ExchangeListener;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.HttpTransport;
import dev.gale.connectors.declarative.runtime.JdkHttpTransport;
import dev.gale.connectors.declarative.runtime.RetryBudget;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.RunLog;
import dev.gale.connector.config.Secrets;
import dev.gale.connectors.declarative.runtime.Sleeper;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import dev.gale.connectors.declarative.stream.DeclarativeStream;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.AirbyteStreamState;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A source defined by one of Airbyte's low-code YAML manifests, interpreted in process. The manifest is loaded and
 * checked once ({@link #load}); every call then runs with its own configuration on the shared, immutable components,
 * as the {@link dev.gale.connector.Connector} contract asks.
 *
 * <p>{@code check} reads the first page of each stream the manifest's {@code CheckStream} names; {@code discover}
 * lists the streams without I/O; {@code read} reads streams one after another, typing records by their JSON schema and,
 * for incremental streams, checkpointing the stream's state in Airbyte's shape after every slice and at the end.
 * Requests are logged at DEBUG with every secret of the configuration masked.
 */
public final class DeclarativeSource implements Source {
  private final ConnectorDescriptor descriptor;
  private final SourceDefinition definition;
  private final Interpolation interpolation;
  private final HttpTransport transport;
  private final Sleeper sleeper;
  private final Clock clock;
  private final RetryBudget retryBudget;

  private DeclarativeSource(ConnectorDescriptor descriptor, SourceDefinition definition, Interpolation interpolation,
                            HttpTransport transport, Sleeper sleeper, Clock clock, RetryBudget retryBudget) {
    this.descriptor = descriptor;
    this.definition = definition;
    this.interpolation = interpolation;
    this.transport = transport;
    this.sleeper = sleeper;
    this.clock = clock;
    this.retryBudget = retryBudget;
  }

  /**
   * Loads a manifest (see {@link Manifests#parse} for text) as a source.
   *
   * @throws ManifestException when the manifest cannot run, naming the path of the problem
   */
  public static DeclarativeSource load(ConnectorDescriptor descriptor, JsonNode manifest, Interpolation interpolation) {
    requireNonNull(descriptor, "descriptor is null");
    requireNonNull(manifest, "manifest is null");
    requireNonNull(interpolation, "interpolation is null");
    if (descriptor.kind() != ConnectorDescriptor.Kind.SOURCE) {
      throw new IllegalArgumentException(descriptor.name() + " is not a source");
    }
    SourceDefinition definition = SourceFactory.build(ManifestModel.load(manifest), interpolation);
    return new DeclarativeSource(descriptor, definition, interpolation, JdkHttpTransport.INSTANCE, Sleeper.REAL,
        Clock.systemUTC(), RetryBudget.AIRBYTE);
  }

  /** This source waiting between retries with {@code sleeper} instead of sleeping (for tests). */
  public DeclarativeSource withSleeper(Sleeper sleeper) {
    return new DeclarativeSource(descriptor, definition, interpolation, transport,
        requireNonNull(sleeper, "sleeper is null"), clock, retryBudget);
  }

  /**
   * This source sending its HTTP requests through {@code transport}: tests answer a real manifest's hosts from an
   * API in the test JVM this way, without changing the manifest.
   */
  public DeclarativeSource withTransport(HttpTransport transport) {
    return new DeclarativeSource(descriptor, definition, interpolation, requireNonNull(transport, "transport is null"),
        sleeper, clock, retryBudget);
  }

  /**
   * This source telling time by {@code clock}: "now" of cursors, token expiry and the templates' {@code now_utc()}
   * (for tests).
   */
  public DeclarativeSource withClock(Clock clock) {
    requireNonNull(clock, "clock is null");
    return new DeclarativeSource(descriptor, definition, interpolation.withClock(clock), transport, sleeper, clock,
        retryBudget);
  }

  /**
   * This source giving each request {@code maxTime}, its retries included, instead of Airbyte's 10 minutes (for
   * tests of an API that never answers).
   */
  public DeclarativeSource withRetryBudget(Duration maxTime) {
    return new DeclarativeSource(descriptor, definition, interpolation, transport, sleeper, clock,
        new RetryBudget(maxTime));
  }

  /** The names of the manifest's streams, in the manifest's order: what a caller may ask {@link #testRead} for. */
  public List<String> streamNames() {
    return List.copyOf(definition.streams().keySet());
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public ConnectorCapabilities capabilities() {
    boolean incremental = definition.streams().values().stream().anyMatch(DeclarativeStream::hasCursor);
    return incremental ? ConnectorCapabilities.source(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL)
        : ConnectorCapabilities.source(SyncMode.FULL_REFRESH);
  }

  // Built per call: the specification holds mutable JSON trees callers must not share.
  @Override
  public ConnectorSpecification spec() {
    String documentation = definition.documentationUrl() != null ? definition.documentationUrl()
        : descriptor.documentationUrl();
    return new ConnectorSpecification(documentation, definition.changelogUrl(),
        definition.connectionSpecification().deepCopy(), null, null, null, null, null,
        definition.advancedAuth() == null ? null : definition.advancedAuth().deepCopy(), null);
  }

  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    Secrets secrets = secretsOf(config);
    try {
      Run run = run(config, secrets, RunLog.NONE, ExchangeListener.NONE);
      for (String name : definition.checkStreams()) {
        try {
          firstPage(run, definition.streams().get(name));
        } catch (ConnectorException e) {
          return AirbyteConnectionStatus.failed(secrets.mask("Stream '" + name + "' is not available: "
              + e.getMessage()));
        }
      }
      return AirbyteConnectionStatus.succeeded();
    } catch (ConnectorException e) {
      return AirbyteConnectionStatus.failed(secrets.mask(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return AirbyteConnectionStatus.failed("The check was interrupted");
    }
  }

  private static void firstPage(Run run, DeclarativeStream stream) throws InterruptedException {
    new StreamReading(run).read(stream, Map.of(), new ReadListener() {
      @Override
      public boolean page(StreamSlice slice, HttpResult response, List<Map<String, Object>> records) {
        return false;
      }

      @Override
      public boolean sliceDone(StreamSlice slice, Map<String, Object> state) {
        return false;
      }
    });
  }

  @Override
  public AirbyteCatalog discover(JsonNode config) {
    Secrets secrets = secretsOf(config);
    try {
      Run run = run(config, secrets, RunLog.NONE, ExchangeListener.NONE);
      List<AirbyteStream> streams = new ArrayList<>();
      for (DeclarativeStream stream : definition.streams().values()) {
        streams.add(airbyteStream(run, stream));
      }
      return new AirbyteCatalog(streams);
    } catch (ConnectorException e) {
      throw new ConnectorException(e.kind(), secrets.mask(e.getMessage()), null);
    }
  }

  private static AirbyteStream airbyteStream(Run run, DeclarativeStream stream) {
    List<SyncMode> modes = stream.hasCursor() ? List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL)
        : List.of(SyncMode.FULL_REFRESH);
    AirbyteStream airbyte = AirbyteStream.of(stream.name(), stream.jsonSchema().deepCopy(), modes);
    if (!stream.primaryKey().isEmpty()) {
      airbyte = airbyte.withSourceDefinedPrimaryKey(stream.primaryKey());
    }
    if (stream.hasCursor()) {
      airbyte = airbyte.withSourceDefinedCursor(List.of(stream.cursorField(run)));
    }
    return airbyte;
  }

  @Override
  public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state,
                   SourceOutput output) throws InterruptedException {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(output, "output is null");
    Secrets secrets = secretsOf(config);
    try {
      Run run = run(config, secrets, output::log, ExchangeListener.NONE);
      for (ConfiguredAirbyteStream configured : catalog.streams()) {
        StreamDescriptor descriptor = configured.descriptor();
        DeclarativeStream stream = descriptor.namespace() == null ? definition.streams().get(descriptor.name())
            : null;
        if (stream == null) {
          throw new ConnectorException("This source has no stream " + descriptor + "; its streams are "
              + definition.streams().keySet());
        }
        boolean incremental = configured.syncMode() == SyncMode.INCREMENTAL && stream.hasCursor();
        SyncRead.read(run, stream, descriptor, incremental ? stateOf(state, descriptor) : null, output);
      }
    } catch (ConnectorException e) {
      throw new ConnectorException(e.kind(), secrets.mask(e.getMessage()), null);
    }
  }

  /**
   * Reads one stream for a manifest's author, as Airbyte's connector builder does: within {@code limits}, recording
   * every request and response (secrets masked), the records of each page as plain JSON and the state after each
   * slice. A failure of the read ends it with an ERROR log line rather than an exception, keeping what was read.
   *
   * @param state the stream's state to start from, in Airbyte's messages; empty for a first read
   * @throws ConnectorException when the configuration is invalid or the stream unknown
   * @throws InterruptedException when the calling thread is interrupted
   */
  public TestRead testRead(JsonNode config, String streamName, List<AirbyteStateMessage> state, TestReadLimits limits)
      throws InterruptedException {
    requireNonNull(streamName, "streamName is null");
    requireNonNull(limits, "limits is null");
    DeclarativeStream stream = definition.streams().get(streamName);
    if (stream == null) {
      throw new ConnectorException("This source has no stream " + streamName + "; its streams are "
          + definition.streams().keySet());
    }
    Secrets secrets = secretsOf(config);
    TestReader reader = new TestReader(limits);
    Run run;
    try {
      run = run(config, secrets, reader::log, reader::auxiliary);
    } catch (ConnectorException e) {
      throw new ConnectorException(e.kind(), secrets.mask(e.getMessage()), null);
    }
    return reader.read(run, stream, stateOf(state == null ? List.of() : state, StreamDescriptor.of(streamName)));
  }

  private Run run(JsonNode config, Secrets secrets, RunLog log, ExchangeListener exchanges) {
    Map<String, Object> prepared = ConfigPreparation.prepare(definition.connectionSpecification(), config);
    return new Run(prepared, interpolation, transport, sleeper, clock, log, secrets, exchanges, retryBudget);
  }

  private Secrets secretsOf(JsonNode config) {
    return config != null && config.isObject() ? Secrets.of(definition.connectionSpecification(), config)
        : Secrets.none();
  }

  /** The stream's state in the given messages: per-stream, inside a global state, or in a legacy blob by name. */
  private static Map<String, Object> stateOf(List<AirbyteStateMessage> messages, StreamDescriptor descriptor) {
    for (AirbyteStateMessage message : messages) {
      switch (message.type()) {
        case STREAM -> {
          if (message.stream().streamDescriptor().equals(descriptor)) {
            return JsonValues.toMap(message.stream().streamState());
          }
        }
        case GLOBAL -> {
          for (AirbyteStreamState stream : message.global().streamStates()) {
            if (stream.streamDescriptor().equals(descriptor)) {
              return JsonValues.toMap(stream.streamState());
            }
          }
        }
        case LEGACY -> {
          JsonNode blob = message.data().get(descriptor.name());
          if (blob != null && blob.isObject()) {
            return JsonValues.toMap(blob);
          }
        }
      }
    }
    return Map.of();
  }
}
