package dev.gale.connectors.sample;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The state of a Sample Data stream, shaped as Faker's: {@code {"seed": 42, "updated_at": "<last cursor>"}}. Only
 * {@code updated_at} matters for resuming; the seed says which data the cursor belongs to.
 */
final class SampleState {
  static final String CURSOR = "updated_at";

  private SampleState() {}

  static AirbyteStateMessage message(StreamDescriptor stream, long seed, OffsetDateTime cursor) {
    return AirbyteStateMessage.stream(stream, Json.object().put("seed", seed)
        .put(CURSOR, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(cursor)));
  }

  /**
   * The cursor a stream resumes after: from its {@code STREAM} state, or from a {@code LEGACY} state that keeps one
   * object per stream name (what older Faker versions and the Python CDK wrote). Empty for a first sync.
   */
  static Optional<OffsetDateTime> cursor(List<AirbyteStateMessage> states, StreamDescriptor stream) {
    for (AirbyteStateMessage state : states) {
      JsonNode streamState = switch (state.type()) {
        case STREAM -> state.stream().streamDescriptor().equals(stream) ? state.stream().streamState() : null;
        case LEGACY -> state.data().get(stream.name());
        case GLOBAL -> null;
      };
      if (streamState != null && streamState.hasNonNull(CURSOR)) {
        return Optional.of(parse(stream, streamState.get(CURSOR), state.type()));
      }
    }
    return Optional.empty();
  }

  private static OffsetDateTime parse(StreamDescriptor stream, JsonNode value, AirbyteStateType type) {
    try {
      return OffsetDateTime.parse(value.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      throw new ConnectorException("The " + type + " state of stream " + stream + " has an updated_at that is not "
          + "a date-time with an offset: " + value);
    }
  }
}
