package dev.gale.connectors.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Source;
import dev.gale.connector.data.Column;
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
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The File source, Gale's counterpart of Airbyte's source-file ({@code airbyte/source-file}): one CSV, JSON, JSONL or
 * Parquet file from a local path, an HTTP(S) URL or S3, offered as one stream named {@code dataset_name} and read in full
 * refresh only, as Airbyte's.
 *
 * <p>CSV, JSON and JSONL columns are typed from the first {@value #SAMPLE_ROWS} records (see {@link CsvCells} and
 * {@link JsonReader}); Parquet columns from the file's schema. Discover and read infer the same way, so a read's
 * columns are the discovered ones as long as the file is unchanged.
 */
public final class FileSource implements Source {
  /** Airbyte's definition id of source-file. */
  public static final UUID DEFINITION_ID = UUID.fromString("778daa7c-feaf-4db6-96f3-70fd645acc77");
  /** How many records type the columns of formats without a schema. */
  static final int SAMPLE_ROWS = 10_000;
  static final int BATCH_ROWS = 1000;
  static final String DOCUMENTATION_URL = "https://docs.airbyte.com/integrations/sources/file";
  private static final String ICON = """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">\
      <path d="M8 3h11l7 7v19H8z" fill="#e0e7ff" stroke="#6366f1" stroke-width="2"/>\
      <path d="M19 3v7h7" fill="none" stroke="#6366f1" stroke-width="2"/>\
      <path d="M12 16h10M12 20h10M12 24h7" stroke="#6366f1" stroke-width="2"/>\
      </svg>""";

  private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(DEFINITION_ID,
      ConnectorDescriptor.Kind.SOURCE, "File (CSV, JSON, Excel, Feather, Parquet)", "airbyte/source-file", "0.5.37",
      DOCUMENTATION_URL, ICON, ConnectorDescriptor.ReleaseStage.GENERALLY_AVAILABLE,
      ConnectorDescriptor.SupportLevel.CERTIFIED, ConnectorDescriptor.SourceType.FILE);
  private static final ConnectorCapabilities CAPABILITIES = ConnectorCapabilities.source(SyncMode.FULL_REFRESH);

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
    return ConnectorSpecification.of(DOCUMENTATION_URL, FileSourceConfig.SCHEMA.toJsonSchema());
  }

  @Override
  public void validate(JsonNode config) {
    FileSourceConfig.read(config);
  }

  /** Opens the file and reads its header and first record. */
  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    try {
      columns(FileSourceConfig.read(config), 1);
      return AirbyteConnectionStatus.succeeded();
    } catch (ConnectorException e) {
      return AirbyteConnectionStatus.failed(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return AirbyteConnectionStatus.failed("The check was interrupted");
    }
  }

  @Override
  public AirbyteCatalog discover(JsonNode config) {
    FileSourceConfig settings = FileSourceConfig.read(config);
    try {
      return new AirbyteCatalog(List.of(stream(settings, columns(settings, SAMPLE_ROWS))));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException(ConnectorException.Kind.TRANSIENT, "Discover was interrupted", e);
    }
  }

  @Override
  public void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state,
                   SourceOutput output) throws InterruptedException {
    FileSourceConfig settings = FileSourceConfig.read(config);
    StreamDescriptor offered = StreamDescriptor.of(settings.datasetName());
    for (ConfiguredAirbyteStream configured : catalog.streams()) {
      if (!configured.descriptor().equals(offered)) {
        throw new ConnectorException("The File source offers only stream " + offered + " (its dataset_name), not "
            + configured.descriptor());
      }
      if (configured.syncMode() != SyncMode.FULL_REFRESH) {
        throw new ConnectorException("The File source reads stream " + offered + " in full refresh only");
      }
      readStream(settings, offered, output);
    }
  }

  private static void readStream(FileSourceConfig settings, StreamDescriptor stream, SourceOutput output)
      throws InterruptedException {
    List<FileColumn> columns = columns(settings, SAMPLE_ROWS);
    RecordSchema schema = new RecordSchema(stream,
        columns.stream().map(column -> new Column(column.name(), column.type().valueType())).toList());
    RecordBatch.Builder batch = RecordBatch.builder(schema, BATCH_ROWS);
    try {
      FormatReader.of(settings.format()).read(settings, columns, row -> {
        batch.add(row);
        if (batch.size() == BATCH_ROWS) {
          emit(batch, output);
        }
      });
    } catch (IOException e) {
      throw unreadable(settings, e);
    }
    if (!batch.isEmpty()) {
      emit(batch, output);
    }
  }

  private static void emit(RecordBatch.Builder batch, SourceOutput output) throws InterruptedException {
    // Parsing never blocks, so this is where a cancelled read notices, even with an output that does not.
    if (Thread.interrupted()) {
      throw new InterruptedException("read of the file interrupted");
    }
    output.emit(batch.build(Instant.now()));
  }

  private static List<FileColumn> columns(FileSourceConfig settings, int sampleRows) throws InterruptedException {
    List<FileColumn> columns;
    try {
      columns = FormatReader.of(settings.format()).columns(settings, sampleRows);
    } catch (IOException e) {
      throw unreadable(settings, e);
    }
    if (columns.isEmpty()) {
      throw new ConnectorException(settings.shownUrl() + " holds no columns: it is empty or has no records");
    }
    return columns;
  }

  private static AirbyteStream stream(FileSourceConfig settings, List<FileColumn> columns) {
    ObjectNode schema = Json.object().put("$schema", "http://json-schema.org/draft-07/schema#").put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    columns.forEach(column -> properties.set(column.name(), column.type().jsonSchema()));
    return AirbyteStream.of(settings.datasetName(), schema, List.of(SyncMode.FULL_REFRESH));
  }

  // An I/O error's message may name the temporary copy or repeat the URL; the exception's type says enough.
  private static ConnectorException unreadable(FileSourceConfig settings, IOException e) {
    String detail = settings.storage() == Storage.LOCAL && e.getMessage() != null ? e.getMessage()
        : e.getClass().getSimpleName();
    return new ConnectorException(ConnectorException.Kind.TRANSIENT,
        "Could not read " + settings.shownUrl() + ": " + detail, null);
  }
}
