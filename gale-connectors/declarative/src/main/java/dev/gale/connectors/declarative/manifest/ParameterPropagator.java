package dev.gale.connectors.declarative.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second step of loading, after references: walks the component tree as Airbyte's CDK does, giving components
 * without a {@code type} the one their position implies (a {@code retriever} is a {@code SimpleRetriever}), and
 * handing {@code $parameters} down. A component's own {@code $parameters} win over its parent's; every parameter
 * also fills the component's field of the same name when that field is absent or empty (Python's falsy), which is
 * how {@code name}, {@code path} or {@code primary_key} given once on a stream reach its requester. Each component
 * keeps the merged parameters under {@code $parameters} for its templates' {@code parameters}.
 *
 * <p>One deliberate difference: fields the catalogue knows hold data rather than components (a JSON schema, a request
 * body) are not descended into, so a {@code type} key in an API's request body is never mistaken for a component.
 */
final class ParameterPropagator {
  static final String PARAMETERS = "$parameters";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  // The type a component gets from the field holding it, when it has none: "<parent type>.<field>".
  private static final Map<String, String> DEFAULT_TYPES = Map.ofEntries(
      Map.entry("CompositeErrorHandler.error_handlers", "DefaultErrorHandler"),
      Map.entry("CursorPagination.decoder", "JsonDecoder"),
      Map.entry("DatetimeBasedCursor.end_datetime", "MinMaxDatetime"),
      Map.entry("DatetimeBasedCursor.end_time_option", "RequestOption"),
      Map.entry("DatetimeBasedCursor.start_datetime", "MinMaxDatetime"),
      Map.entry("DatetimeBasedCursor.start_time_option", "RequestOption"),
      Map.entry("DeclarativeSource.check", "CheckStream"),
      Map.entry("DeclarativeSource.spec", "Spec"),
      Map.entry("DeclarativeSource.streams", "DeclarativeStream"),
      Map.entry("DeclarativeStream.retriever", "SimpleRetriever"),
      Map.entry("DeclarativeStream.schema_loader", "JsonFileSchemaLoader"),
      Map.entry("DefaultErrorHandler.response_filters", "HttpResponseFilter"),
      Map.entry("DefaultPaginator.decoder", "JsonDecoder"),
      Map.entry("DefaultPaginator.page_size_option", "RequestOption"),
      Map.entry("DpathExtractor.decoder", "JsonDecoder"),
      Map.entry("HttpRequester.error_handler", "DefaultErrorHandler"),
      Map.entry("ListPartitionRouter.request_option", "RequestOption"),
      Map.entry("ParentStreamConfig.request_option", "RequestOption"),
      Map.entry("ParentStreamConfig.stream", "DeclarativeStream"),
      Map.entry("RecordSelector.extractor", "DpathExtractor"),
      Map.entry("RecordSelector.record_filter", "RecordFilter"),
      Map.entry("SimpleRetriever.paginator", "NoPagination"),
      Map.entry("SimpleRetriever.record_selector", "RecordSelector"),
      Map.entry("SimpleRetriever.requester", "HttpRequester"),
      Map.entry("SubstreamPartitionRouter.parent_stream_configs", "ParentStreamConfig"),
      Map.entry("AddFields.fields", "AddedFieldDefinition"));

  private final ComponentCatalog catalog;

  ParameterPropagator(ComponentCatalog catalog) {
    this.catalog = catalog;
  }

  /** Propagates through the whole manifest, in place. */
  void propagate(ObjectNode manifest) {
    if (!manifest.has("type")) {
      manifest.put("type", "DeclarativeSource");
    }
    propagate("", manifest, new LinkedHashMap<>());
  }

  private void propagate(String parentField, ObjectNode component, Map<String, JsonNode> parentParameters) {
    if (!component.has("type")) {
      String implied = component.has("class_name") ? null : DEFAULT_TYPES.get(parentField);
      if (implied != null) {
        component.put("type", implied);
      }
    }
    Map<String, JsonNode> parameters = new LinkedHashMap<>(parentParameters);
    JsonNode own = component.remove(PARAMETERS);
    if (own != null && own.isObject()) {
      own.properties().forEach(entry -> parameters.put(entry.getKey(), entry.getValue()));
    }
    if (isJsonSchema(component)) {
      return;
    }
    if (!component.has("type")) {
      // A plain object: only objects with a type inside it are components.
      for (Map.Entry<String, JsonNode> field : component.properties()) {
        if (field.getValue().isObject() && field.getValue().has("type")) {
          propagate(parentField, (ObjectNode) field.getValue(), parameters);
        }
      }
      return;
    }
    for (Map.Entry<String, JsonNode> parameter : parameters.entrySet()) {
      if (!truthy(component.get(parameter.getKey()))) {
        component.set(parameter.getKey(), parameter.getValue().deepCopy());
      }
    }
    String type = component.get("type").asText();
    List<String> fields = new ArrayList<>();
    component.fieldNames().forEachRemaining(fields::add);
    for (String field : fields) {
      JsonNode value = component.get(field);
      if (!(value.isObject() || value.isArray()) || catalog.holdsData(type, field)) {
        continue;
      }
      // A parameter named like the field would otherwise be written into its own value, endlessly.
      JsonNode excluded = parameters.remove(field);
      String childField = type + "." + field;
      if (value.isObject()) {
        propagate(childField, (ObjectNode) value, parameters);
      } else {
        for (JsonNode element : value) {
          if (element.isObject()) {
            propagate(childField, (ObjectNode) element, parameters);
          }
        }
      }
      if (excluded != null) {
        parameters.put(field, excluded);
      }
    }
    if (!parameters.isEmpty()) {
      ObjectNode merged = NODES.objectNode();
      parameters.forEach(merged::set);
      component.set(PARAMETERS, merged);
    }
  }

  private static boolean isJsonSchema(ObjectNode component) {
    JsonNode type = component.get("type");
    if (type == null) {
      return false;
    }
    return type.isTextual() && type.textValue().equals("object")
        || type.isArray() && type.size() == 2 && type.get(0).asText().equals("null")
        && type.get(1).asText().equals("object");
  }

  /** Python's truth of a value: absent, null, false, 0, "" and empty collections are false. */
  static boolean truthy(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      return value.doubleValue() != 0;
    }
    if (value.isTextual()) {
      return !value.textValue().isEmpty();
    }
    return !value.isEmpty();
  }
}
