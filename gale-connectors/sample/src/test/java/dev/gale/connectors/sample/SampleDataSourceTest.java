package dev.gale.connectors.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.connector.Source;
import dev.gale.connector.config.ConfigException;
import dev.gale.connector.contract.SourceContract;
import dev.gale.protocol.AirbyteCatalog;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleDataSourceTest extends SourceContract {
  private final SampleDataSource source = new SampleDataSource();

  @Override
  protected Source connector() {
    return source;
  }

  @Override
  protected JsonNode validConfig() {
    return Json.parse("{\"count\":25,\"seed\":42,\"records_per_slice\":7,\"always_updated\":false}");
  }

  @Override
  protected JsonNode invalidConfig() {
    return Json.parse("{\"count\":0,\"parallelism\":\"many\"}");
  }

  @Test
  void specHasFakersPropertiesTypesDefaultsAndBounds() {
    JsonNode spec = source.spec().connectionSpecification();

    assertThat(spec.get("required")).isEqualTo(Json.parse("[\"count\"]"));
    assertThat(names(spec.get("properties")))
        .containsExactly("count", "seed", "records_per_slice", "always_updated", "parallelism");
    assertProperty(spec, "count", "integer", "1000", 1);
    assertProperty(spec, "seed", "integer", "-1", null);
    assertProperty(spec, "records_per_slice", "integer", "1000", 1);
    assertProperty(spec, "always_updated", "boolean", "true", null);
    assertProperty(spec, "parallelism", "integer", "4", 1);
    assertThat(source.spec().documentationUrl()).isEqualTo("https://docs.airbyte.com/integrations/sources/faker");
  }

  @Test
  void readsFakerDefaults() {
    assertThat(SampleDataConfig.read(Json.parse("{\"count\":5}")))
        .isEqualTo(new SampleDataConfig(5, -1, 1000, true, 4));
  }

  @Test
  void checkNamesEveryInvalidProperty() {
    assertThat(source.check(invalidConfig()).message())
        .contains("count must be at least 1, got 0")
        .contains("parallelism must be an integer, got \"many\"");
  }

  @Test
  void discoverOffersUsersProductsAndPurchasesIncrementallyByUpdatedAt() {
    AirbyteCatalog catalog = source.discover(validConfig());

    assertThat(catalog.streams()).extracting(AirbyteStream::name).containsExactly("users", "products", "purchases");
    for (AirbyteStream stream : catalog.streams()) {
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL);
      assertThat(stream.sourceDefinedCursor()).isTrue();
      assertThat(stream.defaultCursorField()).containsExactly("updated_at");
      assertThat(stream.sourceDefinedPrimaryKey()).containsExactly(List.of("id"));
      JsonNode updatedAt = stream.jsonSchema().at("/properties/updated_at");
      assertThat(updatedAt.get("type").asText()).isEqualTo("string");
      assertThat(updatedAt.get("format").asText()).isEqualTo("date-time");
      assertThat(updatedAt.get("airbyte_type").asText()).isEqualTo("timestamp_with_timezone");
    }
  }

  @Test
  void streamSchemasHaveTheFakerColumns() {
    AirbyteCatalog catalog = source.discover(validConfig());

    assertThat(properties(catalog, "users")).containsExactly("id", "created_at", "updated_at", "name", "title", "age",
        "email", "telephone", "gender", "language", "academic_degree", "nationality", "occupation", "height",
        "blood_type", "weight", "address");
    assertThat(names(catalog.streams().getFirst().jsonSchema().at("/properties/address/properties")))
        .containsExactly("street_number", "street_name", "city", "state", "province", "postal_code", "country_code");
    assertThat(properties(catalog, "products"))
        .containsExactly("id", "make", "model", "year", "price", "created_at", "updated_at");
    assertThat(properties(catalog, "purchases")).containsExactly("id", "user_id", "product_id", "created_at",
        "updated_at", "added_to_cart_at", "purchased_at", "returned_at");
    JsonNode purchases = catalog.streams().get(2).jsonSchema();
    assertThat(purchases.at("/properties/returned_at/type")).isEqualTo(Json.parse("[\"null\",\"string\"]"));
    assertThat(purchases.at("/properties/id/type").asText()).isEqualTo("integer");
    assertThat(catalog.streams().get(1).jsonSchema().at("/properties/price/type").asText()).isEqualTo("number");
  }

  @Test
  void eachDiscoverReturnsItsOwnSchemas() {
    ((ObjectNode) source.discover(validConfig()).streams().getFirst().jsonSchema()).removeAll();

    assertThat(source.discover(validConfig()).streams().getFirst().jsonSchema().has("properties")).isTrue();
  }

  @Test
  void discoverRejectsAnInvalidConfig() {
    assertThatThrownBy(() -> source.discover(invalidConfig())).isInstanceOf(ConfigException.class);
  }

  private static void assertProperty(JsonNode spec, String name, String type, String defaultValue, Integer minimum) {
    JsonNode property = spec.get("properties").get(name);
    assertThat(property.get("type").asText()).as(name).isEqualTo(type);
    assertThat(property.get("default").toString()).as(name).isEqualTo(defaultValue);
    assertThat(property.path("title").asText()).as(name).isNotBlank();
    if (minimum == null) {
      assertThat(property.has("minimum")).as(name).isFalse();
    } else {
      assertThat(property.get("minimum").asInt()).as(name).isEqualTo(minimum);
    }
  }

  private static List<String> properties(AirbyteCatalog catalog, String stream) {
    return names(catalog.streams().stream().filter(s -> s.name().equals(stream)).findFirst().orElseThrow()
        .jsonSchema().get("properties"));
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
