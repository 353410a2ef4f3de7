package dev.gale.connectors.declarative.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Source;
import dev.gale.connector.contract.SourceContract;
import dev.gale.connectors.declarative.testing.ApiServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract every Gale source keeps, for the REST API source over an API in the test JVM: 25 customers in pages of
 * ten behind a bearer token, read incrementally by their update time, which the API filters by.
 */
class RestApiSourceContractTest extends SourceContract {
  private static final String KEY = "contract-key-31415926";
  private static final Instant FIRST_UPDATE = Instant.parse("2024-01-01T01:00:00Z");
  private static ApiServer api;

  @BeforeAll
  static void start() {
    api = new ApiServer();
    api.dispatch(new CustomersApi());
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Override
  protected Source connector() {
    return RestApiTests.SOURCE;
  }

  @Override
  protected JsonNode validConfig() {
    return RestApiTests.config(api, "/v1/customers", """
        {"api_key": "%s", "records_path": "data", "primary_key": "id",
         "pagination": {"pagination_type": "page_number", "page_size": 10, "page_size_param": "per_page"},
         "incremental": {"cursor_field": "updated_at", "start_value": "2024-01-01T00:00:00Z",
                         "start_param": "updated_since"}}
        """.formatted(KEY));
  }

  @Override
  protected JsonNode invalidConfig() {
    return RestApiTests.config(api, "/v1/customers", "{\"api_key\": \"wrong-" + KEY + "\"}");
  }

  /** Customers updated an hour apart; {@code updated_since} keeps those updated then or later. */
  private static final class CustomersApi extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (!("Bearer " + KEY).equals(request.getHeaders().get("Authorization"))) {
        return new MockResponse.Builder().code(401).body("{\"error\": \"unknown key\"}").build();
      }
      if (!request.getUrl().encodedPath().equals("/v1/customers")) {
        return new MockResponse.Builder().code(404).body("{}").build();
      }
      String since = request.getUrl().queryParameter("updated_since");
      Instant from = since == null ? Instant.MIN : Instant.parse(since);
      List<String> matching = new ArrayList<>();
      for (int id = 1; id <= 25; id++) {
        Instant updated = FIRST_UPDATE.plusSeconds(3600L * (id - 1));
        if (!updated.isBefore(from)) {
          matching.add("{\"id\": %d, \"name\": \"customer %d\", \"updated_at\": \"%s\", \"score\": %s,"
              .formatted(id, id, updated, id * 1.5) + " \"tags\": [\"t%d\"], \"address\": {\"zip\": \"%05d\"}}"
              .formatted(id, id));
        }
      }
      int page = Integer.parseInt(request.getUrl().queryParameter("page"));
      int size = Integer.parseInt(request.getUrl().queryParameter("per_page"));
      List<String> rows = matching.subList(Math.min((page - 1) * size, matching.size()),
          Math.min(page * size, matching.size()));
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"data\": [" + String.join(", ", rows) + "]}").build();
    }
  }
}
