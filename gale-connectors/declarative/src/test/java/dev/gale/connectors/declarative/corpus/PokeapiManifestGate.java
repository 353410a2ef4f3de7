package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PokeAPI: one stream, one pokemon by name from the config, no auth, no pagination. */
class PokeapiManifestGate {
  private static final String CONFIG = "{\"pokemon_name\":\"ditto\"}";
  private static final String DITTO = """
      {"id":132,"name":"ditto","base_experience":101,"height":3,"weight":40,"is_default":true,"order":214,
       "abilities":[{"ability":{"name":"limber","url":"https://pokeapi.co/api/v2/ability/7/"},"is_hidden":false,"slot":1}],
       "types":[{"slot":1,"type":{"name":"normal","url":"https://pokeapi.co/api/v2/type/1/"}}]}""";
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-pokeapi");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .contains("pokemon_name");
    AirbyteConnectionStatus missing = connector.check("{}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("pokemon_name");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkDiscoverAndRead() throws Exception {
    connector.api().get("/api/v2/pokemon/ditto", DITTO);

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    AirbyteStream pokemon = connector.discover(CONFIG).streams().getFirst();
    assertThat(pokemon.name()).isEqualTo("pokemon");
    assertThat(pokemon.sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));

    var read = connector.read(CONFIG, List.of());
    assertThat(read.records("pokemon")).singleElement().satisfies(record -> {
      assertThat(record).containsEntry("id", 132L).containsEntry("name", "ditto").containsEntry("height", 3L);
      assertThat((String) record.get("types")).contains("\"normal\"");
    });
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("pokeapi.co");
      assertThat(request.path()).isEqualTo("/api/v2/pokemon/ditto");
      assertThat(request.method()).isEqualTo("GET");
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
