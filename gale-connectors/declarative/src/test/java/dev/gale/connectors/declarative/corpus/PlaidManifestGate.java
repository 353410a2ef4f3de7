package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Plaid: account balances and transactions, both JSON POSTs to the configured environment's host carrying the client
 * id, secret and access token in the body. Balances are flattened (the {@code balances} object's fields lifted, then
 * removed with the account's names and types); transactions are incremental on {@code date} (one window from the
 * start date to now, its bounds in the body) and paged by an offset in the body until an empty page.
 *
 * <p>What the folder lacks: no error mapping, so rejected keys (Plaid answers 400) fail the check through the
 * interpreter's default handling. The transactions paginator has no page size, so only an empty page ends it. Every
 * page is a POST to the same path, so the pages are answered in the order they are asked for and their bodies (the
 * offsets) are asserted.
 */
class PlaidManifestGate {
  private static final String SECRET = "fake-plaid-secret-0c8e";
  private static final String ACCESS_TOKEN = "access-sandbox-fake-9d1f";
  private static final String CONFIG = """
      {"access_token":"%s","api_key":"%s","client_id":"client-5e2","plaid_env":"sandbox","start_date":"2024-01-01"}"""
      .formatted(ACCESS_TOKEN, SECRET);
  private static final String BALANCES = """
      {"accounts":[
        {"account_id":"acc-chk","balances":{"available":1203.5,"current":1210.25,"iso_currency_code":"USD",
          "limit":null,"unofficial_currency_code":null},"mask":"0000","name":"Plaid Checking",
          "official_name":"Plaid Gold Standard 0% Interest Checking","subtype":"checking","type":"depository"},
        {"account_id":"acc-cc","balances":{"available":null,"current":410,"iso_currency_code":"USD","limit":2000,
          "unofficial_currency_code":null},"mask":"3333","name":"Plaid Credit Card","official_name":null,
          "subtype":"credit card","type":"credit"}],
       "item":{"item_id":"item-1","institution_id":"ins_109508"},"request_id":"req-bal-1"}""";

  private final CorpusConnector connector = CorpusConnector.open("source-plaid");

  PlaidManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String transaction(String id, String date, double amount, String name) {
    return """
        {"transaction_id":"%s","account_id":"acc-chk","amount":%s,"iso_currency_code":"USD","date":"%s",
         "authorized_date":"%s","name":"%s","merchant_name":"%s","payment_channel":"in store","pending":false,
         "category":["Food and Drink","Restaurants"],"category_id":"13005000","transaction_type":"place",
         "location":{"city":"San Francisco","region":"CA","country":"US"}}"""
        .formatted(id, amount, date, date, name, name);
  }

  private static String transactions(String... items) {
    return "{\"accounts\":[],\"transactions\":[" + String.join(",", items) + "],\"total_transactions\":3,"
        + "\"item\":{\"item_id\":\"item-1\"},\"request_id\":\"req-tx\"}";
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"access_token\",\"api_key\",\"client_id\",\"plaid_env\"]");

