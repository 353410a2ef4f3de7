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
 * <p>A writer whose destination acknowledges on its own time (an Airbyte-Protocol program echoes a state once the
 * records before it are durable, some only when their input ends) says so with {@link #acknowledgesLater}: its
 * {@code flush} only marks the point, and the engine commits a state once {@link #acknowledgedFlushes} has reached
 * the flush that followed it. Waiting in {@code flush} instead would stall such a destination, or deadlock one that
 * acknowledges only at the end.
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

  /**
   * Whether flushes become durable only when {@link #acknowledgedFlushes} says so, rather than when {@link #flush}
   * returns; see the class comment. Constant for a writer; false by default.
   */
  default boolean acknowledgesLater() {
    return false;
  }

  /**
   * For a writer that {@link #acknowledgesLater}: how many of its {@link #flush} calls so far are durable, counted
   * in call order (acknowledging one acknowledges those before it). Called by the engine between writes, and after
   * {@link #complete}, whose return means every acknowledgement the destination will give has arrived. Thread-safe
   * and quick.
   */
  default long acknowledgedFlushes() {
    throw new UnsupportedOperationException(getClass().getName() + " acknowledges when flush() returns");
  }

  /** Finishes the sync: atomic overwrites, final merges. Called once, after the last flush. */
  void complete() throws Exception;

  /** Releases connections and files; without {@link #complete}, leaves previous data as it was. */
  @Override
  void close() throws Exception;
}
