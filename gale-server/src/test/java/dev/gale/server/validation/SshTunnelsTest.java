package dev.gale.server.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.gale.protocol.Json;
import dev.gale.server.http.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SshTunnelsTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"host\":\"db\"}",
      "{\"tunnel_method\":null}",
      "{\"tunnel_method\":{\"tunnel_method\":\"NO_TUNNEL\"}}"})
  void aDirectConnectionPasses(String config) {
    assertThatNoException().isThrownBy(() -> SshTunnels.requireNoTunnel(Json.parse(config), "configuration"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"tunnel_method\":{\"tunnel_method\":\"SSH_PASSWORD_AUTH\",\"tunnel_user_password\":\"tp-secret\"}}",
      "{\"tunnel_method\":{\"tunnel_method\":\"SSH_KEY_AUTH\",\"ssh_key\":\"tp-secret\"}}",
      "{\"tunnel_method\":{\"ssh_key\":\"tp-secret\"}}",
      "{\"tunnel_method\":{\"tunnel_method\":\"no_tunnel\",\"ssh_key\":\"tp-secret\"}}",
      "{\"tunnel_method\":\"tp-secret\"}"})
  void anyTunnelIsRefusedNamingTheFieldAndNoValue(String config) {
    assertThatThrownBy(() -> SshTunnels.requireNoTunnel(Json.parse(config), "connectionConfiguration"))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.propertyPath()).isEqualTo("connectionConfiguration.tunnel_method");
            assertThat(error.invalidValue()).isNull();
            assertThat(error.message()).contains("NO_TUNNEL").doesNotContain("tp-secret");
          });
          assertThat(e.getMessage()).startsWith("connectionConfiguration.tunnel_method: ").doesNotContain("tp-secret");
        });
  }
}
