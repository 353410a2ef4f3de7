package dev.gale.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.data.SyncEvents.Estimate;
import dev.gale.connector.data.SyncEvents.StreamStatus;
import dev.gale.engine.ReplicationListener.Side;
import dev.gale.engine.ScriptedSource.Script;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Estimates, stream statuses and configuration updates, from a source's output and a destination's context. */
class SideEventsTest {
  private static final StreamDescriptor ITEMS = StreamDescriptor.of("items");
  private static final StreamDescriptor USERS = StreamDescriptor.of("users");
  private final ConfiguredAirbyteCatalog catalog = new ScriptedSource(Script.of(1, 1, 1, "items", "users"))
      .configuredCatalog();
  private final SyncStats stats = new SyncStats(catalog);
  private final RecordingListener listener = new RecordingListener();
  private final QueueingOutput output = new QueueingOutput(new BatchQueue(10, 1 << 20),
      new StreamMapper(catalog, StreamMapping.identity()), stats, listener, (origin, error) -> {});

  @Test
  void aSourcesStreamEstimatesReplaceEachOtherAndAddUpToTheSyncs() {
    output.estimate(Estimate.ofStream(ITEMS, 100, 1_000));
    output.estimate(Estimate.ofStream(ITEMS, 120, 1_200));
    output.estimate(Estimate.ofStream(USERS, 5, 50));
    output.estimate(Estimate.ofStream(StreamDescriptor.of("elsewhere"), 7, 70));

    SyncTotals totals = stats.snapshot();
    assertThat(totals.streams().get(ITEMS).estimatedRecords()).isEqualTo(120);
    assertThat(totals.streams().get(ITEMS).estimatedBytes()).isEqualTo(1_200);
    assertThat(totals.total().estimatedRecords()).isEqualTo(125);
    assertThat(totals.total().estimatedBytes()).isEqualTo(1_250);
    assertThat(totals.syncEstimate()).isEmpty();
    assertThat(listener.logs()).containsExactly(
        "DEBUG source: ignored an estimate for stream elsewhere, which the sync does not read");
  }

  @Test
  void aWholeSyncEstimateIsTheSyncsTotal() {
    output.estimate(Estimate.ofStream(ITEMS, 100, 1_000));
    output.estimate(Estimate.ofSync(10_000, 80_000));

    SyncTotals totals = stats.snapshot();
    assertThat(totals.syncEstimate()).isEqualTo(Optional.of(Estimate.ofSync(10_000, 80_000)));
    assertThat(totals.total().estimatedRecords()).isEqualTo(10_000);
    assertThat(totals.total().estimatedBytes()).isEqualTo(80_000);
    assertThat(totals.total().recordsEmitted()).isZero();
  }

  @Test
  void statusesAndConfigurationUpdatesReachTheListenerWithTheirSide() {
    JsonNode sourceConfig = Json.parse("{\"api_key\":\"new\"}");
    JsonNode destinationConfig = Json.parse("{\"token\":\"fresh\"}");
    SideEvents destination = new SideEvents(Side.DESTINATION, stats, listener);

    output.streamStatus(ITEMS, StreamStatus.STARTED);
    output.configurationUpdated(sourceConfig);
    output.streamStatus(ITEMS, StreamStatus.COMPLETE);
    destination.streamStatus(new StreamDescriptor("gale_items", "raw"), StreamStatus.COMPLETE);
    destination.configurationUpdated(destinationConfig);
    destination.estimate(Estimate.ofStream(ITEMS, 3, 3));

    assertThat(listener.events()).containsExactly(
        "SOURCE items STARTED",
        "SOURCE configuration {\"api_key\":\"new\"}",
        "SOURCE items COMPLETE",
        "DESTINATION raw.gale_items COMPLETE",
        "DESTINATION configuration {\"token\":\"fresh\"}");
    assertThat(stats.snapshot().total().estimatedRecords()).as("a destination estimates nothing").isZero();
  }

  @Test
  void aFailingListenerFailsNeitherTheConnectorNorTheSyncAndLeaksNoValue() {
    RecordingListener failing = new RecordingListener() {
      @Override
      public void configurationUpdated(Side side, JsonNode configuration) {
        throw new IllegalStateException("cannot save " + configuration);
      }

      @Override
      public void streamStatus(Side side, StreamDescriptor stream, StreamStatus status) {
        throw new IllegalStateException("no status today");
      }
    };
    SideEvents events = new SideEvents(Side.SOURCE, stats, failing);

    events.streamStatus(ITEMS, StreamStatus.RUNNING);
    events.configurationUpdated(Json.parse("{\"api_key\":\"s3cr3t\"}"));

    assertThat(failing.logs()).containsExactly(
        "WARN source: the source's configuration update could not be handled (IllegalStateException)");
  }
}
