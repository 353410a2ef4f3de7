package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connectors.postgres.TestingPostgres;
import dev.gale.connectors.postgres.destination.PostgresDestination;
import dev.gale.engine.ReplicationEngine;
import dev.gale.engine.ReplicationListener;
import dev.gale.engine.ReplicationRequest;
import dev.gale.engine.ReplicationResult;
import dev.gale.engine.StreamMapping;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStateType;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source written with a CDK Gale did not write, Faros AI's {@code faros-airbyte-cdk} from npm (our
 * {@code items-source.js}, reading items from a JSON file), run as an external source into PostgreSQL.
 *
 * <p>That CDK keeps its whole state as one LEGACY state ({@code {"data": <gzip+base64>}}), which Gale commits as it
 * came and gives back as the bare {@code data} in the next sync's state file.
 */
@Timeout(180)
class FarosCdkSourceIT {
  static final TestingPostgres POSTGRES = TestingPostgres.shared();
  static final String SECRET = "sesame-4417";

  @TempDir
  Path dir;
  Path items;
  ObjectNode config;
  ExternalSource source;

  @BeforeEach
  void writeTheFirstItems() throws Exception {
    items = dir.resolve("items.json");
    writeItems(3);
    config = Json.object().put("path", items.toString()).put("api_key", SECRET);
    source = ExternalSource.load(Scripts.source("items"),
        NpmPackages.node("items-source.js").withNoMessageTimeout(Duration.ofSeconds(60)));
  }

  @Test
  void specCheckAndDiscoverComeFromTheCdk() {
    assertThat(source.spec().connectionSpecification().at("/properties/api_key/airbyte_secret").asBoolean()).isTrue();
    assertThat(source.check(config)).isEqualTo(AirbyteConnectionStatus.succeeded());
    AirbyteConnectionStatus missing = source.check(config.deepCopy().put("path", dir.resolve("none.json").toString()));
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("Cannot read items");

    AirbyteStream stream = source.discover(config).streams().getFirst();
    assertThat(stream.name()).isEqualTo("items");
    assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
    assertThat(stream.defaultCursorField()).containsExactly("updated_at");
    assertThat(stream.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
  }

  @Test
  void aFullRefreshReplacesTheTableWithEveryItem() throws Exception {
    String database = POSTGRES.newDatabase();

    assertThat(sync(database, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, List.of()).failure()).isEmpty();
    writeItems(4);
    FarosDestinationIT.Listener listener = new FarosDestinationIT.Listener();
    ReplicationResult second = sync(database, SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE, List.of(),
        listener);

    assertThat(second.failure()).isEmpty();
    assertThat(second.totals().streams().get(StreamDescriptor.of("items")).recordsCommitted()).isEqualTo(4);
    assertThat(POSTGRES.query(database, "SELECT id, name FROM public.items ORDER BY id")).containsExactly(
        List.of(1L, "item 1"), List.of(2L, "item 2"), List.of(3L, "item 3"), List.of(4L, "item 4"));
    // The CDK logs its config (redacting by the spec itself); Gale masks the secret too.
    assertThat(listener.logs()).anyMatch(line -> line.contains("Config: ")).noneMatch(line -> line.contains(SECRET));
  }

  @Test
  void anIncrementalSyncWithTheCommittedStateBringsOnlyTheNewItems() throws Exception {
    String database = POSTGRES.newDatabase();
    ExternalSyncIT.Recording first = new ExternalSyncIT.Recording();

    assertThat(sync(database, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND, List.of(), first).failure()).isEmpty();
    AirbyteStateMessage state = first.committed().getLast();
    assertThat(state.type()).isEqualTo(AirbyteStateType.LEGACY);
    assertThat(state.data().path("format").asText()).isEqualTo("base64/gzip");

    writeItems(5);
    ExternalSyncIT.Recording second = new ExternalSyncIT.Recording();
    ReplicationResult result = sync(database, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND, List.of(state), second);

    assertThat(result.failure()).isEmpty();
    assertThat(result.totals().streams().get(StreamDescriptor.of("items")).recordsCommitted()).isEqualTo(2);
    assertThat(POSTGRES.query(database, "SELECT id, count(*) FROM public.items GROUP BY id ORDER BY id"))
        .containsExactly(List.of(1L, 1L), List.of(2L, 1L), List.of(3L, 1L), List.of(4L, 1L), List.of(5L, 1L));
    assertThat(second.committed()).isNotEmpty().last().isNotEqualTo(state);

    // A third sync from the second's state finds nothing new.
    ReplicationResult third = sync(database, SyncMode.INCREMENTAL, DestinationSyncMode.APPEND,
        List.of(second.committed().getLast()));
    assertThat(third.failure()).isEmpty();
    assertThat(POSTGRES.query(database, "SELECT count(*) FROM public.items")).containsExactly(List.of(5L));
  }

  @Test
  void theCdkSourceIntoAnExternalDestinationCommitsItsStateOnceTheDestinationEchoedGales() throws Exception {
    ExternalDestination destination = ExternalDestination.load(Scripts.destination("echoing"),
        Scripts.script(dir, "destination.sh", ExternalDestinationTest.ECHOING)
            .withEnvironment(Map.of("OUT", dir.resolve("out").toString())));
    AirbyteStream stream = source.discover(config).streams().getFirst();
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(stream,
        SyncMode.INCREMENTAL, DestinationSyncMode.APPEND).withCursorField(List.of("updated_at"))));
    ExternalSyncIT.Recording listener = new ExternalSyncIT.Recording();

