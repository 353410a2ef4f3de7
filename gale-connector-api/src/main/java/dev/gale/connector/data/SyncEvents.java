package dev.gale.connector.data;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.StreamDescriptor;

/**
 * What a connector tells the platform about a sync besides its data: how much it expects to read, how far each stream
 * is, and a configuration of its own that the platform should keep from now on. They are the Airbyte Protocol's
 * ESTIMATE and STREAM_STATUS traces and its CONTROL {@code CONNECTOR_CONFIG} message; a built-in connector uses them
 * as an external one does. Every method does nothing by default, so a connector calls what it knows of and ignores
 * the rest.
 *
 * <h2>Threads and timing</h2>
 * A source calls them through its {@link SourceOutput}, a destination through its {@link WriteContext#events()}, from
 * whichever thread it reads or writes on, at any time during the sync. Implementations are thread-safe and quick
 * (they never wait on the destination), so calling them never blocks a read; none of them throws for a value it
 * cannot use: that is logged, and the sync goes on.
 */
public interface SyncEvents {
  /** Events that go nowhere: for a caller that does not listen. */
  SyncEvents NONE = new SyncEvents() {};

  /**
   * How much a stream, or the whole sync, is expected to read. A later estimate of the same stream (or of the sync)
   * replaces the earlier one; the sync's estimate is the sum of its streams' unless a whole-sync estimate is given.
   * Send them early (before a stream's first records) for progress to mean something.
   */
  default void estimate(Estimate estimate) {}

  /**
   * Where a stream stands: {@code STARTED} before its first record, {@code RUNNING} once reading, {@code COMPLETE}
   * once it has been read whole, {@code INCOMPLETE} when it stopped early. A destination that reports them names its
   * own (destination-side) streams.
   */
  default void streamStatus(StreamDescriptor stream, StreamStatus status) {}

  /**
   * The connector's whole configuration, changed by the connector itself (a refreshed OAuth token, a rotated key):
   * the platform saves it as the actor's configuration for later syncs, as if a user had updated it, or keeps the
   * previous one when it is invalid. The sync under way goes on with what it has. Secret values in it are the real
   * ones; the platform stores them encrypted and never logs them.
   */
  default void configurationUpdated(JsonNode configuration) {}

  /**
   * An estimate of what a sync reads.
   *
   * @param stream the source-side stream it is for, or {@code null} for the whole sync
   * @param records rows expected, 0 when unknown
   * @param bytes bytes expected, 0 when unknown
   */
  record Estimate(StreamDescriptor stream, long records, long bytes) {
    public Estimate {
      if (records < 0 || bytes < 0) {
        throw new IllegalArgumentException("an estimate cannot be negative: " + records + " rows, " + bytes + " bytes");
      }
    }

    public static Estimate ofStream(StreamDescriptor stream, long records, long bytes) {
      return new Estimate(requireNonNull(stream, "stream is null"), records, bytes);
    }

    public static Estimate ofSync(long records, long bytes) {
      return new Estimate(null, records, bytes);
    }
  }

  /** The protocol's {@code AirbyteStreamStatus}. */
  enum StreamStatus { STARTED, RUNNING, COMPLETE, INCOMPLETE }
}
