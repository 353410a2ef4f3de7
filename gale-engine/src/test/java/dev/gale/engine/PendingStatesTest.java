package dev.gale.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.engine.PendingStates.Pending;
import dev.gale.engine.SyncStats.Counts;
import dev.gale.protocol.AirbyteGlobalState;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PendingStatesTest {
  private static final StreamDescriptor A = StreamDescriptor.of("a");
  private static final StreamDescriptor B = StreamDescriptor.of("b");

  @Test
  void aLaterStateOfAStreamReplacesItsEarlierOneAndTakesItsPlaceInEmissionOrder() {
    PendingStates pending = new PendingStates();
    pending.add(ScriptedSource.state(A, 1), Map.of(A, new Counts(1, 10)));
    pending.add(ScriptedSource.state(B, 1), Map.of(B, new Counts(1, 10)));
    pending.add(ScriptedSource.state(A, 2), Map.of(A, new Counts(2, 20)));

    List<Pending> drained = pending.drain();

    assertThat(drained).extracting(Pending::state)
        .containsExactly(ScriptedSource.state(B, 1), ScriptedSource.state(A, 2));
    assertThat(drained.get(1).covered()).isEqualTo(Map.of(A, new Counts(2, 20)));
    assertThat(pending.isEmpty()).isTrue();
  }

  @Test
  void globalStatesReplaceEachOtherButNotStreamStates() {
    PendingStates pending = new PendingStates();
    AirbyteStateMessage global1 = global(1);
    AirbyteStateMessage global2 = global(2);
    pending.add(global1, Map.of());
    pending.add(ScriptedSource.state(A, 5), Map.of());
    pending.add(global2, Map.of());

    assertThat(pending.drain()).extracting(Pending::state).containsExactly(ScriptedSource.state(A, 5), global2);
  }

  private static AirbyteStateMessage global(long position) {
    return new AirbyteStateMessage(AirbyteStateType.GLOBAL, null,
        new AirbyteGlobalState(Json.object().put("lsn", position), List.of()), null, null, null);
  }
}