    ReplicationResult result = new ReplicationEngine(ExternalSyncIT.FLUSH_AT_EVERY_CHECKPOINT)
        .start(new ReplicationRequest(source, config, destination, ExternalDestinationTest.CONFIG, catalog,
            StreamMapping.identity(), List.of(), 12), listener)
        .await(Duration.ofSeconds(120)).orElseThrow();

    assertThat(result.failure()).isEmpty();
    assertThat(Files.readAllLines(dir.resolve("out")))
        .filteredOn(line -> line.startsWith("{\"type\":\"RECORD\""))
        .extracting(line -> Json.parse(line).at("/record/data/id").asInt()).containsExactly(1, 2, 3);
    assertThat(listener.committed()).isNotEmpty().allMatch(state -> state.type() == AirbyteStateType.LEGACY);
  }

  /** Items 1..count, the later ones updated later, as an API listing them by modification time would give them. */
  private void writeItems(int count) throws Exception {
    StringBuilder json = new StringBuilder("[");
    for (int id = 1; id <= count; id++) {
      json.append(id == 1 ? "" : ",").append("{\"id\":").append(id).append(",\"name\":\"item ").append(id)
          .append("\",\"updated_at\":\"2024-03-0").append(id).append("T10:00:00Z\"}");
    }
    Files.writeString(items, json.append("]"));
  }

  private ReplicationResult sync(String database, SyncMode mode, DestinationSyncMode destinationMode,
                                 List<AirbyteStateMessage> state) throws Exception {
    return sync(database, mode, destinationMode, state, new ExternalSyncIT.Recording());
  }

  private ReplicationResult sync(String database, SyncMode mode, DestinationSyncMode destinationMode,
                                 List<AirbyteStateMessage> state, ReplicationListener listener)
      throws Exception {
    AirbyteStream items = source.discover(config).streams().getFirst();
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(items, mode,
        destinationMode).withCursorField(List.of("updated_at")).withPrimaryKey(List.of(List.of("id")))));
    JsonNode destination = POSTGRES.config(database).put("schema", "public");
    return new ReplicationEngine(ExternalSyncIT.FLUSH_AT_EVERY_CHECKPOINT)
        .start(new ReplicationRequest(source, config, new PostgresDestination(), destination, catalog,
            StreamMapping.identity(), state, 11), listener)
        .await(Duration.ofSeconds(120)).orElseThrow();
  }
}
