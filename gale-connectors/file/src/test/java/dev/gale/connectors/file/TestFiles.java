package dev.gale.connectors.file;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.LocalRoot;
import dev.gale.connector.contract.RecordingOutput;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordBatch;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One temporary local root for every test of the module (the property is process-wide), and reading helpers. */
final class TestFiles {
  static final Path ROOT;

  static {
    try {
      ROOT = Files.createTempDirectory("gale-file-source-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty(LocalRoot.PROPERTY, ROOT.toString());
  }

  private TestFiles() {}

  /** Writes a file under the local root and answers its configured path, {@code /local/<name>}. */
  static String write(String name, String content) {
    return write(name, content, StandardCharsets.UTF_8);
  }

  static String write(String name, String content, Charset charset) {
    try {
      Files.writeString(ROOT.resolve(name), content, charset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "/local/" + name;
  }

  static ObjectNode config(String format, String url, String storage, String readerOptions) {
    ObjectNode config = Json.object().put("dataset_name", "data").put("format", format).put("url", url);
    config.putObject("provider").put("storage", storage);
    if (readerOptions != null) {
      config.put("reader_options", readerOptions);
    }
    return config;
  }

  static ObjectNode local(String format, String url, String readerOptions) {
    return config(format, url, "local", readerOptions);
  }

  /** What a full read of {@code config} emits: its columns and rows. */
  record Read(List<Column> columns, List<Object[]> rows) {
    List<String> names() {
      return columns.stream().map(Column::name).toList();
    }
  }

  static Read read(JsonNode config) throws InterruptedException {
    FileSource source = new FileSource();
    AirbyteStream stream = source.discover(config).streams().getFirst();
    RecordingOutput output = new RecordingOutput();
    source.read(config, new ConfiguredAirbyteCatalog(List.of(
        ConfiguredAirbyteStream.of(stream, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE))), List.of(), output);
    List<RecordBatch> batches = output.batches();
    List<Column> columns = batches.isEmpty() ? List.of() : batches.getFirst().schema().columns();
    return new Read(columns, output.rows(stream.descriptor()));
  }
}
