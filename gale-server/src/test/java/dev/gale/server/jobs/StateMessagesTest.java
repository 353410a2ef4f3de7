package dev.gale.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.Json;
import dev.gale.server.domain.ConnectionState;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.domain.StreamState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StateMessagesTest {
  private static final StreamState USERS = new StreamState(new StreamDescriptor("users", "crm"), Json.parse("{\"id\": 7}"));
  private static final StreamState ORDERS = new StreamState(StreamDescriptor.of("orders"), Json.parse("{\"at\": \"x\"}"));

  @Test
  void aStreamStateResumesAsOneMessagePerStreamAndEachMessageMergesItsStream() {
    List<AirbyteStateMessage> messages = StateMessages.of(ConnectionState.stream(List.of(USERS, ORDERS)));

    assertThat(messages).hasSize(2).allMatch(StateMessages::mergesIntoStored);
    assertThat(messages.getFirst().stream().streamDescriptor().namespace()).isEqualTo("crm");
    assertThat(StateMessages.toStored(messages.getFirst())).isEqualTo(ConnectionState.stream(List.of(USERS)));
  }

  @Test
  void globalAndLegacyStatesTravelWholeAndReplaceTheStoredOne() {
    ConnectionState global = ConnectionState.global(Json.parse("{\"lsn\": 42}"), List.of(USERS, ORDERS));
    ConnectionState legacy = ConnectionState.legacy(Json.parse("{\"users\": {\"cursor\": 1}}"));

    AirbyteStateMessage globalMessage = StateMessages.of(global).getFirst();
    AirbyteStateMessage legacyMessage = StateMessages.of(legacy).getFirst();

    assertThat(globalMessage.type()).isEqualTo(AirbyteStateType.GLOBAL);
    assertThat(StateMessages.mergesIntoStored(globalMessage)).isFalse();
    assertThat(StateMessages.toStored(globalMessage)).isEqualTo(global);
    assertThat(legacyMessage.type()).isEqualTo(AirbyteStateType.LEGACY);
    assertThat(StateMessages.toStored(legacyMessage)).isEqualTo(legacy);
  }
}
