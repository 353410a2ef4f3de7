package dev.gale.connectors.declarative.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.protocol.Json;
import java.util.List;

/**
 * A REST API configuration as a low-code manifest with one stream, and the configuration that manifest runs with.
 *
 * <p>The manifest holds the structure (which paginator, which authenticator, which cursor). A value of the user's that
 * is plain text (no Jinja markup, no line break, no leading {@code #/}, which the interpreter reads as a reference) is
 * written into it as it is: the interpreter reads it as it would read the same text given by a template, without
 * rendering anything per request. Any other value, and every object, lives in {@link #config()} and reaches the
 * manifest through a template such as {@code {{ config['url'] }}}: so no value is read as Jinja or as a reference.
 * The API key is always referenced: it is the one secret the manifest's spec declares, which the interpreter masks
 * wherever it shows a request. The stream's name, its key fields and a datetime format are never templates and are
 * written as they are ({@link RestApiConfig} refuses them with a leading {@code #/}).
 *
 * @param manifest the manifest, for {@link dev.gale.connectors.declarative.DeclarativeSource#load}
 * @param config the configuration to call the loaded source with
 */
record RestManifest(ObjectNode manifest, ObjectNode config) {
  private static final String VERSION = "6.5.2";
  // Cursor values are read in the configured format or in any of these, as APIs write ISO 8601 in many ways.
  private static final List<String> ISO_8601 = List.of("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M:%S.%f%z");

  RestManifest {
    requireNonNull(manifest, "manifest is null");
    requireNonNull(config, "config is null");
  }

  /** The manifest of {@code settings} whose stream has {@code schema} (see {@link StreamSchemas#forTyping}). */
  static RestManifest of(RestApiConfig settings, JsonNode schema) {
    return new Builder(settings).build(schema);
  }

  private static final class Builder {
    private final RestApiConfig settings;
    private final ObjectNode values = Json.object();

    Builder(RestApiConfig settings) {
      this.settings = settings;
    }

    RestManifest build(JsonNode schema) {
      ObjectNode stream = Json.object().put("type", "DeclarativeStream").put("name", settings.streamName());
      if (!settings.primaryKey().isEmpty()) {
        stream.set("primary_key", strings(settings.primaryKey()));
      }
      stream.set("schema_loader", component("InlineSchemaLoader").set("schema", schema.deepCopy()));
      stream.set("retriever", retriever());
      if (settings.incremental() != null) {
        stream.set("incremental_sync", cursor(settings.incremental()));
      }
      ObjectNode manifest = Json.object().put("version", VERSION).put("type", "DeclarativeSource");
      manifest.set("check", component("CheckStream").set("stream_names", strings(List.of(settings.streamName()))));
      manifest.putArray("streams").add(stream);
      ObjectNode specification = Json.object().put("type", "object");
      specification.putObject("properties").putObject("api_key").put("type", "string").put("airbyte_secret", true);
      manifest.set("spec", component("Spec").set("connection_specification", specification));
      return new RestManifest(manifest, values);
    }

    private ObjectNode retriever() {
      ObjectNode extractor = component("DpathExtractor");
      extractor.set("field_path", templates("records_path", settings.recordsPath()));
      ObjectNode selector = component("RecordSelector");
      selector.set("extractor", extractor);
      ObjectNode retriever = component("SimpleRetriever");
      retriever.set("requester", requester());
      retriever.set("record_selector", selector);
      retriever.set("paginator", paginator(settings.pagination()));
      return retriever;
    }

    private ObjectNode requester() {
      ObjectNode requester = component("HttpRequester").put("url", value("url", settings.url()))
          .put("http_method", settings.method());
      requester.set("authenticator", authenticator(settings.apiKey()));
      RequestValues request = settings.request();
      if (!request.params().isEmpty()) {
        requester.put("request_parameters", referenced("params", JsonValues.toNode(request.params())));
      }
      if (!request.headers().isEmpty()) {
        requester.put("request_headers", referenced("headers", JsonValues.toNode(request.headers())));
      }
      if (request.body() != null) {
        requester.put("request_body_json", referenced("body", request.body().deepCopy()));
      }
      return requester;
    }

    private ObjectNode authenticator(ApiKey key) {
      if (key == null) {
        return component("NoAuth");
      }
      String token = referenced("api_key", TextNode.valueOf(key.value()));
      return switch (key.placement()) {
        case BEARER -> component("BearerAuthenticator").put("api_token", token);
        case HEADER -> component("ApiKeyAuthenticator").put("api_token", token)
            .set("inject_into", option("header", "auth_name", key.name()));
        case QUERY_PARAMETER -> component("ApiKeyAuthenticator").put("api_token", token)
            .set("inject_into", option("request_parameter", "auth_name", key.name()));
      };
    }

