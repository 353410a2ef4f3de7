package dev.gale.connectors.declarative.factory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.declarative.extract.DpathExtractor;
import dev.gale.connectors.declarative.extract.RecordFilter;
import dev.gale.connectors.declarative.extract.RecordSelector;
import dev.gale.connectors.declarative.incremental.DatetimeBasedCursor;
import dev.gale.connectors.declarative.incremental.IncrementingCountCursor;
import dev.gale.connectors.declarative.manifest.ComponentNode;
import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.connectors.declarative.pagination.NoPagination;
import dev.gale.connectors.declarative.pagination.Paginator;
import dev.gale.connectors.declarative.partition.CartesianPartitionRouter;
import dev.gale.connectors.declarative.partition.ListPartitionRouter;
import dev.gale.connectors.declarative.partition.ParentStreamConfig;
import dev.gale.connectors.declarative.partition.PartitionRouter;
import dev.gale.connectors.declarative.partition.SubstreamPartitionRouter;
import dev.gale.connectors.declarative.requester.HttpRequester;
import dev.gale.connectors.declarative.runtime.Decoder;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.stream.DeclarativeStream;
import dev.gale.connectors.declarative.stream.SimpleRetriever;
import dev.gale.connectors.declarative.transform.AddFields;
import dev.gale.connectors.declarative.transform.KeysReplace;
import dev.gale.connectors.declarative.transform.KeysToLower;
import dev.gale.connectors.declarative.transform.RecordTransformation;
import dev.gale.connectors.declarative.transform.RemoveFields;
import java.util.ArrayList;
import java.util.List;

/** Builds streams: retriever, selector, transformations, cursor, partition routers and schema. */
final class Streams {
  private final SchemaLoaders schemas;

  Streams(SchemaLoaders schemas) {
    this.schemas = schemas;
  }

  DeclarativeStream of(ComponentNode node) {
    String name = node.string("name").orElseThrow(() -> node.error("name", "a stream needs a name"));
    ComponentNode retrieverNode = node.requiredComponent("retriever");
    DatetimeBasedCursor datetime = null;
    IncrementingCountCursor count = null;
    ComponentNode incremental = node.component("incremental_sync").orElse(null);
    if (incremental != null) {
      if (incremental.type().equals("DatetimeBasedCursor")) {
        datetime = Cursors.datetime(incremental);
      } else {
        count = Cursors.count(incremental);
      }
    }
    SimpleRetriever retriever = retriever(retrieverNode, name, transformations(node));
    if (count != null && retriever.router() != null) {
      throw node.error("incremental_sync", "an IncrementingCountCursor cannot be combined with a partition router,"
          + " as in Airbyte's CDK");
    }
    if (retriever.router() instanceof SubstreamPartitionRouter substream && substream.hasIncrementalDependency()
        && datetime == null) {
      throw retrieverNode.error("partition_router", "incremental_dependency needs the stream to have a"
          + " DatetimeBasedCursor as its incremental_sync");
    }
    JsonNode schema = schemas.schemaOf(node, name);
    return new DeclarativeStream(name, primaryKey(node), schema, retriever, datetime, count);
  }

  private SimpleRetriever retriever(ComponentNode node, String stream, List<RecordTransformation> transformations) {
    HttpRequester requester = Requesters.of(node.requiredComponent("requester"), stream, null);
    Decoder decoder = Decoder.of(node.component("decoder").map(ComponentNode::type).orElse("JsonDecoder"));
    ComponentNode selectorNode = node.requiredComponent("record_selector");
    ComponentNode extractorNode = selectorNode.requiredComponent("extractor");
    DpathExtractor extractor = new DpathExtractor(Fields.templates(extractorNode, "field_path"), decoder);
    RecordFilter filter = selectorNode.component("record_filter")
        .map(filterNode -> new RecordFilter(Fields.template(filterNode, "condition", ""))).orElse(null);
    RecordSelector selector = new RecordSelector(extractor, filter, transformations,
        selectorNode.bool("transform_before_filtering", false));
    Paginator paginator = node.component("paginator").map(Paginators::of).orElse(new NoPagination());
    return new SimpleRetriever(stream, requester, selector, paginator, router(node),
        node.bool("ignore_stream_slicer_parameters_on_paginated_requests", false));
  }

