package dev.gale.connectors.declarative;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.connector.Source;
import dev.gale.connector.contract.SourceContract;
import dev.gale.connectors.declarative.testing.ApiServer;
import dev.gale.connectors.declarative.testing.TestSources;
import dev.gale.protocol.Json;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The contract every Gale source keeps, for a manifest over an API in the test JVM: a paginated full-refresh stream
 * and an incremental stream whose API filters by the window the cursor asks for.
 */
class DeclarativeSourceContractTest extends SourceContract {
  private static final String KEY = "contract-key-8675309";
  private static ApiServer api;
  private static DeclarativeSource source;

  private static final String MANIFEST = """
      version: 6.5.2
      type: DeclarativeSource
      check:
        type: CheckStream
        stream_names: [customers]
      definitions:
        requester:
          type: HttpRequester
          url_base: "{{ config['base_url'] }}"
          authenticator:
            type: BearerAuthenticator
            api_token: "{{ config['api_key'] }}"
      streams:
        - type: DeclarativeStream
          name: customers
          primary_key: id
          retriever:
            type: SimpleRetriever
            requester:
              $ref: "#/definitions/requester"
              path: customers
            record_selector:
              type: RecordSelector
              extractor: {type: DpathExtractor, field_path: [data]}
            paginator:
              type: DefaultPaginator
              page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
              pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}
          schema_loader:
            type: InlineSchemaLoader
            schema:
              type: object
              properties:
                id: {type: integer}
                name: {type: string}
        - type: DeclarativeStream
          name: orders
          primary_key: id
          incremental_sync:
            type: DatetimeBasedCursor
            cursor_field: created_at
            datetime_format: "%Y-%m-%dT%H:%M:%SZ"
            start_datetime: "{{ config['start_date'] }}"
            step: P2D
            cursor_granularity: PT1S
            start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: from}
            end_time_option: {type: RequestOption, inject_into: request_parameter, field_name: to}
          retriever:
            type: SimpleRetriever
            requester:
              $ref: "#/definitions/requester"
              path: orders
            record_selector:
              type: RecordSelector
              extractor: {type: DpathExtractor, field_path: []}
          schema_loader:
            type: InlineSchemaLoader
            schema:
              type: object
              properties:
                id: {type: integer}
                created_at: {type: string, format: date-time}
                total: {type: number}
      spec:
        type: Spec
        documentation_url: https://docs.example.com/contract
        connection_specification:
          $schema: http://json-schema.org/draft-07/schema#
          type: object
          required: [api_key, base_url]
          properties:
            api_key: {type: string, airbyte_secret: true}
            base_url: {type: string}
            start_date: {type: string, default: "2024-03-01T00:00:00Z"}
      """;

  @BeforeAll
  static void start() {
    api = new ApiServer();
    api.dispatch(new ContractApi());
    source = TestSources.load(MANIFEST);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  @Override
  protected Source connector() {
    return source;
  }

  @Override
  protected JsonNode validConfig() {
    return Json.object().put("api_key", KEY).put("base_url", api.url()).put("start_date", "2024-03-01T00:00:00Z");
  }

  @Override
  protected JsonNode invalidConfig() {
    return Json.object().put("api_key", "bad-" + KEY);
  }

  @Override
  protected ConnectorRegistry registry() {
    return ConnectorRegistry.of(List.of(source));
  }

  /** Five customers in pages of two; an order every 7 hours from March 1st, filtered by the window asked. */
  private static final class ContractApi extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (!("Bearer " + KEY).equals(request.getHeaders().get("Authorization"))) {
        return new MockResponse.Builder().code(401).body("{\"message\": \"bad key\"}").build();
      }
      String body = switch (request.getUrl().encodedPath()) {
        case "/customers" -> customers(request.getUrl().queryParameter("page"));
        case "/orders" -> orders(request.getUrl().queryParameter("from"), request.getUrl().queryParameter("to"));
        default -> null;
      };
      return body == null ? new MockResponse.Builder().code(404).body("{}").build()
          : new MockResponse.Builder().code(200).body(body).build();
    }

    private static String customers(String page) {
      int number = page == null ? 1 : Integer.parseInt(page);
      List<String> rows = new ArrayList<>();
      for (int id = (number - 1) * 2 + 1; id <= Math.min(number * 2, 5); id++) {
        rows.add("{\"id\": " + id + ", \"name\": \"customer " + id + "\"}");
      }
      return "{\"data\": [" + String.join(",", rows) + "]}";
    }

    private static String orders(String from, String to) {
      OffsetDateTime start = OffsetDateTime.parse(from);
      OffsetDateTime end = OffsetDateTime.parse(to);
      List<String> rows = new ArrayList<>();
      OffsetDateTime at = OffsetDateTime.parse("2024-03-01T00:00:00Z");
      for (int id = 1; at.isBefore(OffsetDateTime.parse("2024-03-10T00:00:00Z")); id++, at = at.plusHours(7)) {
        if (!at.isBefore(start) && !at.isAfter(end)) {
          rows.add("{\"id\": " + id + ", \"created_at\": \"" + at.toInstant() + "\", \"total\": " + id * 1.5 + "}");
        }
      }
      return "[" + String.join(",", rows) + "]";
    }
  }
}
