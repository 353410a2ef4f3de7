package dev.gale.connector.data;

/**
 * One sync's writing into a destination, opened by {@link dev.gale.connector.Destination#open}. The engine calls it
 * from one thread at a time, in this order:
 * <pre>
 *   (write* flush)*  complete  close      a successful sync
 *   (write* flush)*  close                a failed or cancelled one
 * </pre>
 *
 * <h2>Durability</h2>
 * {@link #flush} returns once every record written so far is durable: it survives a crash and a later sync sees it
 * (for overwrite streams: in the staging place the final swap will use). Only then does the engine commit the state
 * that covers those records, so a destination that acknowledges too early loses data and one that never flushes
 * re-reads everything on retry. Between flushes a writer buffers as it likes; memory must stay bounded.
 *
 * <h2>Completion</h2>
 * {@link #complete} finishes the sync: overwrite streams replace their previous data atomically, deduplicated
 * streams are merged. {@link #close} without {@code complete} leaves previous data as it was (an overwrite that
 * fails midway keeps the old table) and keeps what was flushed, so that a retry can go on from there.
 *
 * <h2>Cancellation</h2>
 * A cancelled sync interrupts the engine's thread; long operations should notice the interrupt (or be short), and
 * {@link #close} must still release everything.
 */
public interface DestinationWriter extends AutoCloseable {
  /** Accepts a batch of one of the configured streams (destination-side names, see {@link RecordBatch#schema()}). */
  void write(RecordBatch batch) throws Exception;

  /** Makes everything written so far durable; see the class comment. */
  void flush() throws Exception;

  /** Finishes the sync: atomic overwrites, final merges. Called once, after the last flush. */
  void complete() throws Exception;

  /** Releases connections and files; without {@link #complete}, leaves previous data as it was. */
  @Override
  void close() throws Exception;
}
