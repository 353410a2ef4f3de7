package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.SourceOutput.LogLevel;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateStats;
import dev.gale.protocol.AirbyteStateType;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes one sync into a destination program ({@code write --config --catalog}), records going to its stdin as
 * RECORD messages.
 *
 * <h2>Acknowledgement</h2>
 * An Airbyte destination acknowledges by echoing a STATE message once every record before it is durable, when it
 * likes: some echo at once, some batch, and some (Faros) only once their input has ended. So this writer
 * {@linkplain #acknowledgesLater acknowledges later}: {@code flush()} sends a STATE of Gale's own (a GLOBAL state
 * numbered by flush, see {@link RecordEncoder#state}) and returns; the reader thread counts the echoes, and the
 * engine commits the source states a flush covered once {@link #acknowledgedFlushes} reaches it. The source's own
 * states never reach the destination (they carry source-side stream names and are the engine's to keep). A
 * destination that ends without echoing some states leaves them uncommitted; one that goes away fails the next
 * write, flush or {@code complete()} with its reason.
 *
 * <h2>Record counts</h2>
 * Gale's state says how many records it covers ({@code sourceStats.recordCount}: those sent since the previous
 * state), which newer destinations check. When the echo says how many the destination took
 * ({@code destinationStats.recordCount}), fewer fails the flush: the engine would otherwise commit a source state
 * past records the destination says it does not have, and no later sync would read them again; a retry from the
 * last committed state re-sends them. More is a warning only (a destination that counts retried rows twice loses
 * nothing).
 *
 * <h2>Other messages</h2>
 * Stream statuses and configuration updates the destination sends go to {@link WriteContext#events()}; its logs go
 * to the attempt's log.
 *
 * <h2>Threads</h2>
 * The engine's sync thread writes; a reader thread takes the program's stdout (logs, echoed states), so that a
 * destination blocked writing its output never blocks Gale's writing into it.
 */
final class ExternalWriter implements DestinationWriter {
  private final ConnectorProcess process;
  private final WriteContext context;
  private final RecordEncoder encoder;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Thread reader;
  private long sent;
  private long recordsSinceState;
  // Written by the sync thread before the state is sent, read by the reader thread once it is echoed.
  private final Map<Long, Long> recordsPerFlush = new ConcurrentHashMap<>();
  // Guarded by lock.
  private long acknowledged;
  private boolean outputEnded;
  private RuntimeException readerFailure;

  private ExternalWriter(ConnectorProcess process, WriteContext context) {
    this.process = process;
    this.context = context;
    this.encoder = new RecordEncoder(process.input());
    // A destination waits quietly for as long as the source takes to send it something: the no-message clock runs
    // only while Gale waits on the destination (a write into a full pipe, a flush, the end).
    process.pauseClock();
    this.reader = Thread.ofVirtual().name("gale-destination-" + process.pid()).start(this::readOutput);
  }

  static ExternalWriter start(ConnectorProcess process, WriteContext context) {
    return new ExternalWriter(requireNonNull(process, "process is null"), requireNonNull(context, "context is null"));
  }

  @Override
  public void write(RecordBatch batch) throws Exception {
    process.resumeClock();
    try {
      encoder.records(batch);
    } catch (IOException e) {
      throw ended("stopped reading its input", e);
    } finally {
      process.pauseClock();
    }
    recordsSinceState += batch.size();
  }

  /** Sends a state for the destination to echo once the records before it are durable; see the class comment. */
  @Override
  public void flush() throws Exception {
    long flush = ++sent;
    process.resumeClock();
    try {
      recordsPerFlush.put(flush, recordsSinceState);
      encoder.state(flush, recordsSinceState);
      process.input().flush();
    } catch (IOException e) {
      throw ended("stopped reading its input", e);
    } finally {
      process.pauseClock();
    }
    recordsSinceState = 0;
    throwReaderFailure();
  }

  @Override
  public boolean acknowledgesLater() {
    return true;
  }

  @Override
  public long acknowledgedFlushes() {
    lock.lock();
    try {
      return acknowledged;
    } finally {
      lock.unlock();
    }
  }

  /** Ends the input, which tells the destination the sync is complete, and waits for it to exit well. */
  @Override
  public void complete() throws Exception {
    process.resumeClock();
    try {
      process.input().close();
    } catch (IOException e) {
      throw ended("stopped reading its input", e);
    }
    awaitOutputEnd();
    throwReaderFailure();
    process.finish();
  }

  /** Stops the program if it still runs: without {@link #complete}, its input never ends, so it finalizes nothing. */
  @Override
  public void close() throws Exception {
    process.close();
    reader.join(Duration.ofSeconds(5));
  }

  private void readOutput() {
    try {
      ProtocolMessage message;
      while ((message = process.next()) != null) {
        if (message instanceof ProtocolMessage.State state) {
          acknowledge(state.state());
        } else if (!EventMessages.deliver(message, context.events(), context.log())) {
          context.log().accept(LogLevel.DEBUG, "ignored a " + message.getClass().getSimpleName() + " message");
        }
      }
    } catch (InterruptedException e) {
      // Stopped by close, a cancel or a timeout: whoever waits learns why from the process.
    } catch (RuntimeException e) {
      lock.lock();
      try {
        readerFailure = e;
      } finally {
        lock.unlock();
      }
    } finally {
      lock.lock();
      try {
        outputEnded = true;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private void acknowledge(AirbyteStateMessage state) {
    JsonNode flush = state.type() == AirbyteStateType.GLOBAL && state.global().sharedState() != null
        ? state.global().sharedState().get(RecordEncoder.FLUSH_FIELD) : null;
    if (flush == null || !flush.canConvertToLong()) {
      context.log().accept(LogLevel.DEBUG, "the destination sent a state Gale did not send; ignored");
      return;
    }
    checkRecordCount(flush.longValue(), state.destinationStats());
    lock.lock();
    try {
      acknowledged = Math.max(acknowledged, flush.longValue());
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Compares the destination's count with what Gale sent before that state; see the class comment. */
  private void checkRecordCount(long flush, AirbyteStateStats destinationStats) {
    Long sentBefore = recordsPerFlush.remove(flush);
    // Counts are per state (Airbyte's destinations count the records since the state before): the states a
    // destination did not echo on their own are covered by this echo and need no check.
    recordsPerFlush.keySet().removeIf(earlier -> earlier < flush);
    if (sentBefore == null || destinationStats == null || destinationStats.recordCount() == null) {
      return;
    }
    double taken = destinationStats.recordCount();
    if (taken < sentBefore) {
      throw new ConnectorException(ConnectorException.Kind.SYSTEM, "The destination " + process.display()
          + " acknowledged " + (long) taken + " of the " + sentBefore + " records Gale sent before its state "
          + "(destinationStats.recordCount); the sync stops rather than commit a state past records the destination "
          + "says it does not have", null);
    }
    if (taken > sentBefore) {
      context.log().accept(LogLevel.WARN, "the destination counts " + (long) taken + " records for a state that covers "
          + sentBefore + " (destinationStats.recordCount)");
    }
  }

  private void awaitOutputEnd() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      while (!outputEnded) {
        changed.await();
      }
    } finally {
      lock.unlock();
    }
  }

  private void throwReaderFailure() {
    lock.lock();
    try {
      if (readerFailure != null) {
        throw readerFailure;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * The failure to report when the destination went away: its own reason where it gave one (a TRACE error, an exit
   * code with its last error lines, a timeout), else {@code what} happened.
   */
  private Exception ended(String what, IOException cause) throws InterruptedException {
    awaitOutputEnd();
    throwReaderFailure();
    process.finish();
    return new ConnectorException(ConnectorException.Kind.SYSTEM, "The destination " + process.display() + " " + what,
        cause);
  }
}
