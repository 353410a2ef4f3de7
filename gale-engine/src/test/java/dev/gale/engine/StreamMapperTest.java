package dev.gale.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.Column;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.ValueType;
import dev.gale.engine.StreamMapping.NamespaceDefinition;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamMapperTest {
  private static final StreamDescriptor SHOP_ITEMS = new StreamDescriptor("items", "shop");
  private static final RecordSchema SCHEMA = RecordSchema.fromJsonSchema(SHOP_ITEMS, Json.parse(ScriptedSource.SCHEMA));
  private final ConfiguredAirbyteCatalog catalog =
      new ScriptedSource(ScriptedSource.Script.of(1, 1, 1, "items").inNamespace("shop")).configuredCatalog();

  @Test
  void namespaceDefinitionsFollowAirbyte() {
    assertThat(StreamMapper.namespace(NamespaceDefinition.SOURCE, null, "shop")).isEqualTo("shop");
    assertThat(StreamMapper.namespace(NamespaceDefinition.SOURCE, null, null)).isNull();
    assertThat(StreamMapper.namespace(NamespaceDefinition.DESTINATION, "x", "shop")).isNull();
    assertThat(StreamMapper.namespace(NamespaceDefinition.CUSTOMFORMAT, "raw_${SOURCE_NAMESPACE}_v2", "shop"))
        .isEqualTo("raw_shop_v2");
    assertThat(StreamMapper.namespace(NamespaceDefinition.CUSTOMFORMAT, "raw_${SOURCE_NAMESPACE}", null))
        .isEqualTo("raw_");
    assertThat(StreamMapper.namespace(NamespaceDefinition.CUSTOMFORMAT, "${SOURCE_NAMESPACE}", null)).isNull();
    assertThat(StreamMapper.namespace(NamespaceDefinition.CUSTOMFORMAT, "analytics", "shop")).isEqualTo("analytics");
  }

  @Test
  void aBatchThatChangesNothingIsPassedOnAsItIs() {
    StreamMapper mapper = new StreamMapper(catalog, StreamMapping.identity());
    RecordBatch batch = batch();

    assertThat(mapper.map(batch)).isSameAs(batch);
    assertThat(mapper.destinationCatalog()).isEqualTo(catalog);
  }

  @Test
  void aPrefixAndNamespaceRenameTheStreamAndKeepTheRows() {
    StreamMapper mapper = new StreamMapper(catalog,
        new StreamMapping(NamespaceDefinition.CUSTOMFORMAT, "raw_${SOURCE_NAMESPACE}", "gale_", Map.of()));
    RecordBatch batch = batch();

    RecordBatch mapped = mapper.map(batch);

    assertThat(mapped.schema().stream()).isEqualTo(new StreamDescriptor("gale_items", "raw_shop"));
    assertThat(mapped.schema().columns()).isEqualTo(SCHEMA.columns());
    assertThat(mapped.rows()).isSameAs(batch.rows());
    assertThat(mapped.estimatedBytes()).isEqualTo(batch.estimatedBytes());
    ConfiguredAirbyteStream opened = mapper.destinationCatalog().streams().getFirst();
    assertThat(opened.descriptor()).isEqualTo(new StreamDescriptor("gale_items", "raw_shop"));
    assertThat(opened.stream().jsonSchema()).isEqualTo(Json.parse(ScriptedSource.SCHEMA));
  }

  @Test
  void fieldSelectionProjectsRowsSchemaAndJsonSchema() {
    StreamMapper mapper = new StreamMapper(catalog, new StreamMapping(NamespaceDefinition.DESTINATION, null, "",
        Map.of("shop.items", List.of("price", "id"))));

    RecordBatch mapped = mapper.map(batch());

    assertThat(mapped.schema()).isEqualTo(new RecordSchema(StreamDescriptor.of("items"),
        List.of(new Column("id", ValueType.INTEGER), new Column("price", ValueType.NUMBER))));
    assertThat(mapped.rows()).containsExactly(new Object[] {1L, new BigDecimal("1.5")},
        new Object[] {2L, null});
    assertThat(mapped.estimatedBytes()).isLessThan(batch().estimatedBytes());
    assertThat(mapper.destinationCatalog().streams().getFirst().stream().jsonSchema()).isEqualTo(Json.parse("""
        {"type":"object","required":["id"],"properties":{"id":{"type":"integer"},"price":{"type":"number"}}}"""));
  }

  @Test
  void selectingEveryFieldCopiesNothingAndASelectionByNameMatchesAnyNamespace() {
    StreamMapper mapper = new StreamMapper(catalog, new StreamMapping(NamespaceDefinition.SOURCE, null, "",
        Map.of("items", List.of("name", "price", "id"))));
    RecordBatch batch = batch();

    assertThat(mapper.map(batch)).isSameAs(batch);
  }

  @Test
  void twoSourceStreamsGoingToOneDestinationStreamAreRefused() {
    ConfiguredAirbyteCatalog twoNamespaces = new ConfiguredAirbyteCatalog(List.of(catalog.streams().getFirst(),
        new ScriptedSource(ScriptedSource.Script.of(1, 1, 1, "items").inNamespace("other")).configuredCatalog()
            .streams().getFirst()));
    StreamMapping toDefault = new StreamMapping(NamespaceDefinition.DESTINATION, null, "", Map.of());

    assertThatThrownBy(() -> new StreamMapper(twoNamespaces, toDefault)).isInstanceOf(ConnectorException.class)
        .hasMessage("Streams shop.items and other.items would both be written to items; change the namespace "
            + "definition or the stream prefix of the connection");
  }

  @Test
  void aBatchOfAnUnknownStreamIsRefused() {
    StreamMapper mapper = new StreamMapper(catalog, StreamMapping.identity());
    RecordBatch other = RecordBatch.builder(new RecordSchema(StreamDescriptor.of("other"), SCHEMA.columns()), 0)
        .build(Instant.EPOCH);

    assertThat(mapper.knows(StreamDescriptor.of("other"))).isFalse();
    assertThatThrownBy(() -> mapper.map(other)).isInstanceOf(IllegalArgumentException.class);
  }

  private static RecordBatch batch() {
    return RecordBatch.builder(SCHEMA, 2).add(new Object[] {1L, "one", new BigDecimal("1.5")})
        .add(new Object[] {2L, "two", null}).build(Instant.EPOCH);
  }
}
