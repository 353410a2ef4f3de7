package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Brex: six streams paged by {@code next_cursor} (sent back as {@code cursor} until it is null), with the user token
 * as a bearer token. {@code transactions} is incremental on {@code posted_at_date} (a day) from the config's
 * {@code start_date} to now, sending only {@code posted_at_start}, with a day of lookback; {@code expenses} on
 * {@code purchased_at} with {@code purchased_at_start}/{@code purchased_at_end} and a month of lookback; both write
 * their state as {@code %Y-%m-%dT%H:%M:%S}. {@code users}, {@code departments}, {@code vendors} and {@code budgets}
 * are full refresh.
 *
 * <p>What the folder lacks: no error mapping of its own (a rejected token fails by the default mapping of a 401).
 * Every schema but {@code transactions}' declares no properties, so those rows have no columns: their records are
 * asserted as JSON through a test read.
 */
class BrexManifestGate {
  private static final String SECRET = "bxt_FAKE4Jq9wPz0LmT7vRk2Ys";
  private static final String CONFIG = """
      {"user_token":"%s","start_date":"2024-01-01T00:00:00Z"}""".formatted(SECRET);
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-brex");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String transaction(String id, String description, long cents, String posted) {
    return """
        {"id":"%s","card_id":"card_7Hq2","description":"%s","amount":{"amount":%d,"currency":"USD"},
         "initiated_at_date":"2024-03-01","posted_at_date":"%s","type":"PURCHASE",
         "merchant":{"raw_descriptor":"%s","mcc":"5734","country":"USA"}}"""
        .formatted(id, description, cents, posted, description.toUpperCase());
  }

  private void answerFullRefreshStreams() {
    connector.api().get("/v2/users\\?cursor=dXNlcnMy", """
        {"next_cursor":null,"items":[{"id":"cuuser_3","first_name":"Noor","last_name":"Haddad",
          "email":"noor@company.example","status":"INVITED","manager_id":"cuuser_1","department_id":"cudept_2"}]}""");
    connector.api().get("/v2/users", """
        {"next_cursor":"dXNlcnMy","items":[
          {"id":"cuuser_1","first_name":"Ana","last_name":"Diaz","email":"ana@company.example","status":"ACTIVE",
           "manager_id":null,"department_id":"cudept_1"},
          {"id":"cuuser_2","first_name":"Jon","last_name":"Park","email":"jon@company.example","status":"ACTIVE",
           "manager_id":"cuuser_1","department_id":"cudept_1"}]}""");
    connector.api().get("/v2/departments", """
        {"next_cursor":null,"items":[{"id":"cudept_1","name":"Engineering","description":"Builds things"},
                                     {"id":"cudept_2","name":"Finance","description":null}]}""");
    connector.api().get("/v1/vendors", """
        {"next_cursor":null,"items":[{"id":"vendor_9","company_name":"Acme Supplies","email":"ap@acme.example",
          "phone":null,"payment_accounts":[]}]}""");
    connector.api().get("/v2/budgets", """
        {"next_cursor":null,"items":[{"budget_id":"budget_1","account_id":"acct_1","name":"Travel",
          "description":"Team travel","parent_budget_id":null,"owner_user_ids":["cuuser_1"],
          "period_recurrence_type":"MONTHLY","start_date":"2024-01-01","end_date":null,
          "amount":{"amount":500000,"currency":"USD"},"spend_budget_status":"ACTIVE","limit_type":"HARD"}]}""");
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"user_token\",\"start_date\"]");
    AirbyteConnectionStatus noToken = connector.check("{\"start_date\":\"2024-01-01T00:00:00Z\"}");
    assertThat(noToken.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(noToken.message()).contains("user_token");
    AirbyteConnectionStatus dateOnly = connector.check("{\"user_token\":\"" + SECRET
        + "\",\"start_date\":\"2024-01-01\"}");
    assertThat(dateOnly.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(dateOnly.message()).contains("start_date", "must match").doesNotContain(SECRET);
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsAndARejectedTokenFailsWithoutShowingIt() {
    connector.api().route("GET", "/v2/transactions/card/primary\\?.*", 401, "{\"message\":\"Unauthorized\"}", 1);
    connector.api().get("/v2/transactions/card/primary\\?.*", "{\"next_cursor\":null,\"items\":[]}");

    AirbyteConnectionStatus rejected = connector.check(CONFIG);
    assertThat(rejected.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(rejected.message()).contains("transactions", "401").doesNotContain(SECRET);
    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("platform.brexapis.com");
      assertThat(request.header("Authorization")).isEqualTo("Bearer " + SECRET);
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsSixStreamsTwoOfThemIncremental() {
    List<AirbyteStream> streams = connector.discover(CONFIG).streams();
    assertThat(streams).extracting(AirbyteStream::name)
        .containsExactly("transactions", "users", "departments", "vendors", "expenses", "budgets");
    assertThat(streams).extracting(stream -> stream.name() + " " + stream.sourceDefinedPrimaryKey() + " "
        + stream.supportedSyncModes() + " " + stream.defaultCursorField()).containsExactly(
        "transactions [[id]] [full_refresh, incremental] [posted_at_date]",
        "users [[id]] [full_refresh] null",
        "departments [[id]] [full_refresh] null",
        "vendors [[id]] [full_refresh] null",
        "expenses [[id]] [full_refresh, incremental] [purchased_at]",
        "budgets [[budget_id]] [full_refresh] null");
    assertThat(streams.getFirst().supportedSyncModes()).contains(SyncMode.INCREMENTAL);
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void readsTransactionsAcrossPagesThenFromTheLatestDayLessTheLookback() throws Exception {
    connector.api().route("GET", "/v2/transactions/card/primary\\?(?=.*cursor=dHhuMg).*", 200, """
        {"next_cursor":null,"items":[%s]}""".formatted(transaction("tx_3", "Figma", 4_500, "2024-02-20")), 1);
    connector.api().route("GET", "/v2/transactions/card/primary\\?posted_at_start=2024-01-01T00%3A00%3A00", 200, """
        {"next_cursor":"dHhuMg","items":[%s,%s]}""".formatted(transaction("tx_1", "Amazon Web Services", 123_456,
        "2024-03-05"), transaction("tx_2", "Delta Air Lines", 58_210, "2024-03-02")), 1);

    var first = connector.read(CONFIG, List.of(), "transactions");

    assertThat(first.records("transactions")).extracting(tx -> tx.get("id")).containsExactly("tx_1", "tx_2", "tx_3");
    assertThat(first.records("transactions").getFirst()).containsEntry("posted_at_date", "2024-03-05")
        .containsEntry("type", "PURCHASE").containsEntry("card_id", "card_7Hq2")
        .containsEntry("amount", "{\"amount\":123456,\"currency\":\"USD\"}");
    assertThat(connector.api().requests()).extracting(CorpusApi.Request::query).containsExactly(
        Map.of("posted_at_start", "2024-01-01T00:00:00"),
        Map.of("posted_at_start", "2024-01-01T00:00:00", "cursor", "dHhuMg"));
    // The latest posted day, written in the state's format.
    assertThat(first.lastState("transactions")).isEqualTo(Json.parse("{\"posted_at_date\":\"2024-03-05T00:00:00\"}"));

    connector.api().get("/v2/transactions/card/primary\\?.*", "{\"next_cursor\":null,\"items\":[]}");
    connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("transactions"),
        first.lastState("transactions"))), "transactions");
    // A day of lookback before the state.
    assertThat(connector.api().requests().getLast().query())
        .isEqualTo(Map.of("posted_at_start", "2024-03-04T00:00:00"));
    assertThat(first.logs()).noneMatch(line -> line.contains(SECRET));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readsExpensesInAWindowToNowThenFromTheLatestPurchaseLessAMonth() throws Exception {
    connector.api().route("GET", "/v1/expenses/card\\?.*", 200, """
        {"next_cursor":null,"items":[
          {"id":"expense_1","memo":"Team lunch","department_id":"cudept_1","category":"RESTAURANTS",
           "status":"APPROVED","payment_status":"CLEARED","purchased_at":"2024-03-08T10:00:00Z",
           "original_amount":{"amount":4500,"currency":"USD"}},
          {"id":"expense_2","memo":"Conference ticket","department_id":"cudept_2","category":"EDUCATION",
           "status":"SUBMITTED","payment_status":"NOT_STARTED","purchased_at":"2024-02-14T16:45:30.250Z",
           "original_amount":{"amount":89900,"currency":"USD"}}]}""", 2);
    connector.api().get("/v1/expenses/card\\?.*", "{\"next_cursor\":null,\"items\":[]}");

    var first = connector.read(CONFIG, List.of(), "expenses");
    List<JsonNode> expenses = connector.jsonRecords(CONFIG, "expenses");

    assertThat(first.records("expenses")).hasSize(2);
    assertThat(expenses).extracting(expense -> expense.path("memo").asText())
        .containsExactly("Team lunch", "Conference ticket");
    assertThat(expenses.get(1).path("original_amount").path("amount").asLong()).isEqualTo(89_900L);
    assertThat(connector.api().requests()).allSatisfy(request -> assertThat(request.query()).isEqualTo(Map.of(
        "purchased_at_start", "2024-01-01T00:00:00", "purchased_at_end", "2024-03-10T12:00:00")));
    // The latest purchase (the second is read by the other cursor format, with a fraction).
    assertThat(first.lastState("expenses")).isEqualTo(Json.parse("{\"purchased_at\":\"2024-03-08T10:00:00\"}"));

    connector.read(CONFIG, List.of(AirbyteStateMessage.stream(StreamDescriptor.of("expenses"),
        first.lastState("expenses"))), "expenses");
    // A month of lookback before the state.
    assertThat(connector.api().requests().getLast().query()).isEqualTo(Map.of(
        "purchased_at_start", "2024-02-08T10:00:00", "purchased_at_end", "2024-03-10T12:00:00"));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readsTheFullRefreshStreams() throws Exception {
    answerFullRefreshStreams();

    var read = connector.read(CONFIG, List.of(), "users", "departments", "vendors", "budgets");

    assertThat(read.records("users")).hasSize(3);
    assertThat(read.records("departments")).hasSize(2);
    assertThat(read.records("vendors")).hasSize(1);
    assertThat(read.records("budgets")).hasSize(1);
    assertThat(read.states()).isEmpty();
    assertThat(connector.api().requests()).extracting(request -> request.path() + " " + request.query())
        .containsExactly("/v2/users {}", "/v2/users {cursor=dXNlcnMy}", "/v2/departments {}", "/v1/vendors {}",
            "/v2/budgets {}");

    assertThat(connector.jsonRecords(CONFIG, "users")).extracting(user -> user.path("email").asText())
        .containsExactly("ana@company.example", "jon@company.example", "noor@company.example");
    assertThat(connector.jsonRecords(CONFIG, "departments").get(1).path("name").asText()).isEqualTo("Finance");
    assertThat(connector.jsonRecords(CONFIG, "vendors").getFirst().path("company_name").asText())
        .isEqualTo("Acme Supplies");
    JsonNode budget = connector.jsonRecords(CONFIG, "budgets").getFirst();
    assertThat(budget.path("budget_id").asText()).isEqualTo("budget_1");
    assertThat(budget.path("amount").path("amount").asLong()).isEqualTo(500_000L);
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
