package dev.gale.engine;

import dev.gale.engine.SyncStats.Counts;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkpoints that arrived since the last flush, waiting to be committed after the next one, each with the counts
 * it covers. A checkpoint replaces an earlier pending one of the same stream (or the earlier global or legacy one):
 * both would be committed after the same flush, and the later state includes the earlier. This keeps the list as
 * short as the number of streams however often a source checkpoints, and spares the listener a write per
 * superseded state. What remains keeps the order in which the source emitted it. Used by one thread.
 */
final class PendingStates {
  record Pending(AirbyteStateMessage state, Map<StreamDescriptor, Counts> covered) {}

  private final LinkedHashMap<Object, Pending> byKey = new LinkedHashMap<>();

  void add(AirbyteStateMessage state, Map<StreamDescriptor, Counts> covered) {
    Object key = state.type() == AirbyteStateType.STREAM ? state.stream().streamDescriptor() : state.type();
    // Removing first moves a replaced key to the end, where its latest state belongs in emission order.
    byKey.remove(key);
    byKey.put(key, new Pending(state, Map.copyOf(covered)));
  }

  boolean isEmpty() {
    return byKey.isEmpty();
  }

  /** The pending checkpoints in emission order; the list is empty afterwards. */
  List<Pending> drain() {
    List<Pending> pending = new ArrayList<>(byKey.values());
    byKey.clear();
    return pending;
  }
}
