package dev.gale.connectors.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Destination;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.DestinationSyncMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Gale's counterpart of Airbyte's {@code airbyte/destination-s3}: each stream's records as JSONL, CSV, Parquet or Avro
 * objects under {@code s3_bucket_path}, laid out as Airbyte lays them out, in AWS S3 or any S3-compatible store.
 */
public final class S3Destination implements Destination {
  /** Airbyte's definition id of destination-s3. */
  public static final UUID DEFINITION_ID = UUID.fromString("4816b78f-1489-44c1-9060-4b19d5fa9362");

  private static final ConnectorCapabilities CAPABILITIES =
      ConnectorCapabilities.destination(DestinationSyncMode.OVERWRITE, DestinationSyncMode.APPEND);
  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(DEFINITION_ID,
      ConnectorDescriptor.Kind.DESTINATION, "S3", "airbyte/destination-s3", "1.9.0",
      "https://docs.airbyte.com/integrations/destinations/s3", Icon.SVG,
      ConnectorDescriptor.ReleaseStage.GENERALLY_AVAILABLE, ConnectorDescriptor.SupportLevel.CERTIFIED, null);

  private final Limits limits;

  public S3Destination() {
    this(Limits.DEFAULT);
  }

  /** With other sizes, so that tests can split small streams into several objects and parts. */
  S3Destination(Limits limits) {
    this.limits = limits;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return CAPABILITIES;
  }

  @Override
  public ConnectorSpecification spec() {
    return ConnectorSpecification.of(DESCRIPTOR.documentationUrl(), S3Fields.CONFIG.toJsonSchema())
        .withSupportsIncremental(true)
        .withSupportedDestinationSyncModes(List.copyOf(CAPABILITIES.destinationSyncModes()));
  }

  @Override
  public void validate(JsonNode config) {
    S3Config.read(config);
  }

  /** Enum values as Airbyte's API guide writes them ({@code "snappy"}) are stored as the spec declares them. */
  @Override
  public JsonNode canonical(JsonNode config) {
    return EnumSpelling.canonical(config);
  }

  /**
   * Writes, lists and deletes a small object under the bucket path, as a sync would; fails first when the format's
   * buffers would not fit this process's memory.
   */
  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    S3Config s3Config;
    try {
      s3Config = S3Config.read(config);
      WriterMemory.requireFits(s3Config.format(), limits, Runtime.getRuntime().maxMemory());
    } catch (ConnectorException e) {
      return AirbyteConnectionStatus.failed(e.getMessage());
    }
    String key = ObjectKeys.join(s3Config.bucketPath(), "_airbyte_connection_test_" + UUID.randomUUID());
    try (S3Client s3 = S3Clients.create(s3Config)) {
      s3.putObject(b -> b.bucket(s3Config.bucket()).key(key), RequestBody.fromString("check"));
      boolean listed = s3.listObjectsV2(b -> b.bucket(s3Config.bucket()).prefix(key)).contents().stream()
          .anyMatch(object -> object.key().equals(key));
      s3.deleteObject(b -> b.bucket(s3Config.bucket()).key(key));
      return listed ? AirbyteConnectionStatus.succeeded() : AirbyteConnectionStatus.failed(
          "Wrote s3://" + s3Config.bucket() + "/" + key + " but could not list it: the store does not list objects");
    } catch (RuntimeException e) {
      return AirbyteConnectionStatus.failed(S3Problems.describe(e, s3Config));
    }
  }

  @Override
  public DestinationWriter open(JsonNode config, ConfiguredAirbyteCatalog catalog, WriteContext context) {
    S3Config s3Config = S3Config.read(config);
    WriterMemory.requireFits(s3Config.format(), limits, Runtime.getRuntime().maxMemory());
    ObjectKeys keys = new ObjectKeys(s3Config.bucketPath(), s3Config.pathFormat(), s3Config.fileNamePattern(),
        s3Config.format().extension(), Instant.now(), context.syncId());
    S3Client s3 = S3Clients.create(s3Config);
    S3Writer writer = new S3Writer(s3, s3Config, keys, context);
    for (ConfiguredAirbyteStream stream : catalog.streams()) {
      if (stream.destinationSyncMode() != DestinationSyncMode.APPEND
          && stream.destinationSyncMode() != DestinationSyncMode.OVERWRITE) {
        writer.close();
        throw new ConnectorException("S3 writes streams in append or overwrite mode, not "
            + stream.destinationSyncMode() + " (stream " + stream.descriptor() + ")");
      }
      // Each stream has its own generation (a refresh bumps one stream's); 0 where the catalog has none, as the
      // PostgreSQL destination writes it.
      AirbyteMeta meta = new AirbyteMeta(context.syncId(),
          stream.generationId() == null ? 0 : stream.generationId());
      boolean overwrite = stream.destinationSyncMode() == DestinationSyncMode.OVERWRITE;
      AtomicLong partNumbers = new AtomicLong();
      OutputFormat format = s3Config.format() instanceof OutputFormat.Parquet parquet
          ? parquet.sharedBy(limits.lanes()) : s3Config.format();
      writer.add(new StreamLanes(stream.descriptor(), overwrite, limits.lanes(), lane -> new StreamObjects(s3,
          s3Config.bucket(), stream.descriptor(), keys, format, meta, stream.stream().jsonSchema(), limits, overwrite,
          partNumbers)));
    }
    return writer;
  }
}
