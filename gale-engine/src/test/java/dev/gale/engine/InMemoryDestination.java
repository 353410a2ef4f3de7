package dev.gale.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorCapabilities;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.Destination;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.SyncEvents.StreamStatus;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * A destination for engine tests that keeps rows in memory: written rows are buffered until {@code flush()} makes
 * them durable, so a test can tell what a committed state really covers. It can block or fail its writes on demand,
 * and act as a destination that {@linkplain DestinationWriter#acknowledgesLater acknowledges later}: only when the
 * sync completes (making its flushes durable then, as Faros does), or never.
 * One instance per test; what it keeps is read by the test's thread while the sync thread writes, hence the locking.
 */
final class InMemoryDestination implements Destination {
  private final Map<StreamDescriptor, List<Object[]>> durable = new LinkedHashMap<>();
  private final Map<StreamDescriptor, List<Object[]>> buffered = new HashMap<>();
  private final Map<StreamDescriptor, RecordSchema> schemas = new HashMap<>();
  private final Map<StreamDescriptor, Long> bytes = new HashMap<>();
  private final List<String> events = new ArrayList<>();
  private volatile ConfiguredAirbyteCatalog opened;
  private volatile CountDownLatch writeGate;
  private volatile int failingWrite;
  private volatile RuntimeException writeFailure;
  private int writes;
  private volatile Acknowledgement acknowledgement = Acknowledgement.AT_FLUSH;
  private long flushes;
  private boolean completed;

  enum Acknowledgement { AT_FLUSH, ONLY_WHEN_COMPLETE, NEVER }

  InMemoryDestination acknowledging(Acknowledgement when) {
    this.acknowledgement = when;
    return this;
  }

  /** Makes every write wait until {@code gate} opens (or the writing thread is interrupted). */
  InMemoryDestination blockWritesUntil(CountDownLatch gate) {
    this.writeGate = gate;
    return this;
  }

  /** Makes write number {@code write} (from 1) throw {@code failure}. */
  InMemoryDestination failWrite(int write, RuntimeException failure) {
    this.failingWrite = write;
    this.writeFailure = failure;
    return this;
  }

  @Override
  public ConnectorDescriptor descriptor() {
    return new ConnectorDescriptor(UUID.fromString("00000000-0000-0000-0000-00000000e0d1"),
        ConnectorDescriptor.Kind.DESTINATION, "In memory (test)", "gale/destination-in-memory-test", "0.1.0",
        "https://docs.example.com", null, ConnectorDescriptor.ReleaseStage.ALPHA,
        ConnectorDescriptor.SupportLevel.NONE, null);
  }

  @Override
  public ConnectorCapabilities capabilities() {
    return ConnectorCapabilities.destination(DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE);
  }

  @Override
  public ConnectorSpecification spec() {
    return ConnectorSpecification.of("https://docs.example.com", Json.object().put("type", "object"))
        .withSupportedDestinationSyncModes(List.of(DestinationSyncMode.APPEND, DestinationSyncMode.OVERWRITE));
  }

  @Override
  public AirbyteConnectionStatus check(JsonNode config) {
    return AirbyteConnectionStatus.succeeded();
  }

  @Override
  public DestinationWriter open(JsonNode config, ConfiguredAirbyteCatalog catalog, WriteContext context) {
    opened = catalog;
    event("open");
    // As a destination that reports progress does: its own streams, by their destination-side names.
    catalog.streams().forEach(stream -> context.events().streamStatus(stream.descriptor(), StreamStatus.STARTED));
    return new DestinationWriter() {
      @Override
      public void write(RecordBatch batch) throws InterruptedException {
        CountDownLatch gate = writeGate;
        event("write " + batch.schema().stream() + " " + batch.size());
        if (gate != null) {
          gate.await();
        }
        synchronized (InMemoryDestination.this) {
          if (++writes == failingWrite) {
            throw writeFailure;
          }
          StreamDescriptor stream = batch.schema().stream();
          schemas.put(stream, batch.schema());
          buffered.computeIfAbsent(stream, s -> new ArrayList<>()).addAll(batch.rows());
          bytes.merge(stream, batch.estimatedBytes(), Long::sum);
        }
      }

      @Override
      public void flush() {
        synchronized (InMemoryDestination.this) {
          flushes++;
          if (acknowledgement == Acknowledgement.AT_FLUSH) {
            makeDurable();
          }
        }
        event("flush");
      }

      @Override
      public boolean acknowledgesLater() {
        return acknowledgement != Acknowledgement.AT_FLUSH;
      }

      @Override
      public long acknowledgedFlushes() {
        synchronized (InMemoryDestination.this) {
          return acknowledgement == Acknowledgement.ONLY_WHEN_COMPLETE && completed ? flushes : 0;
        }
      }

      @Override
      public void complete() {
        synchronized (InMemoryDestination.this) {
          completed = true;
          if (acknowledgement != Acknowledgement.AT_FLUSH) {
            makeDurable();
          }
        }
        event("complete");
      }

      @Override
      public void close() {
        event("close");
      }
    };
  }

  private synchronized void makeDurable() {
    buffered.forEach((stream, rows) -> durable.computeIfAbsent(stream, s -> new ArrayList<>()).addAll(rows));
    buffered.clear();
  }

  ConfiguredAirbyteCatalog openedCatalog() {
    return opened;
  }

  synchronized List<Object[]> durableRows(StreamDescriptor stream) {
    return List.copyOf(durable.getOrDefault(stream, List.of()));
  }

  /** Everything written to the stream, durable or not, in order. */
  synchronized List<Object[]> writtenRows(StreamDescriptor stream) {
    List<Object[]> rows = new ArrayList<>(durable.getOrDefault(stream, List.of()));
    rows.addAll(buffered.getOrDefault(stream, List.of()));
    return rows;
  }

  synchronized RecordSchema schema(StreamDescriptor stream) {
    return schemas.get(stream);
  }

  synchronized long bytes(StreamDescriptor stream) {
    return bytes.getOrDefault(stream, 0L);
  }

  synchronized List<String> events() {
    return List.copyOf(events);
  }

  private synchronized void event(String event) {
    events.add(event);
  }
}
