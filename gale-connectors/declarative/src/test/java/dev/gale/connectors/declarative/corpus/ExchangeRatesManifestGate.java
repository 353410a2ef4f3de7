package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Exchange Rates Data API (apilayer): the latest rates, one record per request, with the key in the {@code apikey}
 * header. The stream is incremental on {@code date} without a step, so a read is one window from the start date (or
 * the state) to now, and the API is asked for {@code latest?date=} its start. What the folder lacks: no primary key,
 * no pagination, no error mapping (a rejected key fails with the default 401); the spec's {@code base} and
 * {@code ignore_weekends} are not used by this manifest.
 */
class ExchangeRatesManifestGate {
  private static final String ACCESS_KEY = "xr-fake-key-61d0c9b8a7";
  private static final String CONFIG = "{\"access_key\":\"%s\",\"start_date\":\"2024-03-01\",\"base\":\"USD\"}"
      .formatted(ACCESS_KEY);
  private static final String LATEST = """
      {"success":true,"timestamp":1710072003,"base":"EUR","date":"2024-03-10",
       "rates":{"USD":1.093872,"GBP":0.851204,"JPY":160.812393,"CHF":0.959531,"BTC":0.000015}}""";

  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-exchange-rates");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  @Test
  void specRequiresTheStartDateAndTheKey() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"start_date\",\"access_key\"]");

    AirbyteConnectionStatus missing = connector.check("{\"start_date\":\"2024-03-01\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("access_key");
    AirbyteConnectionStatus wrongType = connector.check(CONFIG.replace("\"USD\"", "true"));
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("base").doesNotContain(ACCESS_KEY);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedKeyFailsItWithoutShowingTheKey() {
    connector.api().get("/exchangerates_data/latest\\?date=2024-03-01", LATEST);
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);

    try (CorpusConnector rejected = open()) {
      rejected.api().route("GET", "/exchangerates_data/latest\\?date=2024-03-01", 401,
          "{\"message\":\"Invalid authentication credentials\"}", Integer.MAX_VALUE);
      AirbyteConnectionStatus status = rejected.check(CONFIG);
      assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
      assertThat(status.message()).contains("exchange_rates").contains("401").doesNotContain(ACCESS_KEY);
    }
  }

  @Test
  void discoverListsOneIncrementalStreamOnDate() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();

    assertThat(streams).singleElement().satisfies(stream -> {
      assertThat(stream.name()).isEqualTo("exchange_rates");
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
      assertThat(stream.defaultCursorField()).isEqualTo(List.of("date"));
      assertThat(stream.sourceDefinedPrimaryKey()).isNullOrEmpty();
    });
  }

  @Test
  void readsTheLatestRatesFromTheStartDateThenFromTheState() throws Exception {
    connector.api().get("/exchangerates_data/latest\\?date=2024-03-01", LATEST);

    CorpusConnector.Read read = connector.read(CONFIG, List.of());

    assertThat(read.records("exchange_rates")).singleElement().satisfies(record -> {
      assertThat(record).containsEntry("base", "EUR").containsEntry("date", "2024-03-10")
          .containsEntry("success", true).containsEntry("timestamp", 1710072003L);
      // The schema types rates as an object: it is kept as JSON, numbers as numbers.
      JsonNode rates = Json.parse((String) record.get("rates"));
      assertThat(rates.path("USD").doubleValue()).isEqualTo(1.093872);
      assertThat(rates.path("BTC").doubleValue()).isEqualTo(0.000015);
      assertThat(rates.size()).isEqualTo(5);
    });
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.host()).isEqualTo("api.apilayer.com");
      assertThat(request.query()).isEqualTo(Map.of("date", "2024-03-01"));
      assertThat(request.header("apikey")).isEqualTo(ACCESS_KEY);
    });
    assertThat(read.lastState("exchange_rates").toString()).isEqualTo("{\"date\":\"2024-03-10\"}");
    assertThat(read.logs()).noneMatch(line -> line.contains(ACCESS_KEY));
    assertThat(connector.api().unmatched()).isEmpty();

    // The next read asks for the rates of the state's date onwards.
    try (CorpusConnector again = open()) {
      again.api().get("/exchangerates_data/latest\\?date=2024-03-10", LATEST);

      CorpusConnector.Read second = again.read(CONFIG, read.lastStates());

      assertThat(second.records("exchange_rates")).hasSize(1);
      assertThat(again.api().requests()).singleElement()
          .satisfies(request -> assertThat(request.query()).isEqualTo(Map.of("date", "2024-03-10")));
      assertThat(second.lastState("exchange_rates").toString()).isEqualTo("{\"date\":\"2024-03-10\"}");
      assertThat(again.api().unmatched()).isEmpty();
    }
  }
}
