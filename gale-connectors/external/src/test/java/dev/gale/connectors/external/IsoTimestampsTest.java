package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.data.ValueConversion;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTimestampsTest {

  @ParameterizedTest
  @ValueSource(strings = {"2024-05-01T12:30:00Z", "2024-05-01T12:30:00.5Z", "2024-05-01T12:30:00.123456789Z",
      "2024-05-01T12:30:00.1234567891Z", "2024-05-01T12:30:00.Z", "2024-05-01T12:30:00+02:00",
      "2024-05-01T12:30:00-05:30", "2024-05-01T12:30:00-00:00", "2024-05-01T12:30:00+18:00",
      "2024-05-01T12:30:00+19:00", "2024-05-01T12:30:00+0200", "2024-05-01T12:30:00+02", "2024-05-01T12:30:00",
      "2024-05-01T12:30Z", "2024-05-01 12:30:00Z", "2024-05-01t12:30:00z", " 2024-05-01T12:30:00Z ",
      "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-13-01T00:00:00Z",
      "2024-05-01T24:00:00Z", "2024-05-01T23:60:00Z", "2024-05-01T23:59:60Z", "2024-05-01T12:30:00ZZ",
      "2024-05-01T12:30:00+02:00:00", "2024-05-01T1a:30:00Z", "+2024-05-01T12:30:00Z", "20245-05-01T12:30:00Z",
      "2024-05-01", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00", "not a timestamp at all"})
  void givesWhatValueConversionGives(String text) {
    assertThat(IsoTimestamps.withTimezone(text))
        .isEqualTo(ValueConversion.convert(text, ValueType.TIMESTAMP_WITH_TIMEZONE, Json::write));
  }

  @Test
  void readsTheCommonShapeItself() {
    assertThat(IsoTimestamps.withTimezone("2024-05-01T12:30:07.25-05:30"))
        .isEqualTo(OffsetDateTime.of(2024, 5, 1, 12, 30, 7, 250_000_000, ZoneOffset.ofHoursMinutes(-5, -30)));
  }
}
