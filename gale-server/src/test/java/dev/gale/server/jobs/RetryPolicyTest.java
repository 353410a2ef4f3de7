package dev.gale.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.server.jobs.RetryPolicy.Decision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy airbyte = RetryPolicy.airbyteDefaults();

  @Test
  void completeFailuresBackOffTenThirtyNinetySecondsAndStopAfterFiveInARow() {
    List<Duration> delays = new ArrayList<>();
    List<Boolean> history = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      history.add(false);
      Decision decision = airbyte.afterFailures(history);
      assertThat(decision.retry()).isTrue();
      delays.add(decision.delay());
    }
    history.add(false);

    assertThat(delays).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(90),
        Duration.ofSeconds(270));
    assertThat(airbyte.afterFailures(history).retry()).isFalse();
    assertThat(airbyte.afterFailures(history).reason()).contains("5 complete failures in a row");
  }

  @Test
  void theBackoffNeverExceedsItsMaximum() {
    RetryPolicy patient = airbyte.withCompleteFailureLimits(50, 50);

    assertThat(patient.afterFailures(Collections.nCopies(20, false)).delay()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aPartialFailureRetriesAtOnceAndResetsTheRunOfCompleteOnes() {
    Decision afterPartial = airbyte.afterFailures(List.of(false, false, true));
    Decision completeAgain = airbyte.afterFailures(List.of(false, false, false, false, true, false));

    assertThat(afterPartial.retry()).isTrue();
    assertThat(afterPartial.delay()).isZero();
    assertThat(completeAgain.retry()).isTrue();
    assertThat(completeAgain.delay()).as("the first complete failure of a new run").isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void totalLimitsCountEveryFailureOfTheKind() {
    List<Boolean> tenComplete = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      tenComplete.addAll(List.of(false, false, true));
    }
    List<Boolean> twentyPartial = Collections.nCopies(20, true);

    assertThat(airbyte.afterFailures(tenComplete.subList(0, 13)).retry()).as("9 complete failures so far").isTrue();
    assertThat(airbyte.afterFailures(withLast(tenComplete.subList(0, 13), false)).retry()).isFalse();
    assertThat(airbyte.afterFailures(twentyPartial.subList(0, 19)).retry()).isTrue();
    assertThat(airbyte.afterFailures(twentyPartial).retry()).isFalse();
  }

  @Test
  void limitsAndBackoffsMustMakeSense() {
    assertThatThrownBy(() -> airbyte.withCompleteFailureLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> airbyte.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> airbyte.afterFailures(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  private static List<Boolean> withLast(List<Boolean> history, boolean partial) {
    List<Boolean> longer = new ArrayList<>(history);
    longer.add(partial);
    return longer;
  }
}
