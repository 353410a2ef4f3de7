package dev.gale.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerSettingsTest {
  @Test
  void theShutdownGraceIsThirtySecondsUnlessTheEnvironmentSaysOtherwise() {
    assertThat(WorkerSettings.fromEnvironment(Map.of()).shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(WorkerSettings.fromEnvironment(Map.of("GALE_SHUTDOWN_GRACE", " 5 ")).shutdownGrace())
        .isEqualTo(Duration.ofSeconds(5));
    assertThat(WorkerSettings.fromEnvironment(Map.of("GALE_SHUTDOWN_GRACE", "0")).shutdownGrace()).isZero();
    WorkerSettings both = WorkerSettings.fromEnvironment(Map.of("GALE_SHUTDOWN_GRACE", "90", "GALE_WORKERS", "2"));
    assertThat(both.shutdownGrace()).isEqualTo(Duration.ofSeconds(90));
    assertThat(both.workers()).isEqualTo(2);
  }

  @Test
  void aShutdownGraceThatIsNoWholeNumberOfSecondsUpToAnHourIsRefused() {
    for (String bad : new String[] {"-1", "3601", "30s", "1.5", "99999999999999999999"}) {
      assertThatThrownBy(() -> WorkerSettings.fromEnvironment(Map.of("GALE_SHUTDOWN_GRACE", bad)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("GALE_SHUTDOWN_GRACE must be a whole number of seconds from 0 to 3600, not '" + bad + "'");
    }
  }
}
