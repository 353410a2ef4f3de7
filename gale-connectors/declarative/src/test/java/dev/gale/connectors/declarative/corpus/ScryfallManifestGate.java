package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scryfall: Magic cards (a search for every card, paged by the {@code next_page} URL the API returns), sets and
 * card symbols. No configuration and no auth.
 *
 * <p>What the folder lacks: a spec with nothing in it (so the only invalid configuration is one that is not an
 * object), no incremental stream, no authentication or secret, and no error mapping, so the failing check is the
 * interpreter's default handling of an API error.
 */
class ScryfallManifestGate {
  private static final String CONFIG = "{}";
  private static final String PAGE_2_URL = "https://api.scryfall.com/cards/search?format=json&include_extras=false"
      + "&include_multilingual=false&include_variations=false&order=name&page=2&q=%2A&unique=cards";

  private final CorpusConnector connector = CorpusConnector.open("source-scryfall");

  ScryfallManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String card(String id, String name, String set, double cmc, String usd) {
    return """
        {"object":"card","id":"%s","oracle_id":"o-%s","lang":"en","name":"%s","layout":"normal","cmc":%s,
         "type_line":"Creature — Goblin","colors":["R"],"color_identity":["R"],"set":"%s","set_name":"Test Set",
         "rarity":"common","collector_number":"42","digital":false,"reprint":false,
         "legalities":{"modern":"legal","vintage":"legal"},"prices":{"usd":%s,"eur":null}}"""
        .formatted(id, id, name, cmc, set, usd == null ? "null" : "\"" + usd + "\"");
  }

  @Test
  void specAndConfigValidation() {
    var spec = connector.source().spec().connectionSpecification();
    assertThat(spec.path("required").size()).isZero();
    assertThat(spec.path("properties").size()).isZero();

    AirbyteConnectionStatus notAnObject = connector.check("[]");
    assertThat(notAnObject.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(notAnObject.message()).contains("configuration");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSearchesCards() {
    // q=* goes out as q=%2A, as Python's requests encodes it.
    connector.api().get("/cards/search\\?q=%2A", "{\"object\":\"list\",\"total_cards\":1,\"has_more\":false,"
        + "\"data\":[" + card("c-1", "Goblin Guide", "zen", 1.0, "2.50") + "]}");

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).singleElement().satisfies(request -> {
      assertThat(request.host()).isEqualTo("api.scryfall.com");
      assertThat(request.query()).containsExactly(Map.entry("q", "*"));
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsOnAnApiError() {
    connector.api().route("GET", "/cards/search\\?q=%2A", 400, """
        {"object":"error","code":"bad_request","status":400,"details":"The search query was malformed."}""", 1);

    AirbyteConnectionStatus status = connector.check(CONFIG);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("cards").contains("400");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    Map<String, AirbyteStream> streams = connector.discover(CONFIG).streams().stream()
        .collect(Collectors.toMap(AirbyteStream::name, stream -> stream));
    assertThat(streams).containsOnlyKeys("cards", "sets", "symbols");
    assertThat(streams.get("cards").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
    assertThat(streams.get("sets").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("id")));
    assertThat(streams.get("symbols").sourceDefinedPrimaryKey()).isEqualTo(List.of(List.of("symbol")));
    assertThat(streams.values()).allSatisfy(stream ->
        assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH));
  }

  @Test
  void readCardsAcrossPagesByTheNextPageUrl() throws Exception {
    connector.api()
        .get("/cards/search\\?q=%2A", "{\"object\":\"list\",\"total_cards\":3,\"has_more\":true,\"next_page\":\""
            + PAGE_2_URL + "\",\"data\":[" + card("c-1", "Goblin Guide", "zen", 1.0, "2.50") + ","
            + card("c-2", "Lightning Bolt", "m10", 1.0, "1.25") + "]}")
        .get("/cards/search\\?format=json.*&page=2&q=%2A&unique=cards", "{\"object\":\"list\",\"total_cards\":3,"
            + "\"has_more\":false,\"data\":[" + card("c-3", "Shivan Dragon", "lea", 6.0, null) + "]}");

    var read = connector.read(CONFIG, List.of(), "cards");

    assertThat(read.records("cards")).extracting(record -> record.get("name"))
        .containsExactly("Goblin Guide", "Lightning Bolt", "Shivan Dragon");
    assertThat(read.records("cards").get(2)).containsEntry("cmc", 6.0).containsEntry("set", "lea")
        .containsEntry("digital", false);
    assertThat((String) read.records("cards").getFirst().get("prices")).contains("\"usd\":\"2.50\"");
    List<CorpusApi.Request> requests = connector.api().requests();
    assertThat(requests).hasSize(2).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("api.scryfall.com");
      assertThat(request.path()).isEqualTo("/cards/search");
    });
    // The second page is the URL the API gave, as it gave it: the manifest's q=* is already in it, not added twice.
    assertThat(requests.get(1).url().toString()).isEqualTo(PAGE_2_URL);
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readSetsAndSymbols() throws Exception {
    connector.api()
        .get("/sets", """
            {"object":"list","has_more":false,"data":[
             {"object":"set","id":"s-1","code":"lea","name":"Limited Edition Alpha","set_type":"core",
              "released_at":"1993-08-05","card_count":295,"digital":false,"foil_only":false,"nonfoil_only":true},
             {"object":"set","id":"s-2","code":"zen","name":"Zendikar","set_type":"expansion","block":"Zendikar",
              "block_code":"zen","released_at":"2009-10-02","card_count":269,"digital":false,"foil_only":false}]}""")
        .get("/symbology", """
            {"object":"list","has_more":true,"next_page":"https://api.scryfall.com/symbology?page=2","data":[
             {"object":"card_symbol","symbol":"{R}","english":"one red mana","transposable":false,
              "represents_mana":true,"appears_in_mana_costs":true,"mana_value":1,"cmc":1,"funny":false,
              "colors":["R"],"hybrid":false,"phyrexian":false}]}""")
        .get("/symbology\\?page=2", """
            {"object":"list","has_more":false,"data":[
             {"object":"card_symbol","symbol":"{T}","english":"tap this permanent","transposable":false,
              "represents_mana":false,"appears_in_mana_costs":false,"funny":false,"colors":[],"hybrid":false,
              "phyrexian":false}]}""");

    var read = connector.read(CONFIG, List.of(), "sets", "symbols");

    assertThat(read.records("sets")).extracting(record -> record.get("code")).containsExactly("lea", "zen");
    assertThat(read.records("sets").getFirst()).containsEntry("card_count", 295.0)
        .containsEntry("released_at", "1993-08-05").containsEntry("nonfoil_only", true);
    assertThat(read.records("symbols")).extracting(record -> record.get("symbol")).containsExactly("{R}", "{T}");
    assertThat(read.records("symbols").getFirst()).containsEntry("mana_value", 1.0)
        .containsEntry("represents_mana", true);
    // Sets do not page; symbols follow next_page until has_more is false.
    assertThat(connector.api().requests()).extracting(request -> request.url().toString()).containsExactly(
        "https://api.scryfall.com/sets", "https://api.scryfall.com/symbology",
        "https://api.scryfall.com/symbology?page=2");
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
