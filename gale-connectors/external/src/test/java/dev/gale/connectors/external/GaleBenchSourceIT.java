package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connectors.sample.SampleDataSource;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.SyncMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark's external source ({@code bench/bin/source-gale-bench}, which {@code bench/external.sh} runs beside
 * the built-in Sample Data source): it must speak the protocol and emit the same users stream, or the benchmark
 * compares different work.
 */
@Timeout(120)
class GaleBenchSourceIT {
  static final Path PROGRAM = Path.of("..", "..", "bench", "bin", "source-gale-bench").toAbsolutePath().normalize();
  static final JsonNode CONFIG = Json.parse("{\"count\":2500,\"seed\":1,\"records_per_slice\":1000}");

  static ExternalSource benchSource() {
    assertThat(PROGRAM).isExecutable();
    return ExternalSource.load(Scripts.source("gale-bench"), ExternalCommand.of(PROGRAM.toString())
        .withEnvironment(Map.of("JAVA_HOME", System.getProperty("java.home")))
        .withNoMessageTimeout(Duration.ofSeconds(60)));
  }

  @Test
  void itsUsersStreamHasTheFieldsOfTheSampleDataSourcesUsers() {
    AirbyteStream bench = benchSource().discover(CONFIG).streams().getFirst();
    AirbyteStream sample = new SampleDataSource().discover(Json.parse("{\"count\":1}")).streams().stream()
        .filter(stream -> stream.name().equals("users")).findFirst().orElseThrow();

    assertThat(bench.name()).isEqualTo("users");
    assertThat(fieldNames(bench.jsonSchema().path("properties")))
        .containsExactlyElementsOf(fieldNames(sample.jsonSchema().path("properties")));
    assertThat(fieldNames(bench.jsonSchema().at("/properties/address/properties")))
        .containsExactlyElementsOf(fieldNames(sample.jsonSchema().at("/properties/address/properties")));
  }

  @Test
  void readsCountRecordsWithAStateAfterEverySlice() throws Exception {
    ExternalSource source = benchSource();
    ConfiguredAirbyteCatalog catalog = new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(
        source.discover(CONFIG).streams().getFirst(), SyncMode.FULL_REFRESH, DestinationSyncMode.OVERWRITE)));
    RecordingOutput output = new RecordingOutput();

    source.read(CONFIG, catalog, List.of(), output);

    List<Object[]> rows = output.rows();
    assertThat(rows).hasSize(2500);
    assertThat(rows).extracting(row -> row[0]).doesNotHaveDuplicates().contains(1L, 2500L);
    assertThat(rows).allSatisfy(row -> assertThat(row).doesNotContainNull());
    assertThat(output.states).extracting(state -> state.stream().streamState().get("id").asLong())
        .containsExactly(1000L, 2000L, 2500L);
  }

  private static List<String> fieldNames(JsonNode properties) {
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    assertThat(names).isNotEmpty();
    return names;
  }
}
