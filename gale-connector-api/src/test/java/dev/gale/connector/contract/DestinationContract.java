package dev.gale.connector.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorDescriptor;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.Destination;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link Destination}, on top of {@link ConnectorContract}: the writer's life cycle with
 * {@link #validConfig()}, into a new stream per test. Destinations whose data can be read back say so with
 * {@link #hasBehavior} and {@link #readBack}, and the suite then checks the data as well.
 */
public abstract class DestinationContract extends ConnectorContract {
  private final List<String> logLines = new CopyOnWriteArrayList<>();
  private final AtomicLong syncIds = new AtomicLong(1);

  @Override
  protected abstract Destination connector();

  /** Whether the destination has an optional ability; none by default. */
  protected boolean hasBehavior(DestinationBehavior behavior) {
    return false;
  }

  /**
   * The records of {@code stream} that a later sync would see, each as the values of the suite's columns in order
   * ({@code id, name, amount, active, born, updated_at, payload}), in any order; none for a stream never written.
   * Needed with {@link DestinationBehavior#READ_BACK}.
   */
  protected List<Object[]> readBack(JsonNode config, StreamDescriptor stream) throws Exception {
    throw new UnsupportedOperationException(connector().descriptor().name() + " cannot read back what it wrote");
  }

  /** Where the suite's streams go; {@code null}, the destination's default, unless overridden. */
  protected String namespace() {
    return null;
  }

  @AfterEach
  void logLinesHoldNoSecret() {
    for (String line : logLines) {
      assertNoSecretIn(line, validConfig());
    }
  }

  @Test
  void descriptorSaysDestinationWithoutSourceType() {
    ConnectorDescriptor descriptor = connector().descriptor();

    assertThat(descriptor.kind()).isEqualTo(ConnectorDescriptor.Kind.DESTINATION);
    assertThat(descriptor.sourceType()).isNull();
  }

  @Test
  void specListsTheDestinationSyncModesTheCapabilitiesDeclare() {
    assertThat(connector().capabilities().destinationSyncModes()).isNotEmpty();
    assertThat(connector().capabilities().syncModes()).isEmpty();
    assertThat(connector().spec().supportedDestinationSyncModes())
        .isEqualTo(List.copyOf(connector().capabilities().destinationSyncModes()));
  }

  @Test
  void writesFlushesCompletesAndCloses() throws Exception {
    StreamDescriptor stream = newStream();

    try (DestinationWriter writer = open(stream, appendOrFirstMode())) {
      writer.write(ContractRows.batch(stream, 1, 4));
      writer.write(ContractRows.batch(stream, 5, 10));
      writer.flush();
      writer.write(ContractRows.batch(stream, 11, 12));
      writer.flush();
      writer.complete();
    }

    if (hasBehavior(DestinationBehavior.READ_BACK)) {
      assertThat(readBackSorted(stream)).isEqualTo(ContractRows.rows(1, 12));
    }
  }

  @Test
  void aSyncWithoutRecordsCompletes() throws Exception {
    StreamDescriptor stream = newStream();

    try (DestinationWriter writer = open(stream, appendOrFirstMode())) {
      writer.flush();
      writer.complete();
    }

    if (hasBehavior(DestinationBehavior.READ_BACK)) {
      assertThat(readBackSorted(stream)).isEmpty();
    }
  }

  @Test
  void closeWithoutCompleteKeepsThePreviousDataAndReleasesEverything() throws Exception {
    StreamDescriptor stream = newStream();
    DestinationSyncMode mode = connector().capabilities().supports(DestinationSyncMode.OVERWRITE)
        ? DestinationSyncMode.OVERWRITE : appendOrFirstMode();
    try (DestinationWriter writer = open(stream, mode)) {
      writer.write(ContractRows.batch(stream, 1, 3));
      writer.flush();
      writer.complete();
    }

    try (DestinationWriter failed = open(stream, mode)) {
      failed.write(ContractRows.batch(stream, 4, 6));
      failed.flush();
      failed.write(ContractRows.batch(stream, 7, 8));
    }

    if (hasBehavior(DestinationBehavior.READ_BACK)) {
      if (mode == DestinationSyncMode.OVERWRITE) {
        assertThat(readBackSorted(stream)).as("an unfinished overwrite keeps the old data")
            .isEqualTo(ContractRows.rows(1, 3));
      } else {
        assertThat(readBackSorted(stream)).containsAll(ContractRows.rows(1, 3));
      }
    }
    // Nothing of the unfinished sync (a lock, a staging table in use) stands in the way of the next one.
    try (DestinationWriter retry = open(stream, mode)) {
      retry.write(ContractRows.batch(stream, 9, 10));
      retry.flush();
      retry.complete();
    }
    if (hasBehavior(DestinationBehavior.READ_BACK) && mode == DestinationSyncMode.OVERWRITE) {
      assertThat(readBackSorted(stream)).isEqualTo(ContractRows.rows(9, 10));
    }
  }

  @Test
  void openRejectsTheInvalidConfigWithAMessageWithoutSecrets() {
    StreamDescriptor stream = newStream();
    ConfiguredAirbyteCatalog catalog = catalog(stream, appendOrFirstMode());

    assertThatThrownBy(() -> connector().open(invalidConfig(), catalog, context()).close())
        .isInstanceOf(ConnectorException.class)
        .satisfies(e -> assertNoSecretIn(e.getMessage(), invalidConfig()));
  }

  private DestinationWriter open(StreamDescriptor stream, DestinationSyncMode mode) {
    return connector().open(validConfig(), catalog(stream, mode), context());
  }

  private WriteContext context() {
    return new WriteContext(syncIds.getAndIncrement(), (level, line) -> logLines.add(line));
  }

  private static ConfiguredAirbyteCatalog catalog(StreamDescriptor stream, DestinationSyncMode mode) {
    return new ConfiguredAirbyteCatalog(List.of(
        ConfiguredAirbyteStream.of(ContractRows.stream(stream), SyncMode.FULL_REFRESH, mode)));
  }

  private StreamDescriptor newStream() {
    return new StreamDescriptor("gale_contract_" + UUID.randomUUID().toString().substring(0, 8), namespace());
  }

  private DestinationSyncMode appendOrFirstMode() {
    return connector().capabilities().supports(DestinationSyncMode.APPEND) ? DestinationSyncMode.APPEND
        : connector().capabilities().destinationSyncModes().iterator().next();
  }

  private List<List<Object>> readBackSorted(StreamDescriptor stream) throws Exception {
    return readBack(validConfig(), stream).stream().map(ContractRows::comparable)
        .sorted(Comparator.comparing(row -> (Long) row.getFirst())).toList();
  }
}
