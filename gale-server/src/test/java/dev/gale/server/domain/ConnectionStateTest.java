package dev.gale.server.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionStateTest {
  private static final StreamState USERS = new StreamState(StreamDescriptor.of("users"), Json.parse("{\"c\":1}"));

  @Test
  void factoriesBuildTheThreeShapes() {
    assertThat(ConnectionState.legacy(Json.parse("{}")).type()).isEqualTo(StateType.LEGACY);
    assertThat(ConnectionState.stream(List.of(USERS)).streamStates()).containsExactly(USERS);
    ConnectionState global = ConnectionState.global(Json.parse("{\"lsn\":1}"), List.of(USERS));
    assertThat(global.sharedState()).isEqualTo(Json.parse("{\"lsn\":1}"));
    assertThat(global.legacyState()).isNull();
  }

  @Test
  void fieldsOfAnotherShapeAreRejected() {
    assertThatThrownBy(() -> new ConnectionState(StateType.LEGACY, Json.parse("{}"), null, List.of(USERS)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConnectionState(StateType.STREAM, null, Json.parse("{}"), List.of(USERS)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ConnectionState(StateType.GLOBAL, Json.parse("{}"), null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConnectionState.legacy(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void notSetIsNotAState() {
    assertThatThrownBy(() -> new ConnectionState(StateType.NOT_SET, null, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStreamMayAppearOnlyOnceButNamespacesTellStreamsApart() {
    StreamState again = new StreamState(StreamDescriptor.of("users"), Json.parse("{\"c\":2}"));
    StreamState otherNamespace = new StreamState(new StreamDescriptor("users", ""), Json.parse("{\"c\":3}"));

    assertThatThrownBy(() -> ConnectionState.stream(List.of(USERS, again)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ConnectionState.stream(List.of(USERS, otherNamespace)).streamStates()).hasSize(2);
  }
}
