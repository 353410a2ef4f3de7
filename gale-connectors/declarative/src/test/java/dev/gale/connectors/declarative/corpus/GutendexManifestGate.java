package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Gutendex: {@code books}, filtered by whichever of the config's optional query parameters are set (those not set
 * are left out), in pages of 32: the page number goes in the query from the second page on (counted from 0, so the
 * second request asks for {@code page=1}) and the page size, as the manifest says, in a form body even on these GETs.
 *
 * <p>What the folder lacks: no authentication (so no secret to hide and no rejected credential to check), no
 * incremental stream, no primary key and no error mapping of its own; its spec requires nothing.
 */
class GutendexManifestGate {
  private static final String CONFIG = """
      {"languages":"en,fr","sort":"ascending","topic":"children","author_year_start":"1800"}""";
  private final CorpusConnector connector = open();

  private static CorpusConnector open() {
    try {
      return CorpusConnector.open("source-gutendex");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void close() {
    connector.close();
  }

  private static String book(int id, String title, String author, int born, int died, String language) {
    return """
        {"id":%d,"title":"%s","authors":[{"name":"%s","birth_year":%d,"death_year":%d}],"translators":[],
         "subjects":["Children's stories"],"bookshelves":["Children's Literature"],"languages":["%s"],
         "copyright":false,"media_type":"Text",
         "formats":{"text/html":"https://www.gutenberg.org/ebooks/%d.html.images",
                    "application/epub+zip":"https://www.gutenberg.org/ebooks/%d.epub3.images"},
         "download_count":%d}""".formatted(id, title, author, born, died, language, id, id, 1000 + id);
  }

  private static String page(List<String> books, String next) {
    return "{\"count\":33,\"next\":" + next + ",\"previous\":null,\"results\":[" + String.join(",", books) + "]}";
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString()).isEqualTo("[]");
    AirbyteConnectionStatus number = connector.check("{\"author_year_start\":1800}");
    assertThat(number.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(number.message()).contains("author_year_start", "string");
    AirbyteConnectionStatus badSort = connector.check("{\"sort\":\"newest\"}");
    assertThat(badSort.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(badSort.message()).contains("sort", "ascending|descending|popular");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkSucceedsWithNothingConfiguredAndFailsOnAServerError() {
    connector.api().get("/books", page(List.of(book(11, "Alice's Adventures in Wonderland", "Carroll, Lewis", 1832,
        1898, "en")), "null"));

    // Nothing set: no query parameter at all.
    assertThat(connector.check("{}").status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests().getFirst().query()).isEmpty();

    connector.api().route("GET", "/books\\?.*", 503, "<html>Service Unavailable</html>", Integer.MAX_VALUE);
    AirbyteConnectionStatus down = connector.check(CONFIG);
    assertThat(down.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(down.message()).contains("books", "503");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discoverListsBooks() {
    AirbyteStream books = connector.discover("{}").streams().getFirst();
    assertThat(books.name()).isEqualTo("books");
    assertThat(books.sourceDefinedPrimaryKey()).isNullOrEmpty();
    assertThat(books.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    assertThat(connector.api().requests()).as("discover makes no request").isEmpty();
  }

  @Test
  void readsBooksInPagesOf32WithTheConfiguredFilters() throws Exception {
    List<String> first = IntStream.range(0, 31).mapToObj(i -> book(20_000 + i, "Fairy Tales, Volume " + (i + 1),
        "Grimm, Jacob", 1785, 1863, "en")).collect(Collectors.toList());
    first.addFirst(book(11, "Alice's Adventures in Wonderland", "Carroll, Lewis", 1832, 1898, "en"));
    connector.api().get("/books\\?(?=.*page=1).*", page(List.of(book(17_500, "Contes de ma mère l'Oye",
        "Perrault, Charles", 1628, 1703, "fr")), "null"));
    connector.api().get("/books\\?.*", page(first, "\"https://gutendex.com/books/?page=2\""));

    var read = connector.read(CONFIG, List.of());

    List<Map<String, Object>> books = read.records("books");
    assertThat(books).hasSize(33);
    assertThat(books.getFirst()).containsEntry("id", 11L).containsEntry("title", "Alice's Adventures in Wonderland")
        .containsEntry("copyright", false).containsEntry("download_count", 1011L).containsEntry("media_type", "Text");
    assertThat((String) books.getFirst().get("authors")).contains("\"birth_year\":1832");
    assertThat((String) books.getFirst().get("formats")).contains("https://www.gutenberg.org/ebooks/11.epub3.images");
    assertThat(books.getLast()).containsEntry("id", 17_500L).containsEntry("languages", "[\"fr\"]");
    List<CorpusApi.Request> requests = connector.api().requests();
    assertThat(requests).extracting(request -> request.query().get("page")).containsExactly(null, "1");
    assertThat(requests).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("gutendex.com");
      assertThat(request.method()).isEqualTo("GET");
      assertThat(request.path()).isEqualTo("/books");
      assertThat(request.query()).containsEntry("languages", "en,fr").containsEntry("sort", "ascending")
          .containsEntry("topic", "children").containsEntry("author_year_start", "1800")
          .doesNotContainKeys("author_year_end", "copyright", "search", "page_size");
      assertThat(request.body()).isEqualTo("page_size=32");
    });
    assertThat(read.states()).isEmpty();
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
