package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Open Exchange Rates: one stream, the historical rates of one day ({@code historical/YYYY-MM-DD.json}), the app id
 * and base currency as query parameters. Incremental on the response's epoch {@code timestamp}; the path asks for the
 * configured start date, or for the day of {@code stream_state['timestamp']} once there is a state.
 *
 * <p>What the folder lacks: a state this stream can read back. Its cursor writes the timestamp as text ('%s'), and
 * {@code format_datetime} reads text as ISO 8601, so a second read from the first one's state fails. The connector
 * fails the same way on Airbyte: its metadata pins the CDK 6.31.1, which reads a stream whose path mentions
 * {@code stream_state} on its synchronous path, handing templates the cursor's state, and whose
 * {@code format_datetime} gives such text to dateutil's {@code isoparse} ("ISO time too short"). CDKs from 6.36 on
 * refuse any template that mentions {@code stream_state} (a config error), so there the first read fails too; no CDK
 * re-reads the start day. Gale keeps the pinned CDK's behaviour, which older manifests' templates rely on. One window
 * with no request option, no pagination, no primary key, and no error mapping, so a rejected app id fails the check
 * through the interpreter's default handling of a 401.
 */
class OpenExchangeRatesManifestGate {
  private static final String APP_ID = "fake-oxr-app-id-7b21";
  private static final String CONFIG = "{\"app_id\":\"" + APP_ID + "\",\"start_date\":\"2024-03-01\"}";

  private final CorpusConnector connector = CorpusConnector.open("source-open-exchange-rates");

  OpenExchangeRatesManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String day(long timestamp, String base, double eur) {
    return """
        {"disclaimer":"Usage subject to terms: https://openexchangerates.org/terms",
         "license":"https://openexchangerates.org/license","timestamp":%d,"base":"%s",
         "rates":{"EUR":%s,"GBP":0.7893,"JPY":150.12,"USD":1}}""".formatted(timestamp, base, eur);
  }

  @Test
  void specAndConfigValidation() {
    var spec = connector.source().spec().connectionSpecification();
    assertThat(spec.path("required").toString()).isEqualTo("[\"app_id\",\"start_date\"]");
    assertThat(spec.path("properties").path("base").path("default").asText()).isEqualTo("USD");

    AirbyteConnectionStatus missing = connector.check("{\"app_id\":\"" + APP_ID + "\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("start_date").doesNotContain(APP_ID);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkAsksForTheStartDay() {
    connector.api().get("/api/historical/2024-03-01\\.json\\?app_id=" + APP_ID,
        day(1709337599, "USD", 0.9236));

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.host()).isEqualTo("openexchangerates.org");
      // No base in the config: the spec's default (USD) is not filled in, as in Airbyte, so no base is sent and the
      // API uses its own default, USD.
      assertThat(request.query()).isEqualTo(Map.of("app_id", APP_ID));
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsOnARejectedAppIdWithoutIt() {
    connector.api().route("GET", "/api/historical/.*", 401, """
        {"error":true,"status":401,"message":"invalid_app_id","description":"Invalid App ID provided."}""", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("open_exchange_rates").contains("401").doesNotContain(APP_ID);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();
    assertThat(streams).singleElement().satisfies(stream -> {
      assertThat(stream.name()).isEqualTo("open_exchange_rates");
      assertThat(stream.sourceDefinedPrimaryKey()).isNullOrEmpty();
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
      assertThat(stream.defaultCursorField()).isEqualTo(List.of("timestamp"));
    });
  }

  @Test
  void readsTheStartDayThenCannotReadItsOwnState() throws Exception {
    String euros = "{\"app_id\":\"" + APP_ID + "\",\"start_date\":\"2024-03-01\",\"base\":\"EUR\"}";
    connector.api()
        .get("/api/historical/2024-03-01\\.json\\?app_id=" + APP_ID + "&base=EUR", day(1709337599, "EUR", 1))
        .get("/api/historical/2024-03-08\\.json\\?app_id=" + APP_ID + "&base=EUR", day(1709942399, "EUR", 1));

    var first = connector.read(euros, List.of());

    assertThat(first.records("open_exchange_rates")).singleElement().satisfies(record -> {
      assertThat(record).containsEntry("timestamp", 1709337599L).containsEntry("base", "EUR");
      assertThat((String) record.get("rates")).contains("\"JPY\":150.12");
    });
    // The state is the day's epoch timestamp, as text in the cursor's '%s' format.
    JsonNode state = first.lastState("open_exchange_rates");
    assertThat(state.toString()).isEqualTo("{\"timestamp\":\"1709337599\"}");

    // The path gives that text to format_datetime, which reads text as ISO 8601 (the CDK's str_to_datetime does
    // too), so the second read fails, naming the template and not the app id, as it fails on the CDK the connector
    // pins.
    assertThatThrownBy(() -> connector.read(euros, List.of(AirbyteStateMessage.stream(
        StreamDescriptor.of("open_exchange_rates"), state))))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("format_datetime")
        .hasMessageContaining("ISO 8601").satisfies(e -> assertThat(e.getMessage()).doesNotContain(APP_ID));

    // A state holding the timestamp as a number is one format_datetime reads: the path asks for the state's day.
    var third = connector.read(euros, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("open_exchange_rates"),
        Json.parse("{\"timestamp\":1709856000}"))));
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::path)
        .containsExactly("/api/historical/2024-03-01.json", "/api/historical/2024-03-08.json");
    assertThat(third.lastState("open_exchange_rates").toString()).isEqualTo("{\"timestamp\":\"1709942399\"}");
    assertThat(third.logs()).noneMatch(line -> line.contains(APP_ID));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
