package dev.gale.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpLimitsTest {
  @Test
  void anEmptyEnvironmentGivesTheDefaults() {
    assertThat(HttpLimits.fromEnvironment(Map.of())).isEqualTo(HttpLimits.DEFAULT);
    assertThat(HttpLimits.fromEnvironment(Map.of("GALE_HTTP_REQUEST_TIMEOUT", " "))).isEqualTo(HttpLimits.DEFAULT);
  }

  @Test
  void theEnvironmentSetsTimeoutsAndTheConnectionCap() {
    HttpLimits limits = HttpLimits.fromEnvironment(Map.of("GALE_HTTP_REQUEST_TIMEOUT", "5",
        "GALE_HTTP_IDLE_TIMEOUT", " 7 ", "GALE_HTTP_MAX_CONNECTIONS", "50"));

    assertThat(limits.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(limits.idleTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(limits.maxConnections()).isEqualTo(50);
    assertThat(limits.maxBodyBytes()).isEqualTo(HttpLimits.DEFAULT_MAX_BODY_BYTES);
  }

  @Test
  void valuesThatAreNotPositiveWholeNumbersAreRefusedByName() {
    assertThatThrownBy(() -> HttpLimits.fromEnvironment(Map.of("GALE_HTTP_IDLE_TIMEOUT", "1.5")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GALE_HTTP_IDLE_TIMEOUT");
    assertThatThrownBy(() -> HttpLimits.fromEnvironment(Map.of("GALE_HTTP_MAX_CONNECTIONS", "0")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GALE_HTTP_MAX_CONNECTIONS");
    assertThatThrownBy(() -> HttpLimits.DEFAULT.withMaxHeaderBytes(100))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1024 bytes");
  }
}
