package dev.gale.connectors.declarative.stream;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connectors.declarative.incremental.DatetimeBasedCursor;
import dev.gale.connectors.declarative.incremental.IncrementingCountCursor;
import dev.gale.connectors.declarative.incremental.NoCursor;
import dev.gale.connectors.declarative.incremental.PerPartitionCursor;
import dev.gale.connectors.declarative.incremental.StreamCursor;
import dev.gale.connectors.declarative.partition.PartitionReads;
import dev.gale.connectors.declarative.runtime.Run;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One stream of a manifest, ready to read: its name, primary key, JSON schema, retriever and incremental cursor.
 * Immutable and shared by every read.
 *
 * @param datetimeCursor the {@code DatetimeBasedCursor}, or null
 * @param countCursor the {@code IncrementingCountCursor}, or null
 */
public record DeclarativeStream(String name, List<List<String>> primaryKey, JsonNode jsonSchema,
                                SimpleRetriever retriever, DatetimeBasedCursor datetimeCursor,
                                IncrementingCountCursor countCursor) implements PartitionReads.ParentStream {

  public DeclarativeStream {
    requireNonNull(name, "name is null");
    primaryKey = primaryKey == null ? List.of() : primaryKey.stream().map(List::copyOf).toList();
    requireNonNull(jsonSchema, "jsonSchema is null");
    requireNonNull(retriever, "retriever is null");
  }

  public boolean hasCursor() {
    return datetimeCursor != null || countCursor != null;
  }

  /** The cursor field's name, for discovery; null without a cursor. */
  public String cursorField(Run run) {
    if (datetimeCursor != null) {
      return datetimeCursor.cursorFieldName(run);
    }
    return countCursor == null ? null : countCursor.cursorField().evalString(run, Map.of());
  }

  /** How the retriever keeps records within the cursor's bounds: "feed", "client" or null. */
  public String cursorBounds() {
    if (datetimeCursor == null) {
      return null;
    }
    return datetimeCursor.dataFeed() ? "feed" : datetimeCursor.clientSide() ? "client" : null;
  }

  /** The cursor of one read, from {@code state} (empty for a first or full read). */
  public StreamCursor openCursor(Run run, Map<String, Object> state) {
    if (datetimeCursor != null) {
      return retriever.router() != null ? new PerPartitionCursor(datetimeCursor, run, state)
          : datetimeCursor.open(run, state, Duration.ZERO);
    }
    if (countCursor != null) {
      return countCursor.open(run, state);
    }
    return new NoCursor();
  }
}
