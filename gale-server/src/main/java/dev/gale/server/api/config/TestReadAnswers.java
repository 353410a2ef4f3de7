package dev.gale.server.api.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gale.connectors.declarative.TestRead;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.server.api.model.BuilderBodies.AuxiliaryRequestType;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderAuxiliaryRequest;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderHttpRequest;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderHttpResponse;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectStreamRead;
import dev.gale.server.api.model.BuilderBodies.ConnectorBuilderProjectStreamReadRequestBody;
import dev.gale.server.api.model.BuilderBodies.StreamReadLog;
import dev.gale.server.api.model.BuilderBodies.StreamReadLogLevel;
import dev.gale.server.api.model.BuilderBodies.StreamReadPage;
import dev.gale.server.api.model.BuilderBodies.StreamReadSlice;
import dev.gale.server.secrets.SecretMasker;
import dev.gale.server.service.builder.BuilderTestReads;
import dev.gale.server.service.builder.BuilderTestReads.Outcome;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A test read as Airbyte's connector builder shows it ({@code ConnectorBuilderProjectStreamRead}): slices of pages,
 * each page its records with the request and response, each slice's state as an Airbyte state message. Every text
 * passes the masker of the testing values' secrets on the way, behind the interpreter's own masking, records
 * included: an API that echoes a key would otherwise show it.
 */
final class TestReadAnswers {
  private TestReadAnswers() {}

  static ConnectorBuilderProjectStreamRead of(Outcome outcome) {
    return switch (outcome) {
      case Outcome.Read read -> of(read.read(), read.streamName(), read.masker());
      case Outcome.Failed failed -> failed(failed.message());
    };
  }

  /** Maps the request onto the service's; the manifest is checked there. */
  static BuilderTestReads.Request request(ConnectorBuilderProjectStreamReadRequestBody request) {
    return new BuilderTestReads.Request(request.workspaceId(), request.builderProjectId(), request.manifest(),
        request.streamName(), request.customComponentsCode(), request.recordLimit(), request.pageLimit(),
        request.sliceLimit(), request.state());
  }

  private static ConnectorBuilderProjectStreamRead of(TestRead read, String streamName, SecretMasker masker) {
    List<StreamReadSlice> slices = new ArrayList<>();
    for (TestRead.Slice slice : read.slices()) {
      List<StreamReadPage> pages = slice.pages().stream().map(page -> new StreamReadPage(
          page.records().stream().map(record -> masked(record, masker)).toList(),
          request(page.request(), masker), response(page.response(), masker))).toList();
      ObjectNode descriptor = slice.descriptor() instanceof ObjectNode object && !object.isEmpty()
          ? (ObjectNode) masked(object, masker) : null;
      List<JsonNode> state = slice.state() == null ? null
          : List.of(Json.tree(AirbyteStateMessage.stream(StreamDescriptor.of(streamName), masked(slice.state(), masker))));
      slices.add(new StreamReadSlice(pages, descriptor, state, null));
    }
    List<ConnectorBuilderAuxiliaryRequest> auxiliary = read.auxiliaryRequests().stream()
        .map(exchange -> new ConnectorBuilderAuxiliaryRequest(masker.mask(exchange.title()),
            request(exchange.request(), masker), response(exchange.response(), masker), masker.mask(exchange.title()),
            type(exchange.title())))
        .toList();
    List<StreamReadLog> logs = read.logs().stream()
        .map(line -> new StreamReadLog(masker.mask(line.message()), level(line.level())))
        .toList();
    return new ConnectorBuilderProjectStreamRead(logs, slices, read.limitReached(), auxiliary, null);
  }

  /** A read that produced nothing but the reason, as the builder shows a failed read: one ERROR log line. */
  private static ConnectorBuilderProjectStreamRead failed(String message) {
    return new ConnectorBuilderProjectStreamRead(List.of(new StreamReadLog(message, StreamReadLogLevel.ERROR)),
        List.of(), false, List.of(), null);
  }

  private static ConnectorBuilderHttpRequest request(TestRead.Request request, SecretMasker masker) {
    if (request == null) {
      return null;
    }
    String url = masker.mask(request.url());
    return new ConnectorBuilderHttpRequest(url, parameters(url), masker.mask(request.body()),
        maskedValues(request.headers(), masker), request.method());
  }

  private static ConnectorBuilderHttpResponse response(TestRead.Response response, SecretMasker masker) {
    return response == null ? null : new ConnectorBuilderHttpResponse(response.status(), masker.mask(response.body()),
        maskedValues(response.headers(), masker));
  }

  /** The query of a URL, each parameter with its values in order. */
  private static Map<String, List<String>> parameters(String url) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    String query;
    try {
      query = URI.create(url).getRawQuery();
    } catch (IllegalArgumentException e) {
      return parameters;
    }
    if (query == null || query.isEmpty()) {
      return parameters;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  private static Map<String, String> maskedValues(Map<String, String> values, SecretMasker masker) {
    Map<String, String> masked = new LinkedHashMap<>();
    values.forEach((name, value) -> masked.put(name, masker.mask(value)));
    return masked;
  }

  /** A copy of a JSON value with the masker applied to every text in it, property names included. */
  private static JsonNode masked(JsonNode value, SecretMasker masker) {
    if (value.isTextual()) {
      return TextNode.valueOf(masker.mask(value.textValue()));
    }
    if (value.isObject()) {
      ObjectNode copy = Json.object();
      value.properties().forEach(property -> copy.set(masker.mask(property.getKey()), masked(property.getValue(), masker)));
      return copy;
    }
    if (value.isArray()) {
      ArrayNode copy = Json.mapper().createArrayNode();
      value.forEach(item -> copy.add(masked(item, masker)));
      return copy;
    }
    return value;
  }

  private static AuxiliaryRequestType type(String title) {
    String lower = title == null ? "" : title.toLowerCase(Locale.ROOT);
    return lower.contains("token") || lower.contains("login") || lower.contains("auth") ? AuxiliaryRequestType.AUTH
        : AuxiliaryRequestType.HTTP;
  }

  private static StreamReadLogLevel level(String level) {
    return switch (level == null ? "" : level.toUpperCase(Locale.ROOT)) {
      case "WARN", "WARNING" -> StreamReadLogLevel.WARN;
      case "ERROR" -> StreamReadLogLevel.ERROR;
      case "FATAL" -> StreamReadLogLevel.FATAL;
      default -> StreamReadLogLevel.INFO;
    };
  }
}
