package dev.gale.connectors.declarative.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.SyncMode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hugging Face's dataset viewer API: a dataset's splits (filtered by the configured subsets and splits, each given a
 * {@code dataset::config::split} key) and the rows of each split (a substream of splits that takes the subset and
 * split from that key into its path, pages of 100 by offset, the key added to each row).
 *
 * <p>What the folder lacks: no authentication (public datasets), so no secret; no incremental stream; no primary
 * keys; no error mapping, so the failing check is the interpreter's default handling of a 404 for an unknown
 * dataset.
 */
class HuggingFaceDatasetsManifestGate {
  private static final String CONFIG = "{\"dataset_name\":\"acme/reviews\"}";
  private static final String SPLITS = """
      {"splits":[{"dataset":"acme/reviews","config":"default","split":"train"},
                 {"dataset":"acme/reviews","config":"default","split":"test"},
                 {"dataset":"acme/reviews","config":"short","split":"train"}],"pending":[],"failed":[]}""";

  private final CorpusConnector connector = CorpusConnector.open("source-hugging-face-datasets");

  HuggingFaceDatasetsManifestGate() throws java.io.IOException {}

  @AfterEach
  void close() {
    connector.close();
  }

  private static String rows(int from, int count, int total) {
    String rows = IntStream.range(from, from + count).mapToObj(i -> """
        {"row_idx":%d,"row":{"tokens":%d,"messages":[{"role":"user","content":"Review %d"}]},"truncated_cells":[]}"""
        .formatted(i, 10 + i, i)).collect(Collectors.joining(","));
    return """
        {"features":[{"feature_idx":0,"name":"tokens","type":{"dtype":"int64","_type":"Value"}}],
         "rows":[%s],"num_rows_total":%d,"num_rows_per_page":100,"partial":false}""".formatted(rows, total);
  }

  @Test
  void specAndConfigValidation() {
    assertThat(connector.source().spec().connectionSpecification().path("required").toString())
        .isEqualTo("[\"dataset_name\"]");

    AirbyteConnectionStatus missing = connector.check("{\"dataset_splits\":[\"train\"]}");
    assertThat(missing.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(missing.message()).contains("dataset_name");
    AirbyteConnectionStatus wrongType = connector.check(
        "{\"dataset_name\":\"acme/reviews\",\"dataset_splits\":\"train\"}");
    assertThat(wrongType.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(wrongType.message()).contains("dataset_splits");
    assertThat(connector.api().requests()).isEmpty();
  }

  @Test
  void checkReadsTheFirstRowsOfTheFirstSplit() {
    connector.api().get("/splits\\?dataset=acme/reviews", SPLITS)
        .get("/rows\\?dataset=acme/reviews&config=default&split=train&offset=0&length=100", rows(0, 3, 3));

    assertThat(connector.check(CONFIG).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(connector.api().requests()).allSatisfy(request -> {
      assertThat(request.host()).isEqualTo("datasets-server.huggingface.co");
      assertThat(request.header("Authorization")).isNull();
    });
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void checkFailsForAnUnknownDataset() {
    connector.api().route("GET", "/splits\\?dataset=acme/nothing", 404, """
        {"error":"The dataset does not exist on the Hub."}""", 1);

    AirbyteConnectionStatus status = connector.check("{\"dataset_name\":\"acme/nothing\"}");
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("rows").contains("404");
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void discover() {
    Map<String, AirbyteStream> streams = connector.discover(CONFIG).streams().stream()
        .collect(Collectors.toMap(AirbyteStream::name, stream -> stream));
    assertThat(streams).containsOnlyKeys("rows", "splits");
    assertThat(streams.values()).allSatisfy(stream -> {
      assertThat(stream.sourceDefinedPrimaryKey()).isNullOrEmpty();
      assertThat(stream.supportedSyncModes()).containsExactly(SyncMode.FULL_REFRESH);
    });
  }

  @Test
  void readSplitsFilteredByTheConfigWithTheirKeys() throws Exception {
    connector.api().get("/splits\\?dataset=acme/reviews", SPLITS);

    var all = connector.read(CONFIG, List.of(), "splits");
    assertThat(all.records("splits")).extracting(record -> record.get("key")).containsExactly(
        "acme/reviews::default::train", "acme/reviews::default::test", "acme/reviews::short::train");

    // Both filters apply: only "train" splits of the "short" subset.
    var filtered = connector.read("{\"dataset_name\":\"acme/reviews\",\"dataset_splits\":[\"train\"],"
        + "\"dataset_subsets\":[\"short\"]}", List.of(), "splits");
    assertThat(filtered.records("splits")).singleElement().satisfies(split -> assertThat(split)
        .containsEntry("dataset", "acme/reviews").containsEntry("config", "short").containsEntry("split", "train")
        .containsEntry("key", "acme/reviews::short::train"));
    assertThat(connector.api().unmatched()).isEmpty();
  }

  @Test
  void readRowsPerSplitAcrossPages() throws Exception {
    connector.api().get("/splits\\?dataset=acme/reviews", SPLITS)
        .get("/rows\\?dataset=acme/reviews&config=default&split=train&offset=0&length=100", rows(0, 100, 130))
        .get("/rows\\?dataset=acme/reviews&config=default&split=train&offset=100&length=100", rows(100, 30, 130))
        .get("/rows\\?dataset=acme/reviews&config=default&split=test&offset=0&length=100", rows(0, 2, 2));

    // Only the "default" subset: the "short" split is filtered out of the parent, so it is never asked for.
    var read = connector.read("{\"dataset_name\":\"acme/reviews\",\"dataset_subsets\":[\"default\"]}", List.of(),
        "rows");

    assertThat(read.records("rows")).hasSize(132);
    assertThat(read.records("rows").get(129)).satisfies(row -> {
      assertThat(row).containsEntry("row_idx", 129.0).containsEntry("config", "acme/reviews::default::train");
      assertThat((String) row.get("row")).contains("\"tokens\":139").contains("Review 129");
    });
    assertThat(read.records("rows").getLast()).containsEntry("config", "acme/reviews::default::test")
        .containsEntry("row_idx", 1.0);
    // The offset and page size follow the manifest's own query in the path.
    assertThat(connector.api().requests()).filteredOn(request -> request.path().equals("/rows"))
        .extracting(request -> request.query().get("split") + "@" + request.query().get("offset"))
        .containsExactly("train@0", "train@100", "test@0");
    assertThat(connector.api().unmatched()).isEmpty();
  }
}
