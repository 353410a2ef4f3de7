package dev.gale.connectors.declarative.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class IsoDurationTest {

  @Test
  void addsCalendarAndClockParts() {
    OffsetDateTime start = OffsetDateTime.parse("2024-01-31T00:00:00Z");

    assertThat(IsoDuration.parse("P1M").addTo(start)).isEqualTo(OffsetDateTime.parse("2024-02-29T00:00:00Z"));
    assertThat(IsoDuration.parse("P1W").addTo(start)).isEqualTo(OffsetDateTime.parse("2024-02-07T00:00:00Z"));
    assertThat(IsoDuration.parse("P1DT2H").addTo(start)).isEqualTo(OffsetDateTime.parse("2024-02-01T02:00:00Z"));
    assertThat(IsoDuration.parse("PT0.000001S").subtractFrom(start))
        .isEqualTo(OffsetDateTime.parse("2024-01-30T23:59:59.999999Z"));
  }

  @Test
  void refusesWhatIsNotADuration() {
    assertThatThrownBy(() -> IsoDuration.parse("1 day")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> IsoDuration.parse("P")).isInstanceOf(IllegalArgumentException.class);
  }
}
