package dev.gale.connectors.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.ConnectorRegistry;
import dev.gale.connector.config.ConfigException;
import dev.gale.protocol.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the configuration accepts and refuses, with Airbyte's property names. */
class DuckDbConfigTest {
  /** Sets the local root before any configuration is read. */
  private static final java.nio.file.Path ROOT = TestingDuckDb.ROOT;

  private final DuckDbDestination destination = new DuckDbDestination();

  @Test
  void specHasAirbyteDestinationDuckDbProperties() {
    JsonNode spec = destination.spec().connectionSpecification();

    assertThat(spec.get("required")).isEqualTo(Json.parse("[\"destination_path\"]"));
    assertThat(spec.at("/properties/schema/default").asText()).isEqualTo("main");
    assertThat(spec.at("/properties/motherduck_api_key/airbyte_secret").asBoolean()).isTrue();
    assertThat(destination.descriptor().dockerRepository()).isEqualTo("airbyte/destination-duckdb");
    assertThat(destination.descriptor().definitionId()).hasToString("94bd199c-2ff0-4aa2-b98e-17f0acb72610");
  }

  @Test
  void aLocalPathLandsUnderTheLocalRootAndTheSchemaDefaultsToMain() {
    DuckDbConfig config = DuckDbConfig.read(Json.object().put("destination_path", "/local/sub/x.duckdb"));

    assertThat(config.file()).isEqualTo(ROOT.resolve("sub/x.duckdb"));
    assertThat(config.schema()).isEqualTo("main");
    assertThat(DuckDbConfig.read(Json.object().put("destination_path", "/elsewhere/y.duckdb")).file())
        .isEqualTo(ROOT.resolve("elsewhere/y.duckdb"));
  }

  @Test
  void motherDuckPathsAreRefusedByName() {
    for (String path : List.of("md:", "md:my_db", "MD:my_db", "motherduck:my_db")) {
      assertThatThrownBy(() -> destination.validate(Json.object().put("destination_path", path)))
          .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
              .asString().startsWith("destination_path ").contains("MotherDuck"));
    }
  }

  @Test
  void aMotherDuckApiKeyIsRefusedWithoutShowingIt() {
    JsonNode config = Json.object().put("destination_path", "/local/x.duckdb")
        .put("motherduck_api_key", "md-secret-4711");

    assertThatThrownBy(() -> destination.validate(config)).isInstanceOfSatisfying(ConfigException.class, e -> {
      assertThat(e.problems()).singleElement().asString().startsWith("motherduck_api_key ");
      assertThat(e.getMessage()).doesNotContain("md-secret-4711");
    });
    assertThat(destination.check(config).message()).contains("motherduck_api_key").doesNotContain("md-secret-4711");
    assertThat(DuckDbConfig.read(Json.object().put("destination_path", "/local/x.duckdb")
        .put("motherduck_api_key", "")).file()).isEqualTo(ROOT.resolve("x.duckdb"));
  }

  @Test
  void pathsThatLeaveTheLocalRootOrNameItAreRefused() {
    for (String path : List.of("/local/../../etc/x.duckdb", "../x.duckdb", "/local", "/local/", "/", "  ")) {
      assertThatThrownBy(() -> destination.validate(Json.object().put("destination_path", path)))
          .as(path).isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
              .asString().startsWith("destination_path must"));
    }
  }

  @Test
  void aBlankSchemaIsRefused() {
    assertThatThrownBy(() -> destination.validate(Json.object().put("destination_path", "/local/x.duckdb")
        .put("schema", " "))).isInstanceOfSatisfying(ConfigException.class,
        e -> assertThat(e.problems()).containsExactly("schema must not be blank"));
  }

  @Test
  void theBuiltInRegistryFindsItThroughServiceLoader() {
    assertThat(ConnectorRegistry.builtIns().findByDockerRepository("airbyte/destination-duckdb")).get()
        .isInstanceOf(DuckDbDestination.class);
  }
}
