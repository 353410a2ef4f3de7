package dev.gale.server.service.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import dev.gale.server.domain.SyncCatalog.AirbyteCatalog;
import dev.gale.server.domain.SyncCatalog.AirbyteStream;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamAndConfiguration;
import dev.gale.server.domain.SyncCatalog.AirbyteStreamConfiguration;
import dev.gale.server.http.InvalidInputException.ValidationError;
import dev.gale.server.http.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SourceStreamsTest {
  private static final ObjectNode USERS = (ObjectNode) Json.parse("""
      {"type": "object", "properties": {
        "id": {"type": "integer"},
        "updated_at": {"type": "string"},
        "address": {"type": "object", "properties": {"city": {"type": "string"}, "geo": {"type": ["null", "object"]}}},
        "tags": {"type": "array"}}}""");
  private static final ObjectNode OPEN = (ObjectNode) Json.parse("{\"type\": \"object\"}");

  private final SourceStreams source = new SourceStreams(new AirbyteCatalog(List.of(
      discovered("users", null, USERS, true),
      discovered("orders", "shop", USERS, false),
      discovered("orders", "archive", USERS, false),
      discovered("events", null, OPEN, false))));

  @Test
  void knownStreamsWithFieldsOfTheirSchemaHaveNoProblem() {
    assertThat(source.problems(List.of(
        stream("users", null, List.of("updated_at"), List.of(List.of("id"))),
        stream("orders", "shop", List.of("address", "city"), List.of(List.of("id"), List.of("address", "city")))))).isEmpty();
  }

  @Test
  void aStreamTheSourceLacksIsNamedWithTheStreamsItHas() {
    List<ValidationError> problems = source.problems(List.of(stream("users", null, null, List.of()),
        stream("customers", null, null, List.of())));

    assertThat(problems).singleElement().satisfies(problem -> {
      assertThat(problem.propertyPath()).isEqualTo("s.customers.name");
      assertThat(problem.invalidValue()).isEqualTo("customers");
      assertThat(problem.message()).contains("no stream 'customers'", "users", "shop.orders", "events");
    });
  }

  @Test
  void aStreamIsMatchedByNameAndNamespace() {
    assertThat(source.problems(List.of(stream("orders", "archive", null, List.of())))).isEmpty();
    assertThat(source.problems(List.of(stream("orders", "sales", null, List.of()))))
        .singleElement().satisfies(problem -> {
          assertThat(problem.invalidValue()).isEqualTo("sales.orders");
          assertThat(problem.message()).contains("another namespace", "shop.orders", "archive.orders");
        });
    // Without a namespace, the Config API means the stream without one; the source has none such.
    assertThat(source.problems(List.of(stream("orders", null, null, List.of())))).hasSize(1);
    // The Public API names a stream by name alone when that is unambiguous.
    assertThat(source.problems(List.of(new SourceStreams.Requested("p", "users", null, true, Optional.empty(), List.of()))))
        .isEmpty();
  }

  @Test
  void aSourceWithManyStreamsIsCountedNotListed() {
    SourceStreams large = new SourceStreams(new AirbyteCatalog(IntStream.range(0, SourceStreams.LISTED + 1)
        .mapToObj(i -> discovered("table_" + i, null, OPEN, false)).toList()));

    assertThat(large.problems(List.of(stream("nope", null, null, List.of()))).getFirst().message())
        .contains("it has 21 streams").doesNotContain("table_0");
  }

  @Test
  void cursorFieldsAreCheckedAtEveryLevelTheSchemaLists() {
    assertThat(paths(stream("orders", "shop", List.of("paid_at"), List.of()))).containsExactly("s.orders.cursor");
    assertThat(paths(stream("orders", "shop", List.of("address", "zip"), List.of()))).containsExactly("s.orders.cursor");
    // A scalar has no fields below it.
    assertThat(paths(stream("orders", "shop", List.of("id", "value"), List.of()))).containsExactly("s.orders.cursor");
    assertThat(paths(stream("orders", "shop", List.of("tags", "first"), List.of()))).containsExactly("s.orders.cursor");
    // An object that lists no properties may have any.
    assertThat(paths(stream("orders", "shop", List.of("address", "geo", "lat"), List.of()))).isEmpty();
  }

  @Test
  void primaryKeyFieldsAreCheckedEachAtItsPath() {
    List<ValidationError> problems = source.problems(List.of(
        stream("users", null, null, List.of(List.of("id"), List.of("uuid"), List.of("address", "street")))));

    assertThat(problems).extracting(ValidationError::propertyPath).containsExactly("s.users.key1", "s.users.key2");
    assertThat(problems).extracting(ValidationError::invalidValue).containsExactly("uuid", "address.street");
  }

  @Test
  void anOpenSchemaAcceptsAnyField() {
    assertThat(source.problems(List.of(stream("events", null, List.of("anything", "deep"), List.of(List.of("whatever"))))))
        .isEmpty();
  }

  @Test
  void aSourceDefinedCursorMayBeSentBackEvenWhenTheSchemaDoesNotListIt() {
    // users defines _ab_cursor as its cursor without listing it among its properties.
    assertThat(paths(stream("users", null, List.of("_ab_cursor"), List.of()))).isEmpty();
    assertThat(paths(stream("users", null, List.of("_ab_other"), List.of()))).containsExactly("s.users.cursor");
  }

  @Test
  void theConfigApiCatalogIsCheckedAgainstTheDiscoveredSchemaNotItsOwn() {
    ObjectNode edited = USERS.deepCopy();
    edited.withObject("/properties").putObject("invented").put("type", "string");
    AirbyteCatalog requested = new AirbyteCatalog(List.of(
        configured("users", edited, SyncMode.FULL_REFRESH, null, List.of()),
        configured("orders", USERS, SyncMode.FULL_REFRESH, null, List.of()),
        configured("events", OPEN, SyncMode.INCREMENTAL, List.of("invented"), List.of()),
        new AirbyteStreamAndConfiguration(new AirbyteStream("shop_orders", null, null, null, null, null, "shop"), null),
        configured("users", edited, SyncMode.INCREMENTAL, List.of("invented"), List.of(List.of("invented")))));

    assertThatThrownBy(() -> SyncCatalogs.validated(requested, List.of(), Optional.of(source)))
        .isInstanceOfSatisfying(InvalidInputException.class, e -> {
          assertThat(e.errors()).extracting(ValidationError::propertyPath).containsExactly(
              "syncCatalog.streams[1].stream.name",
              "syncCatalog.streams[3].stream.name",
              "syncCatalog.streams[4].config.cursorField",
              "syncCatalog.streams[4].config.primaryKey[0]",
              "syncCatalog.streams[4].stream.name"); // the catalog's own rule: users appears twice
          assertThat(e.getMessage()).contains("no stream 'orders'");
        });
  }

  @Test
  void aValidCatalogIsStoredAsBefore() {
    AirbyteCatalog requested = new AirbyteCatalog(List.of(
        configured("users", USERS, SyncMode.INCREMENTAL, List.of("updated_at"), List.of(List.of("id"))),
        configured("events", OPEN, SyncMode.INCREMENTAL, List.of("anything"), List.of(List.of("any")))));

    assertThat(SyncCatalogs.validated(requested, List.of(), Optional.of(source)))
        .isEqualTo(SyncCatalogs.validated(requested, List.of()));
  }

  private List<String> paths(SourceStreams.Requested requested) {
    return source.problems(List.of(requested)).stream().map(ValidationError::propertyPath).toList();
  }

  /** A Config API stream: a missing namespace means none. Its paths name the stream, so tests can tell them apart. */
  private static SourceStreams.Requested stream(String name, String namespace, List<String> cursor, List<List<String>> key) {
    String path = "s." + name;
    return new SourceStreams.Requested(path + ".name", name, namespace, false,
        Optional.ofNullable(cursor).map(c -> new SourceStreams.Field(path + ".cursor", c)),
        IntStream.range(0, key.size()).mapToObj(k -> new SourceStreams.Field(path + ".key" + k, key.get(k))).toList());
  }

  private static AirbyteStreamAndConfiguration discovered(String name, String namespace, ObjectNode schema,
                                                          boolean sourceDefinedCursor) {
    return new AirbyteStreamAndConfiguration(new AirbyteStream(name, schema,
        List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL), sourceDefinedCursor,
        sourceDefinedCursor ? List.of("_ab_cursor") : List.of(), List.of(), namespace), null);
  }

  private static AirbyteStreamAndConfiguration configured(String name, ObjectNode schema, SyncMode mode,
                                                          List<String> cursor, List<List<String>> key) {
    return new AirbyteStreamAndConfiguration(
        new AirbyteStream(name, schema, List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL), cursor == null ? null : false,
            null, null, null),
        new AirbyteStreamConfiguration(mode, cursor, key.isEmpty() ? DestinationSyncMode.APPEND : DestinationSyncMode.APPEND_DEDUP,
            key, null, true, null, false, null));
  }
}
