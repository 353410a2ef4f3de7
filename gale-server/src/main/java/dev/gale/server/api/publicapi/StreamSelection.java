package dev.gale.server.api.publicapi;

import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import dev.gale.server.api.publicapi.model.ConnectionResources.ConnectionSyncModeEnum;
import dev.gale.server.api.publicapi.model.ConnectionResources.StreamConfiguration;
import dev.gale.server.api.publicapi.model.ConnectionResources.StreamConfigurations;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.domain.SyncCatalog.AirbyteStream;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamAndConfiguration;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamConfiguration;
import dev.gale.server.domain.SyncCatalog.SelectedFieldInfo;
import dev.gale.server.http.BadRequestException;
import dev.gale.server.http.InvalidInputException.ValidationError;
import dev.gale.server.http.InvalidInputException;
import dev.gale.server.service.catalog.SourceStreams;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The Public API's stream configurations on a connection's sync catalog. A stream syncs in one flattened mode
 * ({@code incremental_deduped_history}) that stands for a source and a destination sync mode. The catalog is built
 * from the source's discovered one: streams a request does not name stay in it, unselected, as the Config API keeps
 * them. The catalog's own rules (a cursor for incremental reads, a primary key for dedup, fields that exist) are left
 * to {@code SyncCatalogs}, which checks every catalog a connection stores.
 */
final class StreamSelection {
  private final AirbyteCatalog discovered;
  private final List<DestinationSyncMode> destinationModes;

  /**
   * @param discovered the source's streams, each with its default configuration
   * @param destinationModes what the destination accepts; empty when its spec lists nothing (it accepts any)
   */
  StreamSelection(AirbyteCatalog discovered, List<DestinationSyncMode> destinationModes) {
    this.discovered = discovered;
    this.destinationModes = destinationModes;
  }

  /**
   * Every stream, each in its default mode. A stream that no mode can sync to this destination (an incremental-only
   * stream to a destination that only overwrites) is left unselected rather than failing the whole connection.
   */
  AirbyteCatalog all() {
    return new AirbyteCatalog(discovered.streams().stream()
        .map(entry -> defaultMode(entry.stream())
            .map(mode -> selectedIn(entry, mode))
            .orElseGet(() -> unselected(entry)))
        .toList());
  }

  /**
   * Only the named streams. What a stream's request leaves out comes from its configuration in {@code current} (the
   * connection's catalog, when it is patched and the stream was selected), else from the source: the cursor and
   * primary key it defines, and the default mode.
   *
   * @throws InvalidInputException naming a stream, cursor or primary key field the source does not have
   * @throws BadRequestException naming a repeated stream, or a mode the stream cannot sync in
   */
  AirbyteCatalog named(List<StreamConfiguration> requested, AirbyteCatalog current) {
    requireKnown(requested);
    Map<StreamDescriptor, StreamConfiguration> chosen = new HashMap<>();
    for (StreamConfiguration request : requested) {
      if (request == null) {
        throw new BadRequestException("configurations.streams holds a null; each stream is an object with its name");
      }
      StreamDescriptor stream = descriptor(find(request).stream());
      if (chosen.put(stream, request) != null) {
        throw new BadRequestException("Duplicate stream found in configuration for: " + qualified(stream));
      }
    }
    Map<StreamDescriptor, AirbyteStreamConfiguration> selectedNow = new HashMap<>();
    if (current != null) {
      current.streams().stream().filter(e -> e.config() != null && Boolean.TRUE.equals(e.config().selected()))
          .forEach(e -> selectedNow.put(descriptor(e.stream()), e.config()));
    }
    List<AirbyteStreamAndConfiguration> streams = new ArrayList<>();
    for (AirbyteStreamAndConfiguration entry : discovered.streams()) {
      StreamDescriptor stream = descriptor(entry.stream());
      StreamConfiguration request = chosen.get(stream);
      streams.add(request == null ? unselected(entry) : configured(entry, request, selectedNow.get(stream)));
    }
    return new AirbyteCatalog(streams);
  }

