package dev.gale.connectors.postgres.source;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of an incremental stream, in the shape Airbyte's Postgres source writes ({@code version} 2,
 * {@code state_type} {@code cursor_based}), so that states move between Airbyte and Gale.
 *
 * @param cursor the greatest cursor value read, as PostgreSQL text; {@code null} before any
 * @param cursorRecordCount how many records with exactly that cursor value were read: a later sync compares it with
 *     the table to tell whether rows with that value were added since (and must be read again) or not
 */
public record CursorState(StreamDescriptor stream, List<String> cursorField, String cursor, long cursorRecordCount) {
  public CursorState {
    requireNonNull(stream, "stream is null");
    cursorField = List.copyOf(cursorField);
  }

  /** The state in a stream's {@code stream_state}, or {@code null} when it holds none (a first sync, a full refresh). */
  public static CursorState parse(StreamDescriptor stream, JsonNode streamState) {
    if (streamState == null || !streamState.isObject() || !streamState.has("cursor_field")) {
      return null;
    }
    List<String> field = new ArrayList<>();
    streamState.get("cursor_field").forEach(part -> field.add(part.asText()));
    JsonNode cursor = streamState.get("cursor");
    return new CursorState(stream, field, cursor == null || cursor.isNull() ? null : cursor.asText(),
        streamState.path("cursor_record_count").asLong(0));
  }

  public ObjectNode toJson() {
    ObjectNode state = Json.object().put("version", 2).put("state_type", "cursor_based")
        .put("stream_name", stream.name());
    if (stream.namespace() != null) {
      state.put("stream_namespace", stream.namespace());
    }
    cursorField.forEach(state.putArray("cursor_field")::add);
    state.put("cursor", cursor);
    state.put("cursor_record_count", cursorRecordCount);
    return state;
  }
}