    AirbyteConnectionStatus missing = connector.check("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"api_key\":\""
        + SECRET + "\",\"plaid_env\":\"sandbox\"}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("client_id").doesNotContain(SECRET).doesNotContain(ACCESS_TOKEN);
    AirbyteConnectionStatus badEnvironment = connector.check(CONFIG.replace("sandbox", "staging"));
    assertThat(badEnvironment.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(badEnvironment.message()).contains("plaid_env");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkPostsTheCredentialsForBalances() {
    connector.api().post("/accounts/balance/get", BALANCES);

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.method()).isEqualTo("POST");
      assertThat(request.host()).isEqualTo("sandbox.plaid.com");
      assertThat(request.header("Content-Type")).startsWith("application/json");
      assertThat(Json.parse(request.body())).isEqualTo(Json.parse("""
          {"secret":"%s","options":{"min_last_updated_datetime":"2024-01-01T00:00:00Z"},"client_id":"client-5e2",
           "access_token":"%s"}""".formatted(SECRET, ACCESS_TOKEN)));
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsOnRejectedKeysWithoutThem() {
    connector.api().route("POST", "/accounts/balance/get", 400, """
        {"display_message":null,"error_code":"INVALID_API_KEYS","error_message":"invalid client_id or secret provided",
         "error_type":"INVALID_INPUT","request_id":"req-err"}""", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("balance").contains("400").doesNotContain(SECRET)
        .doesNotContain(ACCESS_TOKEN);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    Map<String, AirbyteStream> streams = connector.discover(CONFIG).streams().stream()
        .collect(Collectors.toMap(AirbyteStream::name, stream -> stream));
    assertThat(streams).containsOnlyKeys("balance", "transaction");
    assertThat(streams.get("balance").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("account_id")));
    assertThat(streams.get("balance").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(streams.get("transaction").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("transaction_id")));
    assertThat(streams.get("transaction").supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH,
        SyncMode.INCREMENTAL);
    assertThat(streams.get("transaction").defaultCursorField()).isEqualTo(List.of("date"));
  }

  @Test
  void readBalancesFlattened() throws Exception {
    connector.api().post("/accounts/balance/get", BALANCES);

    var read = connector.read(CONFIG, List.of(), "balance");

    assertThat(read.records("balance")).hasSize(2);
    assertThat(read.records("balance").getFirst()).containsEntry("account_id", "acc-chk")
        .containsEntry("available", 1203.5).containsEntry("current", 1210.25).containsEntry("iso_currency_code", "USD")
        .containsEntry("limit", null);
    assertThat(read.records("balance").get(1)).containsEntry("available", null).containsEntry("limit", 2000.0);
    // As JSON: the lifted fields stay, the balances object and the account's names and types are gone.
    JsonNode account = connector.jsonRecords(CONFIG, "balance").getFirst();
    assertThat(account.has("balances")).isFalse();
    assertThat(account.has("mask") || account.has("name") || account.has("official_name") || account.has("subtype")
        || account.has("type")).isFalse();
    assertThat(account.path("current").asDouble()).isEqualTo(1210.25);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readTransactionsByOffsetThenFromTheState() throws Exception {
    // Answered in order: two transactions, one more, then none.
    connector.api()
        .route("POST", "/transactions/get", 200, transactions(transaction("tx-1", "2024-02-02", 12.5, "Blue Bottle"),
            transaction("tx-2", "2024-03-08", 89.99, "Whole Foods")), 1)
        .route("POST", "/transactions/get", 200, transactions(transaction("tx-3", "2024-01-15", 4.2, "Muni")), 1)
        .route("POST", "/transactions/get", 200, transactions(), 1);

    var first = connector.read(CONFIG, List.of(), "transaction");

    assertThat(first.records("transaction")).extracting(record -> record.get("transaction_id"))
        .containsExactly("tx-1", "tx-2", "tx-3");
    assertThat(first.records("transaction").get(1)).containsEntry("amount", 89.99).containsEntry("pending", false)
        .containsEntry("merchant_name", "Whole Foods").containsEntry("date", "2024-03-08");
    List<JsonNode> bodies = connector.api().requests().stream().map(request -> Json.parse(request.body())).toList();
    // The window's bounds go in the body; the offset is the records read so far. On the first page it renders to
    // nothing and is left out, as the CDK leaves out a body value that is None.
    assertThat(bodies).allSatisfy(body -> {
      assertThat(body.path("start_date").asText()).isEqualTo("2024-01-01");
      assertThat(body.path("end_date").asText()).isEqualTo("2024-03-10");
      assertThat(body.path("secret").asText()).isEqualTo(SECRET);
      assertThat(body.path("access_token").asText()).isEqualTo(ACCESS_TOKEN);
    });
    assertThat(bodies).extracting(body -> body.path("options").toString())
        .containsExactly("{}", "{\"offset\":2}", "{\"offset\":3}");
    JsonNode state = first.lastState("transaction");
    assertThat(state.toString()).isEqualTo("{\"date\":\"2024-03-08\"}");

    connector.api().route("POST", "/transactions/get", 200, transactions(), 1);
    var second = connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("transaction"),
        state)), "transaction");
    JsonNode resumed = Json.parse(connector.api().requests().getLast().body());
    assertThat(resumed.path("start_date").asText()).isEqualTo("2024-03-08");
    assertThat(resumed.path("end_date").asText()).isEqualTo("2024-03-10");
    assertThat(second.records("transaction")).isEmpty();
    assertThat(second.lastState("transaction")).isEqualTo(state);
    assertThat(first.logs()).noneMatch(line -> line.contains(SECRET) || line.contains(ACCESS_TOKEN));
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