  /**
   * Every named stream is one the source has, and every cursor and primary key field a request gives is in that
   * stream's discovered schema: the rules the Config API's catalogs follow (see {@link SourceStreams}), with the paths
   * of this request. A problem-details answer has no list of errors, so its detail names each path.
   *
   * @throws InvalidInputException naming each unknown stream and field
   */
  private void requireKnown(List<StreamConfiguration> requested) {
    List<SourceStreams.Requested> streams = new ArrayList<>();
    for (int i = 0; i < requested.size(); i++) {
      StreamConfiguration request = requested.get(i);
      if (request == null || request.name() == null) {
        continue; // refused below, with its own reason
      }
      String path = "configurations.streams[" + i + "]";
      Optional<SourceStreams.Field> cursor = request.cursorField() == null || request.cursorField().isEmpty()
          ? Optional.empty() : Optional.of(new SourceStreams.Field(path + ".cursorField", request.cursorField()));
      List<SourceStreams.Field> primaryKey = new ArrayList<>();
      for (int k = 0; request.primaryKey() != null && k < request.primaryKey().size(); k++) {
        primaryKey.add(new SourceStreams.Field(path + ".primaryKey[" + k + "]", request.primaryKey().get(k)));
      }
      streams.add(new SourceStreams.Requested(path + ".name", request.name(), request.namespace(), true, cursor, primaryKey));
    }
    List<ValidationError> errors = new SourceStreams(discovered).problems(streams);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("The streams cannot be used: " + errors.stream()
          .map(e -> e.propertyPath() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
    }
  }

  /**
   * The modes a stream can sync in: the source's read modes for it, each with every write mode the destination
   * accepts, where Gale has the pair.
   */
  static List<ConnectionSyncModeEnum> validModes(AirbyteStream stream, List<DestinationSyncMode> destinationModes) {
    List<SyncMode> sourceModes = stream.supportedSyncModes() == null || stream.supportedSyncModes().isEmpty()
        ? List.of(SyncMode.FULL_REFRESH) : stream.supportedSyncModes();
    List<DestinationSyncMode> writeModes = destinationModes.isEmpty() ? Arrays.asList(DestinationSyncMode.values())
        : destinationModes;
    return Arrays.stream(ConnectionSyncModeEnum.values())
        .filter(mode -> mode.runsOnGale() && sourceModes.contains(mode.syncMode())
            && writeModes.contains(mode.destinationSyncMode()))
        .toList();
  }

  /** The selected streams of a stored catalog, as the Public API shows a connection's configurations. */
  static StreamConfigurations configurations(AirbyteCatalog catalog) {
    return new StreamConfigurations(catalog.streams().stream()
        .filter(entry -> entry.config() != null && Boolean.TRUE.equals(entry.config().selected()))
        .map(entry -> {
          AirbyteStreamConfiguration config = entry.config();
          // A pair without a flattened name (a Config API connection's full_refresh + append_dedup) has no syncMode,
          // as in Airbyte's answers.
          return new StreamConfiguration(entry.stream().name(), entry.stream().namespace(),
              ConnectionSyncModeEnum.of(config.syncMode(), config.destinationSyncMode()).orElse(null),
              config.cursorField(), config.primaryKey(),
              Boolean.TRUE.equals(config.fieldSelectionEnabled()) ? config.selectedFields() : null, null);
        })
        .toList());
  }

  /** Airbyte's default, full_refresh_overwrite, where the stream and the destination allow it; else the first valid. */
  private Optional<ConnectionSyncModeEnum> defaultMode(AirbyteStream stream) {
    List<ConnectionSyncModeEnum> valid = validModes(stream, destinationModes);
    return valid.contains(ConnectionSyncModeEnum.FULL_REFRESH_OVERWRITE)
        ? Optional.of(ConnectionSyncModeEnum.FULL_REFRESH_OVERWRITE) : valid.stream().findFirst();
  }

  private AirbyteStreamAndConfiguration configured(AirbyteStreamAndConfiguration entry, StreamConfiguration request,
                                                   AirbyteStreamConfiguration current) {
    AirbyteStream stream = entry.stream();
    ConnectionSyncModeEnum mode = mode(stream, request, current);
    if (request.mappers() != null && !request.mappers().isEmpty()) {
      throw new BadRequestException("Gale does not run Airbyte's mappers (stream %s); leave mappers out".formatted(stream.name()));
    }
    List<String> cursor = chosen("cursorField", stream, stream.sourceDefinedCursor(), stream.defaultCursorField(),
        request.cursorField(), current == null ? null : current.cursorField());
    List<List<String>> primaryKey = chosen("primaryKey", stream,
        stream.sourceDefinedPrimaryKey() != null && !stream.sourceDefinedPrimaryKey().isEmpty(),
        stream.sourceDefinedPrimaryKey(), request.primaryKey(), current == null ? null : current.primaryKey());
    List<SelectedFieldInfo> selectedFields = request.selectedFields() != null ? request.selectedFields()
        : current != null && Boolean.TRUE.equals(current.fieldSelectionEnabled()) ? current.selectedFields() : null;
    if (selectedFields != null && selectedFields.isEmpty()) {
      throw new BadRequestException("No fields selected for stream %s; leave selectedFields out to sync every field"
          .formatted(stream.name()));
    }
    return new AirbyteStreamAndConfiguration(stream, new AirbyteStreamConfiguration(mode.syncMode(), cursor,
        mode.destinationSyncMode(), primaryKey, entry.config().aliasName(), true, entry.config().suggested(),
        selectedFields != null, selectedFields));
  }

  /** The mode asked for, else the stream's present one, else the default; one the stream can sync in. */
  private ConnectionSyncModeEnum mode(AirbyteStream stream, StreamConfiguration request, AirbyteStreamConfiguration current) {
    List<ConnectionSyncModeEnum> valid = validModes(stream, destinationModes);
    ConnectionSyncModeEnum mode = request.syncMode() != null ? request.syncMode()
        : Optional.ofNullable(current).flatMap(c -> ConnectionSyncModeEnum.of(c.syncMode(), c.destinationSyncMode()))
            .or(() -> defaultMode(stream))
            .orElseThrow(() -> new BadRequestException("No sync mode can sync the stream %s to this destination: the stream reads %s, the destination writes %s"
                .formatted(stream.name(), stream.supportedSyncModes(), destinationModes)));
    if (!mode.runsOnGale()) {
      throw new BadRequestException("Gale cannot run the sync mode %s (its destinations have no overwrite_dedup); the stream %s can sync in %s"
          .formatted(wire(mode), stream.name(), wire(valid)));
    }
    if (!valid.contains(mode)) {
      throw new BadRequestException("Cannot set sync mode %s for stream %s. Valid sync modes are: %s"
          .formatted(wire(mode), stream.name(), wire(valid)));
    }
    return mode;
  }

  /** A discovered stream selected in this mode, everything else as the source's defaults have it. */
  private static AirbyteStreamAndConfiguration selectedIn(AirbyteStreamAndConfiguration entry, ConnectionSyncModeEnum mode) {
    AirbyteStreamConfiguration config = entry.config();
    return new AirbyteStreamAndConfiguration(entry.stream(), new AirbyteStreamConfiguration(mode.syncMode(),
        config.cursorField(), mode.destinationSyncMode(), config.primaryKey(), config.aliasName(), true,
        config.suggested(), false, null));
  }

  private static AirbyteStreamAndConfiguration unselected(AirbyteStreamAndConfiguration entry) {
    AirbyteStreamConfiguration c = entry.config();
    return new AirbyteStreamAndConfiguration(entry.stream(), new AirbyteStreamConfiguration(c.syncMode(), c.cursorField(),
        c.destinationSyncMode(), c.primaryKey(), c.aliasName(), false, c.suggested(), false, null));
  }

  /**
   * A cursor or primary key: the source's when it defines one (a request may only repeat it), else the request's,
   * else the stream's present one, else the source's default.
   */
  private static <T> List<T> chosen(String property, AirbyteStream stream, Boolean sourceDefined, List<T> sourceValue,
                                    List<T> requested, List<T> present) {
    boolean given = requested != null && !requested.isEmpty();
    if (Boolean.TRUE.equals(sourceDefined)) {
      if (given && !requested.equals(sourceValue)) {
        throw new BadRequestException("The %s of stream %s is defined by the source as %s; leave %s out or give that value"
            .formatted(property, stream.name(), sourceValue, property));
      }
      return sourceValue;
    }
    if (given) {
      return requested;
    }
    return present != null && !present.isEmpty() ? present : sourceValue == null ? List.of() : sourceValue;
  }

  /** The discovered stream a request names: by name and namespace, or by name alone when that is unambiguous. */
  private AirbyteStreamAndConfiguration find(StreamConfiguration request) {
    List<AirbyteStreamAndConfiguration> matches = discovered.streams().stream()
        .filter(entry -> entry.stream().name().equals(request.name()))
        .filter(entry -> request.namespace() == null || request.namespace().equals(entry.stream().namespace()))
        .toList();
    if (matches.isEmpty()) {
      throw new BadRequestException("Invalid stream found: %s. The list of valid streams include: %s"
          .formatted(request.namespace() == null ? request.name() : request.namespace() + "." + request.name(),
              discovered.streams().stream().map(e -> qualified(descriptor(e.stream()))).toList()));
    }
    if (matches.size() > 1) {
      throw new BadRequestException("The source has a stream %s in several namespaces (%s); give the stream's namespace"
          .formatted(request.name(), matches.stream().map(e -> e.stream().namespace()).toList()));
    }
    return matches.getFirst();
  }

  private static StreamDescriptor descriptor(AirbyteStream stream) {
    return new StreamDescriptor(stream.name(), stream.namespace());
  }

  private static String qualified(StreamDescriptor stream) {
    return stream.namespace() == null ? stream.name() : stream.namespace() + "." + stream.name();
  }

  private static String wire(ConnectionSyncModeEnum mode) {
    return dev.gale.protocol.Json.mapper().convertValue(mode, String.class);
  }

  private static List<String> wire(List<ConnectionSyncModeEnum> modes) {
    return modes.stream().map(StreamSelection::wire).toList();
  }
}