    private ObjectNode paginator(Pagination pagination) {
      ObjectNode paginator = component("DefaultPaginator");
      ObjectNode strategy;
      switch (pagination) {
        case Pagination.None none -> {
          return component("NoPagination");
        }
        case Pagination.PageNumber pages -> {
          strategy = component("PageIncrement").put("start_from_page", pages.startPage())
              .put("inject_on_first_request", true);
          paginator.set("page_token_option", parameter("page_param", pages.pageParam()));
          pageSize(paginator, strategy, pages.pageSize(), pages.pageSizeParam());
        }
        case Pagination.Offset offsets -> {
          strategy = component("OffsetIncrement").put("inject_on_first_request", true);
          paginator.set("page_token_option", parameter("offset_param", offsets.offsetParam()));
          pageSize(paginator, strategy, offsets.limit(), offsets.limit() == null ? null : offsets.limitParam());
        }
        case Pagination.Cursor cursor -> {
          strategy = component("CursorPagination").put("cursor_value", lookup("response", "cursor_path",
              cursor.cursorPath()));
          paginator.set("page_token_option", cursor.cursorParam() == null ? component("RequestPath")
              : parameter("cursor_param", cursor.cursorParam()));
          pageSize(paginator, strategy, cursor.pageSize(), cursor.pageSizeParam());
        }
        case Pagination.LinkHeader link -> {
          // A missing Link header, or one without rel="next", renders nothing: the last page.
          strategy = component("CursorPagination").put("cursor_value", "{{ headers['link']['next']['url'] }}");
          paginator.set("page_token_option", component("RequestPath"));
          pageSize(paginator, strategy, link.pageSize(), link.pageSizeParam());
        }
      }
      return paginator.set("pagination_strategy", strategy);
    }

    private void pageSize(ObjectNode paginator, ObjectNode strategy, Long size, String param) {
      if (size != null) {
        strategy.put("page_size", size);
      }
      if (param != null) {
        paginator.set("page_size_option", parameter("page_size_param", param));
      }
    }

    private ObjectNode cursor(Incremental incremental) {
      String field = value("cursor_field", incremental.cursorField());
      ObjectNode cursor;
      if (incremental.cursorType() == Incremental.CursorType.INTEGER) {
        cursor = component("IncrementingCountCursor").put("cursor_field", field);
        if (incremental.startValue() != null) {
          cursor.put("start_value", value("start_value", incremental.startValue()));
        }
        // Required for integer cursors by RestApiConfig: nothing else keeps earlier records out.
        cursor.set("start_value_option", parameter("start_param", incremental.startParam()));
        return cursor;
      }
      cursor = component("DatetimeBasedCursor").put("cursor_field", field)
          .put("datetime_format", incremental.datetimeFormat())
          .put("start_datetime", value("start_value", incremental.startValue()));
      cursor.set("cursor_datetime_formats", strings(ISO_8601));
      if (incremental.startParam() != null) {
        cursor.set("start_time_option", parameter("start_param", incremental.startParam()));
      } else {
        cursor.put("is_client_side_incremental", true);
      }
      return cursor;
    }

    /** A query parameter named {@code name}, kept in the configuration under {@code key} if it has to be. */
    private ObjectNode parameter(String key, String name) {
      return option("request_parameter", key, name);
    }

    private ObjectNode option(String injectInto, String key, String name) {
      return component("RequestOption").put("inject_into", injectInto).put("field_name", value(key, name));
    }

    /** {@code value} as the manifest carries it: as written where that is safe, else from the configuration. */
    private String value(String key, String value) {
      return writable(value) ? value : referenced(key, TextNode.valueOf(value));
    }

    /** Puts {@code value} into the configuration under {@code key}; the template that gives it back. */
    private String referenced(String key, JsonNode value) {
      values.set(key, value);
      return "{{ config['" + key + "'] }}";
    }

    /** The items of {@code keys}, each as written where that is safe, else from the configuration's {@code key}. */
    private ArrayNode templates(String key, List<String> keys) {
      ArrayNode templates = Json.mapper().createArrayNode();
      if (!keys.stream().allMatch(Builder::writable)) {
        values.set(key, strings(keys));
      }
      for (int i = 0; i < keys.size(); i++) {
        templates.add(writable(keys.get(i)) ? keys.get(i) : "{{ config['" + key + "'][" + i + "] }}");
      }
      return templates;
    }

    // Text the interpreter reads as it would read the same text rendered from a template.
    private static boolean writable(String value) {
      return !value.contains("{{") && !value.contains("{%") && !value.contains("{#") && !value.contains("\n")
          && !value.contains("\r") && !value.startsWith("#/");
    }

    /** A template looking up {@code path} (kept in the configuration under {@code key}) in {@code variable}. */
    private String lookup(String variable, String key, List<String> path) {
      values.set(key, strings(path));
      StringBuilder template = new StringBuilder("{{ ").append(variable);
      for (int i = 0; i < path.size(); i++) {
        template.append("[config['").append(key).append("'][").append(i).append("]]");
      }
      return template.append(" }}").toString();
    }

    private static ObjectNode component(String type) {
      return Json.object().put("type", type);
    }

    private static ArrayNode strings(List<String> items) {
      ArrayNode array = Json.mapper().createArrayNode();
      items.forEach(array::add);
      return array;
    }
  }
}