  private PartitionRouter router(ComponentNode retriever) {
    List<PartitionRouter> routers = new ArrayList<>();
    for (ComponentNode node : retriever.components("partition_router")) {
      routers.add(switch (node.type()) {
        case "ListPartitionRouter" -> list(node);
        case "SubstreamPartitionRouter" -> substream(node);
        default -> throw node.error(null, "unexpected partition router " + node.type());
      });
    }
    return routers.isEmpty() ? null : routers.size() == 1 ? routers.getFirst() : new CartesianPartitionRouter(routers);
  }

  private static PartitionRouter list(ComponentNode node) {
    JsonNode values = node.value("values").orElseThrow();
    List<String> listed = values.isArray() ? node.strings("values") : null;
    return new ListPartitionRouter(listed, listed == null ? Fields.template(node, "values") : null,
        Fields.template(node, "cursor_field"), RequestOptions.optional(node, "request_option"));
  }

  private PartitionRouter substream(ComponentNode node) {
    List<ParentStreamConfig> parents = new ArrayList<>();
    for (ComponentNode parent : node.components("parent_stream_configs")) {
      List<List<Template>> extra = new ArrayList<>();
      parent.value("extra_fields").ifPresent(paths -> paths.forEach(path -> {
        List<Template> segments = new ArrayList<>();
        path.forEach(segment -> segments.add(Template.of(segment.asText(), parent.parameters())));
        extra.add(segments);
      }));
      parents.add(new ParentStreamConfig(of(parent.requiredComponent("stream")), Fields.template(parent, "parent_key"),
          Fields.template(parent, "partition_field"), RequestOptions.optional(parent, "request_option"),
          parent.bool("incremental_dependency", false), extra));
    }
    if (parents.isEmpty()) {
      throw node.error("parent_stream_configs", "a SubstreamPartitionRouter needs at least one parent stream");
    }
    return new SubstreamPartitionRouter(parents);
  }

  private static List<RecordTransformation> transformations(ComponentNode stream) {
    List<RecordTransformation> transformations = new ArrayList<>();
    for (ComponentNode node : stream.components("transformations")) {
      transformations.add(switch (node.type()) {
        case "AddFields" -> addFields(node);
        case "RemoveFields" -> {
          List<List<String>> pointers = new ArrayList<>();
          node.value("field_pointers").ifPresent(list -> list.forEach(pointer -> {
            List<String> segments = new ArrayList<>();
            pointer.forEach(segment -> segments.add(segment.asText()));
            pointers.add(segments);
          }));
          yield new RemoveFields(pointers, Fields.template(node, "condition"));
        }
        case "KeysToLower" -> new KeysToLower();
        case "KeysReplace" -> new KeysReplace(Fields.template(node, "old"), Fields.template(node, "new"));
        default -> throw node.error(null, "unexpected transformation " + node.type());
      });
    }
    return transformations;
  }

  private static AddFields addFields(ComponentNode node) {
    List<AddFields.Field> fields = new ArrayList<>();
    for (ComponentNode field : node.components("fields")) {
      List<String> path = field.strings("path");
      if (path.isEmpty()) {
        throw field.error("path", "an added field needs a non-empty path");
      }
      fields.add(new AddFields.Field(path, Fields.template(field, "value"), field.string("value_type").orElse(null)));
    }
    return new AddFields(fields, Fields.template(node, "condition"));
  }

  // Airbyte's primary key: a field, a list of fields, or a list of field paths.
  private static List<List<String>> primaryKey(ComponentNode node) {
    List<List<String>> key = new ArrayList<>();
    node.value("primary_key").ifPresent(value -> {
      if (value.isTextual()) {
        if (!value.textValue().isEmpty()) {
          key.add(List.of(value.textValue()));
        }
        return;
      }
      for (JsonNode part : value) {
        if (part.isArray()) {
          List<String> path = new ArrayList<>();
          part.forEach(segment -> path.add(segment.asText()));
          key.add(path);
        } else {
          key.add(List.of(part.asText()));
        }
      }
    });
    return key;
  }

  static ObjectNode emptySchema() {
    ObjectNode schema = JsonValues.mapper().createObjectNode();
    schema.put("type", "object");
    schema.putObject("properties");
    return schema;
  }
}
