package dev.gale.app;

import static java.util.Objects.requireNonNull;

import dev.gale.connector.ConnectorCapabilities;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.SyncMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Turns the streams a source discovered and the command's options into the configured catalog of a sync: the chosen
 * streams (all by default), each with the sync modes, and a cursor and primary key where the modes need them and
 * the source defines none. Every mismatch is a usage error that says what would work.
 */
final class CatalogChoice {
  private final CommandLine commandLine;
  private final SyncMode syncMode;
  private final DestinationSyncMode destinationSyncMode;
  private final ConnectorCapabilities destinationCapabilities;
  private final List<String> cursorFields;
  private final List<String> primaryKeys;

  CatalogChoice(CommandLine commandLine, SyncMode syncMode, DestinationSyncMode destinationSyncMode,
                ConnectorCapabilities destinationCapabilities, List<String> cursorFields, List<String> primaryKeys) {
    this.commandLine = requireNonNull(commandLine, "commandLine is null");
    this.syncMode = requireNonNull(syncMode, "syncMode is null");
    this.destinationSyncMode = requireNonNull(destinationSyncMode, "destinationSyncMode is null");
    this.destinationCapabilities = requireNonNull(destinationCapabilities, "destinationCapabilities is null");
    this.cursorFields = List.copyOf(cursorFields);
    this.primaryKeys = List.copyOf(primaryKeys);
  }

  /** The catalog of {@code names} (namespace.name or name), or of every stream when none is named. */
  ConfiguredAirbyteCatalog configure(AirbyteCatalog discovered, List<String> names) {
    if (!destinationCapabilities.supports(destinationSyncMode)) {
      throw usage("--destination-sync-mode: the destination does not apply " + destinationSyncMode + "; it applies "
          + destinationCapabilities.destinationSyncModes());
    }
    List<AirbyteStream> chosen = names.isEmpty() ? discovered.streams() : names.stream()
        .map(name -> find("--stream", discovered, name)).distinct().toList();
    if (chosen.isEmpty()) {
      throw usage("the source offers no streams");
    }
    Map<String, String> cursors = perStream("--cursor-field", cursorFields, discovered);
    Map<String, String> keys = perStream("--primary-key", primaryKeys, discovered);
    List<ConfiguredAirbyteStream> configured = new ArrayList<>();
    for (AirbyteStream stream : chosen) {
      configured.add(configure(stream, cursors, keys));
    }
    return new ConfiguredAirbyteCatalog(configured);
  }

  private ConfiguredAirbyteStream configure(AirbyteStream stream, Map<String, String> cursors,
                                            Map<String, String> keys) {
    String name = stream.descriptor().toString();
    if (!stream.supportedSyncModes().contains(syncMode)) {
      throw usage("--sync-mode: stream " + name + " supports only " + stream.supportedSyncModes());
    }
    ConfiguredAirbyteStream configured = ConfiguredAirbyteStream.of(stream, syncMode, destinationSyncMode);
    String cursor = cursors.getOrDefault(name, cursors.get(null));
    if (cursor != null && !Boolean.TRUE.equals(stream.sourceDefinedCursor())) {
      configured = configured.withCursorField(List.of(cursor));
    }
    String key = keys.getOrDefault(name, keys.get(null));
    if (key != null) {
      configured = configured.withPrimaryKey(Arrays.stream(key.split(",")).map(String::strip).map(List::of).toList());
    }
    if (syncMode == SyncMode.INCREMENTAL && configured.effectiveCursorField().isEmpty()) {
      throw usage("stream " + name + " is incremental but has no cursor: add --cursor-field " + name + "=COLUMN");
    }
    if (destinationSyncMode == DestinationSyncMode.APPEND_DEDUP && configured.effectivePrimaryKey().isEmpty()) {
      throw usage("stream " + name + " is append_dedup but has no primary key: add --primary-key " + name + "=COLUMN");
    }
    return configured;
  }

  private AirbyteStream find(String option, AirbyteCatalog discovered, String name) {
    List<AirbyteStream> matches = discovered.streams().stream()
        .filter(stream -> stream.descriptor().toString().equals(name)).toList();
    if (matches.isEmpty()) {
      matches = discovered.streams().stream().filter(stream -> stream.name().equals(name)).toList();
    }
    if (matches.size() == 1) {
      return matches.getFirst();
    }
    throw usage(option + ": " + (matches.isEmpty() ? "the source has no stream " : "more than one stream is named ")
        + name + "; it offers " + discovered.streams().stream().map(s -> s.descriptor().toString()).toList());
  }

  /** {@code [STREAM=]VALUE} options by the full stream name they apply to; {@code null} for every stream. */
  private Map<String, String> perStream(String option, List<String> values, AirbyteCatalog discovered) {
    Map<String, String> byStream = new LinkedHashMap<>();
    for (String value : values) {
      int equals = value.indexOf('=');
      String stream = equals < 0 ? null : find(option, discovered, value.substring(0, equals)).descriptor().toString();
      String field = value.substring(equals + 1).strip();
      if (field.isEmpty()) {
        throw usage(option + ": '" + value + "' names no field");
      }
      if (byStream.put(stream, field) != null) {
        throw usage(option + " is given twice for " + (stream == null ? "all streams" : stream));
      }
    }
    return byStream;
  }

  private ParameterException usage(String message) {
    return new ParameterException(commandLine, message);
  }
}
