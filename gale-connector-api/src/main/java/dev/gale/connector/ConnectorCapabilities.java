package dev.gale.connector;

import static java.util.Objects.requireNonNull;

import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.SyncMode;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a connector supports, declared as a value so that callers ask this record instead of probing the connector's
 * type. Sets keep the order they were declared in, which is the order clients are shown.
 *
 * @param syncModes how a source can read its streams; empty for destinations
 * @param destinationSyncModes how a destination can write; empty for sources
 */
public record ConnectorCapabilities(Set<SyncMode> syncModes, Set<DestinationSyncMode> destinationSyncModes) {

  public ConnectorCapabilities {
    syncModes = orderedCopy(requireNonNull(syncModes, "syncModes is null"));
    destinationSyncModes = orderedCopy(requireNonNull(destinationSyncModes, "destinationSyncModes is null"));
  }

  public static ConnectorCapabilities source(SyncMode... syncModes) {
    return new ConnectorCapabilities(new LinkedHashSet<>(List.of(syncModes)), Set.of());
  }

  public static ConnectorCapabilities destination(DestinationSyncMode... destinationSyncModes) {
    return new ConnectorCapabilities(Set.of(), new LinkedHashSet<>(List.of(destinationSyncModes)));
  }

  public boolean supports(SyncMode mode) {
    return syncModes.contains(mode);
  }

  public boolean supports(DestinationSyncMode mode) {
    return destinationSyncModes.contains(mode);
  }

  private static <T> Set<T> orderedCopy(Set<T> values) {
    return Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }
}
