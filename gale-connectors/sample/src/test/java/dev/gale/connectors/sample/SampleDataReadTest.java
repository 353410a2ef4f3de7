package dev.gale.connectors.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorException;
import dev.gale.connector.contract.RecordingOutput;
import dev.gale.protocol.AirbyteStateMessage;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SampleDataReadTest {
  private static final StreamDescriptor USERS = StreamDescriptor.of("users");
  private static final StreamDescriptor PRODUCTS = StreamDescriptor.of("products");
  private static final StreamDescriptor PURCHASES = StreamDescriptor.of("purchases");
  private final SampleDataSource source = new SampleDataSource();

  @Test
  void usersHaveIdsOneToCountInOrder() throws Exception {
    RecordingOutput output = read("{\"count\":2500,\"seed\":1}", SyncMode.FULL_REFRESH, List.of());

    assertThat(output.rows(USERS)).extracting(row -> row[0])
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 2500).boxed().toList());
    assertThat(output.batches()).allSatisfy(batch -> assertThat(batch.size()).isLessThanOrEqualTo(1000));
  }

  @Test
  void productsAreTheSameHundredWhateverTheSeedAndCount() throws Exception {
    List<Object[]> some = read("{\"count\":3,\"seed\":1,\"always_updated\":false}", SyncMode.FULL_REFRESH, List.of())
        .rows(PRODUCTS);
    List<Object[]> other = read("{\"count\":900,\"seed\":2,\"always_updated\":false}", SyncMode.FULL_REFRESH,
        List.of()).rows(PRODUCTS);

    assertThat(some).hasSize(100);
    assertThat(some).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(other);
    assertThat(some).extracting(row -> row[0]).containsExactlyElementsOf(LongStream.rangeClosed(1, 100).boxed().toList());
  }

  @Test
  void purchasesAreTenPerTenUsersAndReferToUsersAndProducts() throws Exception {
    List<Object[]> purchases = read("{\"count\":40,\"seed\":3}", SyncMode.FULL_REFRESH, List.of()).rows(PURCHASES);

    assertThat(purchases).extracting(row -> row[0])
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
    assertThat(purchases).allSatisfy(row -> {
      assertThat((Long) row[1]).isBetween(1L, 40L);
      assertThat((Long) row[2]).isBetween(1L, 100L);
      OffsetDateTime created = (OffsetDateTime) row[3];
      OffsetDateTime addedToCart = (OffsetDateTime) row[5];
      assertThat(addedToCart).isAfterOrEqualTo(created);
      if (row[6] != null) {
        assertThat((OffsetDateTime) row[6]).isAfterOrEqualTo(addedToCart);
      }
      if (row[7] != null) {
        assertThat((OffsetDateTime) row[7]).isAfter((OffsetDateTime) row[6]);
      }
    });
    assertThat(purchases).extracting(row -> row[1]).doesNotContain(7L, 17L).containsOnlyOnce(1L);
    assertThat(purchases.stream().filter(row -> row[1].equals(9L))).as("purchases of user 9").hasSize(2);
  }

  @Test
  void theSameSeedMakesTheSameRecordsOnAnyNumberOfThreads() throws Exception {
    RecordingOutput once = read("{\"count\":3000,\"seed\":7,\"always_updated\":false,\"parallelism\":1}",
        SyncMode.FULL_REFRESH, List.of());
    RecordingOutput again = read("{\"count\":3000,\"seed\":7,\"always_updated\":false,\"parallelism\":4}",
        SyncMode.FULL_REFRESH, List.of());

    for (StreamDescriptor stream : List.of(USERS, PRODUCTS, PURCHASES)) {
      assertThat(again.rows(stream)).usingRecursiveFieldByFieldElementComparator()
          .containsExactlyElementsOf(once.rows(stream));
    }
    assertThat(again.checkpoints()).isEqualTo(once.checkpoints());
  }

  @Test
  void anotherSeedOrARandomOneMakesOtherUsers() throws Exception {
    List<Object> seven = names("{\"count\":20,\"seed\":7}");

    assertThat(names("{\"count\":20,\"seed\":8}")).isNotEqualTo(seven);
    assertThat(names("{\"count\":20}")).isNotEqualTo(names("{\"count\":20,\"seed\":-1}"));
  }

  @Test
  void checkpointsEveryRecordsPerSliceWithFakersStateShape() throws Exception {
    RecordingOutput output = read("{\"count\":25,\"seed\":42,\"records_per_slice\":10}", SyncMode.INCREMENTAL,
        List.of());

    List<AirbyteStateMessage> users = output.checkpoints().stream()
        .filter(state -> state.stream().streamDescriptor().equals(USERS)).toList();
    assertThat(users).hasSize(3);
    List<Object[]> rows = output.rows(USERS);
    for (int i = 0; i < 3; i++) {
      JsonNode state = users.get(i).stream().streamState();
      assertThat(Json.write(state)).matches("\\{\"seed\":42,\"updated_at\":\"[^\"]+\"}");
      Object[] covered = rows.get(Math.min(10 * (i + 1), 25) - 1);
      assertThat(OffsetDateTime.parse(state.get("updated_at").asText())).isEqualTo(covered[2]);
    }
  }

  @Test
  void withoutAlwaysUpdatedASecondIncrementalSyncEmitsOnlyNewUsers() throws Exception {
    String config = "{\"count\":25,\"seed\":42,\"always_updated\":false}";
    RecordingOutput first = read(config, SyncMode.INCREMENTAL, List.of());

    RecordingOutput second = read(config, SyncMode.INCREMENTAL, lastStates(first));
    RecordingOutput grown = read("{\"count\":30,\"seed\":42,\"always_updated\":false}", SyncMode.INCREMENTAL,
        lastStates(first));

    assertThat(second.batches()).isEmpty();
    assertThat(grown.rows(USERS)).extracting(row -> row[0]).containsExactly(26L, 27L, 28L, 29L, 30L);
    assertThat(grown.rows(PRODUCTS)).isEmpty();
  }

  @Test
  void withAlwaysUpdatedEverySyncUpdatesEveryRecordAfterTheCursor() throws Exception {
    String config = "{\"count\":25,\"seed\":42,\"always_updated\":true}";
    RecordingOutput first = read(config, SyncMode.INCREMENTAL, List.of());
    OffsetDateTime cursor = (OffsetDateTime) first.rows(USERS).getLast()[2];

    RecordingOutput second = read(config, SyncMode.INCREMENTAL, lastStates(first));

    assertThat(second.rows(USERS)).hasSize(25)
        .allSatisfy(row -> assertThat((OffsetDateTime) row[2]).isAfter(cursor));
    assertThat(second.rows(USERS)).extracting(row -> row[3])
        .containsExactlyElementsOf(first.rows(USERS).stream().map(row -> row[3]).toList());
  }

  @Test
  void aStateWithoutADateTimeIsRejectedNamingTheStream() {
    AirbyteStateMessage state = AirbyteStateMessage.stream(USERS, Json.object().put("updated_at", "yesterday"));

    assertThatThrownBy(() -> read("{\"count\":5}", SyncMode.INCREMENTAL, List.of(state)))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("users");
  }

  private List<Object> names(String config) throws Exception {
    return read(config, SyncMode.FULL_REFRESH, List.of()).rows(USERS).stream().map(row -> row[3]).toList();
  }

  private static List<AirbyteStateMessage> lastStates(RecordingOutput output) {
    return List.of(USERS, PRODUCTS, PURCHASES).stream().map(stream -> output.checkpoints().stream()
        .filter(state -> state.stream().streamDescriptor().equals(stream)).reduce((a, b) -> b).orElseThrow()).toList();
  }

  private RecordingOutput read(String config, SyncMode mode, List<AirbyteStateMessage> state) throws Exception {
    List<ConfiguredAirbyteStream> streams = source.discover(Json.parse(config)).streams().stream()
        .map((AirbyteStream stream) -> ConfiguredAirbyteStream.of(stream, mode, DestinationSyncMode.APPEND)).toList();
    RecordingOutput output = new RecordingOutput();
    source.read(Json.parse(config), new ConfiguredAirbyteCatalog(streams), state, output);
    return output;
  }
}
