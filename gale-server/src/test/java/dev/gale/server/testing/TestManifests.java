package dev.gale.server.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.declarative.Manifests;
import dev.gale.protocol.Json;

/**
 * Declarative manifests for {@link TestingItemsApi}: one incremental stream {@code items}, paged two at a time, with
 * the API key (a secret) in a header and a field {@code source} added to every record.
 */
public final class TestManifests {
  private TestManifests() {}

  /**
   * @param path the API path the stream reads ({@code /items} or {@code /v2/items})
   * @param source the value {@code AddFields} gives every record's {@code source}
   */
  public static ObjectNode items(String path, String source) {
    return parse(yaml(path, source, ""));
  }

  /** A manifest's YAML as a JSON object, as a client sends it (and as it reads back). */
  public static ObjectNode parse(String yaml) {
    return (ObjectNode) Json.parse(Json.write(Manifests.parse(yaml)));
  }

  /** As {@link #items}, with another stream of the same items, {@code recent_items}, for a manifest that grows. */
  public static ObjectNode itemsAndRecent(String path, String source) {
    return parse(yaml(path, source, """
          - type: DeclarativeStream
            name: recent_items
            primary_key: [id]
            retriever:
              type: SimpleRetriever
              requester: {$ref: "#/definitions/requester"}
              record_selector:
                type: RecordSelector
                extractor: {type: DpathExtractor, field_path: [data]}
            schema_loader:
              type: InlineSchemaLoader
              schema: {type: object, properties: {id: {type: integer}, name: {type: string}}}
        """));
  }

  public static String yaml(String path, String source, String moreStreams) {
    return """
        version: 6.33.0
        type: DeclarativeSource
        check:
          type: CheckStream
          stream_names: [items]
        definitions:
          requester:
            type: HttpRequester
            url_base: "{{ config['base_url'] }}"
            path: "%s"
            http_method: GET
            authenticator:
              type: ApiKeyAuthenticator
              api_token: "{{ config['api_key'] }}"
              inject_into:
                type: RequestOption
                inject_into: header
                field_name: X-Api-Key
        streams:
          - type: DeclarativeStream
            name: items
            primary_key: [id]
            retriever:
              type: SimpleRetriever
              requester: {$ref: "#/definitions/requester"}
              record_selector:
                type: RecordSelector
                extractor: {type: DpathExtractor, field_path: [data]}
              paginator:
                type: DefaultPaginator
                page_token_option: {type: RequestOption, inject_into: request_parameter, field_name: page}
                page_size_option: {type: RequestOption, inject_into: request_parameter, field_name: per_page}
                pagination_strategy: {type: PageIncrement, page_size: 2, start_from_page: 1}
            incremental_sync:
              type: DatetimeBasedCursor
              cursor_field: updated_at
              datetime_format: "%%Y-%%m-%%dT%%H:%%M:%%SZ"
              start_datetime: "{{ config['start_date'] }}"
              start_time_option: {type: RequestOption, inject_into: request_parameter, field_name: since}
            transformations:
              - type: AddFields
                fields:
                  - path: [source]
                    value: "%s"
            schema_loader:
              type: InlineSchemaLoader
              schema:
                type: object
                properties:
                  id: {type: integer}
                  name: {type: string}
                  updated_at: {type: string, format: date-time}
                  source: {type: string}
        %s
        spec:
          type: Spec
          documentation_url: https://example.com/docs/items
          connection_specification:
            type: object
            required: [base_url, api_key, start_date]
            properties:
              base_url: {type: string}
              api_key: {type: string, airbyte_secret: true}
              start_date: {type: string}
        """.formatted(path, source, moreStreams);
  }
}
