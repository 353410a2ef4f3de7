package dev.gale.connector;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.SourceOutput;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import java.util.List;

/**
 * A connector that data comes from. Besides the {@link Connector} contract, a source tells which streams it offers.
 * Its {@link #descriptor()} has kind {@link ConnectorDescriptor.Kind#SOURCE} and a source type.
 */
public interface Source extends Connector {

  /**
   * Lists the streams this source offers with {@code config}, each with its JSON Schema, supported sync modes and,
   * where the source knows them, primary key and cursor. May block; the threading rules of {@link Connector} apply.
   *
   * @throws ConnectorException when the configuration is invalid or the system it names cannot be read; the message
   *     is for the user and holds no secret value
   */
  AirbyteCatalog discover(JsonNode config);

  /**
   * Reads the configured streams and hands records and checkpoints to {@code output} until every stream is read.
   * Blocks the calling thread for the whole read; see {@link SourceOutput} for ordering, back-pressure and
   * cancellation.
   *
   * <p>Full-refresh streams are read whole. Incremental streams resume after the cursor value in their committed
   * state (empty for a first sync) and must not skip a record whose cursor equals the last one read: cursor ties are
   * read again rather than lost, and deduplication in the destination absorbs them.
   *
   * @param catalog the streams to read, each with its sync mode, cursor and primary key
   * @param state the committed state of the previous sync: per stream ({@code STREAM}), one {@code GLOBAL}, or one
   *     {@code LEGACY} message; empty for a first sync
   * @throws InterruptedException when the sync is cancelled
   * @throws ConnectorException when the source cannot be read; the message is for the user and holds no secret
   */
  void read(JsonNode config, ConfiguredAirbyteCatalog catalog, List<AirbyteStateMessage> state, SourceOutput output)
      throws InterruptedException;
}
