package dev.gale.connectors.external;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.SyncEvents;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Decodes one stdout line into a {@link ProtocolMessage}. Lines that are not protocol messages are {@link
 * ProtocolMessage.Text} (connectors and the libraries they use print to stdout too); a message of a known type whose
 * content is wrong is not guessed at: it fails with a {@link ConnectorException} that names the type and the problem,
 * never the content (a record's data is the user's, a malformed message may hold anything).
 */
final class MessageDecoder {
  private static final ObjectReader READER = reader();

  private MessageDecoder() {}

  // Gale's codec with Jackson's default limit on one string (20 M characters) lifted: a record may hold a larger
  // value, and the line limit of the reader (ExternalCommand.maxLineBytes) already bounds what one message can take.
  private static ObjectReader reader() {
    ObjectMapper mapper = Json.mapper().copy();
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxStringLength(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build());
    return mapper.reader();
  }

  static ProtocolMessage decode(byte[] bytes, int length) {
    JsonNode message;
    try {
      message = READER.readTree(bytes, 0, length);
    } catch (JsonProcessingException e) {
      return new ProtocolMessage.Text(new String(bytes, 0, length, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("reading from memory cannot fail", e);
    }
    if (message == null || !message.isObject() || !message.path("type").isTextual()) {
      return new ProtocolMessage.Text(new String(bytes, 0, length, StandardCharsets.UTF_8));
    }
    String type = message.get("type").textValue();
    return switch (type) {
      case "RECORD" -> record(message.path("record"));
      case "STATE" -> new ProtocolMessage.State(value(message, "state", AirbyteStateMessage.class));
      case "LOG" -> log(message.path("log"));
      case "TRACE" -> trace(message.path("trace"));
      case "SPEC" -> new ProtocolMessage.Spec(value(message, "spec", ConnectorSpecification.class));
      case "CONNECTION_STATUS" -> new ProtocolMessage.ConnectionStatus(
          value(message, "connectionStatus", AirbyteConnectionStatus.class));
      case "CATALOG" -> new ProtocolMessage.Catalog(value(message, "catalog", AirbyteCatalog.class));
      case "CONTROL" -> control(message.path("control"));
      default -> new ProtocolMessage.Ignored(type);
    };
  }

  private static ProtocolMessage record(JsonNode record) {
    if (!record.path("stream").isTextual()) {
      throw invalid("RECORD", "it has no stream name");
    }
    JsonNode namespace = record.path("namespace");
    if (!namespace.isMissingNode() && !namespace.isNull() && !namespace.isTextual()) {
      throw invalid("RECORD", "its namespace is not a string");
    }
    if (!record.path("data").isObject()) {
      throw invalid("RECORD", "its data is not a JSON object");
    }
    StreamDescriptor stream = new StreamDescriptor(record.get("stream").textValue(), namespace.textValue());
    return new ProtocolMessage.Record(stream, record.get("data"), record.path("emitted_at").asLong(0));
  }

  private static ProtocolMessage log(JsonNode log) {
    LogLevel level = switch (log.path("level").asText("INFO").toUpperCase(Locale.ROOT)) {
      case "FATAL", "ERROR" -> LogLevel.ERROR;
      case "WARN" -> LogLevel.WARN;
      case "DEBUG", "TRACE" -> LogLevel.DEBUG;
      default -> LogLevel.INFO;
    };
    return new ProtocolMessage.Log(level, log.path("message").asText(""));
  }

  private static ProtocolMessage trace(JsonNode trace) {
    String traceType = trace.path("type").asText("");
    return switch (traceType) {
      case "ERROR" -> error(trace);
      case "ESTIMATE" -> estimate(trace.path("estimate"));
      case "STREAM_STATUS" -> streamStatus(trace.path("stream_status"));
      default -> new ProtocolMessage.Ignored("TRACE " + traceType);
    };
  }

  private static ProtocolMessage error(JsonNode trace) {
    JsonNode error = trace.path("error");
    if (!error.isObject()) {
      throw invalid("TRACE", "an ERROR trace has no error object");
    }
    return new ProtocolMessage.TraceError(error.path("message").textValue(), error.path("internal_message").textValue(),
        error.path("failure_type").textValue());
  }

  private static ProtocolMessage estimate(JsonNode estimate) {
    String type = estimate.path("type").asText("");
    if (!type.equals("STREAM") && !type.equals("SYNC")) {
      return new ProtocolMessage.Invalid("TRACE ESTIMATE", "its type is neither STREAM nor SYNC");
    }
    long rows = count(estimate.path("row_estimate"));
    long bytes = count(estimate.path("byte_estimate"));
    if (rows < 0 || bytes < 0) {
      return new ProtocolMessage.Invalid("TRACE ESTIMATE", "its row_estimate or byte_estimate is not a count");
    }
    if (type.equals("SYNC")) {
      return new ProtocolMessage.Estimate(SyncEvents.Estimate.ofSync(rows, bytes));
    }
    StreamDescriptor stream = stream(estimate.path("name"), estimate.path("namespace"));
    return stream == null
        ? new ProtocolMessage.Invalid("TRACE ESTIMATE", "its stream name or namespace is missing or not a string")
        : new ProtocolMessage.Estimate(SyncEvents.Estimate.ofStream(stream, rows, bytes));
  }

  /** A count, 0 when absent, -1 when it is no count. */
  private static long count(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return 0;
    }
    return value.isIntegralNumber() && value.canConvertToLong() ? value.longValue() : -1;
  }

  private static ProtocolMessage streamStatus(JsonNode status) {
    JsonNode descriptor = status.path("stream_descriptor");
    StreamDescriptor stream = stream(descriptor.path("name"), descriptor.path("namespace"));
    if (stream == null) {
      return new ProtocolMessage.Invalid("TRACE STREAM_STATUS", "its stream_descriptor is missing or incomplete");
    }
    SyncEvents.StreamStatus value;
    try {
      value = SyncEvents.StreamStatus.valueOf(status.path("status").asText(""));
    } catch (IllegalArgumentException e) {
      return new ProtocolMessage.Invalid("TRACE STREAM_STATUS", "its status is not one of "
          + Arrays.toString(SyncEvents.StreamStatus.values()));
    }
    return new ProtocolMessage.StreamStatus(stream, value);
  }

  private static ProtocolMessage control(JsonNode control) {
    String type = control.path("type").asText("");
    if (!type.equals("CONNECTOR_CONFIG")) {
      return new ProtocolMessage.Ignored(type.isEmpty() ? "CONTROL" : "CONTROL " + type);
    }
    JsonNode config = control.path("connectorConfig").path("config");
    return config.isObject() ? new ProtocolMessage.ConfigUpdate(config)
        : new ProtocolMessage.Invalid("CONTROL CONNECTOR_CONFIG", "its connectorConfig.config is not a JSON object");
  }

  /** A stream descriptor from its name and optional namespace, or null when they are not strings. */
  private static StreamDescriptor stream(JsonNode name, JsonNode namespace) {
    boolean namespaceFine = namespace.isMissingNode() || namespace.isNull() || namespace.isTextual();
    return name.isTextual() && namespaceFine ? new StreamDescriptor(name.textValue(), namespace.textValue()) : null;
  }

  private static <T> T value(JsonNode message, String field, Class<T> type) {
    JsonNode node = message.get(field);
    if (node == null || !node.isObject()) {
      throw invalid(message.get("type").textValue(), "it has no " + field + " object");
    }
    try {
      return READER.treeToValue(node, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      // Jackson's message quotes the offending content; only its first line, which names the field, is kept.
      String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
      throw invalid(message.get("type").textValue(), "its " + field + " does not follow the protocol ("
          + firstLine(reason) + ")");
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no details";
    }
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  static ConnectorException invalid(String type, String problem) {
    return new ConnectorException(ConnectorException.Kind.SYSTEM,
        "The connector sent an invalid " + type + " message: " + problem, null);
  }
}
