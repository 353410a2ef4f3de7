package dev.gale.connectors.declarative.testing;

/** Small manifests for tests: one stream named {@code items} around a body written in YAML. */
public final class TestManifests {
  private TestManifests() {}

  /**
   * A manifest whose only stream has {@code body} (YAML written from column 0: {@code retriever:},
   * {@code incremental_sync:}...), a schema with {@code id}, and a spec with {@code base_url} and the secret
   * {@code api_key}.
   */
  public static String stream(String body) {
    return stream(body, "");
  }

  /** As {@link #stream(String)}, with more spec properties (YAML from column 0). */
  public static String stream(String body, String specProperties) {
    return """
        version: 6.0.0
        type: DeclarativeSource
        check:
          type: CheckStream
          stream_names: [items]
        streams:
          - type: DeclarativeStream
            name: items
            primary_key: id
            schema_loader:
              type: InlineSchemaLoader
              schema:
                type: object
                properties:
                  id: {type: integer}
        %s
        spec:
          type: Spec
          connection_specification:
            type: object
            properties:
              base_url: {type: string}
              api_key: {type: string, airbyte_secret: true}
        %s
        """.formatted(body.indent(4).stripTrailing(), specProperties.indent(6).stripTrailing());
  }

  /** A requester block (YAML from column 0, under {@code requester:}) for {@code path}. */
  public static String requester(String path) {
    return """
        type: HttpRequester
        url_base: "{{ config['base_url'] }}"
        path: %s
        """.formatted(path);
  }
}
