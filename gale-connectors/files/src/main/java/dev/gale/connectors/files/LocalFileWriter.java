package dev.gale.connectors.files;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.StreamDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Writes each stream of a sync to its own file under one directory; see {@link StreamFile} for durability. */
final class LocalFileWriter implements DestinationWriter {
  private final Map<StreamDescriptor, StreamFile> files = new LinkedHashMap<>();
  private final RecordEncoder encoder;
  private final WriteContext context;
  private long records;

  LocalFileWriter(Path directory, String extension, RecordEncoder encoder, ConfiguredAirbyteCatalog catalog,
                  WriteContext context) throws IOException {
    this.encoder = encoder;
    this.context = context;
    try {
      for (ConfiguredAirbyteStream stream : catalog.streams()) {
        StreamDescriptor descriptor = stream.descriptor();
        Path parent = descriptor.namespace() == null ? directory : directory.resolve(LocalRoot.fileName("", descriptor.namespace(), ""));
        Path target = parent.resolve(LocalRoot.fileName("_airbyte_raw_", descriptor.name(), extension));
        StreamFile file = new StreamFile(target, stream.destinationSyncMode() == DestinationSyncMode.OVERWRITE, context.syncId());
        files.put(descriptor, file);
        if (file.startsEmpty()) {
          encoder.header(file.out());
        }
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  @Override
  public void write(RecordBatch batch) throws IOException {
    StreamFile file = files.get(batch.schema().stream());
    if (file == null) {
      throw new ConnectorException("stream " + batch.schema().stream() + " is not in the configured catalog");
    }
    long emittedAt = batch.emittedAt().toEpochMilli();
    for (Object[] row : batch.rows()) {
      encoder.write(file.out(), batch.schema(), row, UUID.randomUUID().toString(), emittedAt);
    }
    records += batch.size();
  }

  @Override
  public void flush() throws IOException {
    for (StreamFile file : files.values()) {
      file.flush();
    }
  }

  @Override
  public void complete() throws IOException {
    for (StreamFile file : files.values()) {
      file.complete();
    }
    context.log().accept(LogLevel.INFO, "Wrote " + records + " records to " + files.size() + " files");
  }

  @Override
  public void close() throws IOException {
    IOException first = null;
    for (StreamFile file : files.values()) {
      try {
        file.close();
      } catch (IOException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
