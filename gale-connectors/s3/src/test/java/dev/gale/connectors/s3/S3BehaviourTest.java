package dev.gale.connectors.s3;

import static dev.gale.connectors.s3.S3FormatsTest.BUCKET;
import static dev.gale.connectors.s3.S3FormatsTest.COLUMNS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.gale.connector.data.DestinationWriter;
import dev.gale.connector.data.RecordBatch;
import dev.gale.connector.data.RecordSchema;
import dev.gale.connector.data.WriteContext;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConfiguredAirbyteCatalog;
import dev.gale.protocol.ConfiguredAirbyteStream;
import dev.gale.protocol.DestinationSyncMode;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import dev.gale.protocol.SyncMode;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key layout, modes, splitting, failures and check messages against local-s3-rest. */
class S3BehaviourTest {
  private static final String JSONL = "{\"format_type\":\"JSONL\"}";
  private static TestingS3 s3;
  @TempDir
  Path downloads;

  @BeforeAll
  static void start() throws Exception {
    s3 = new TestingS3();
    s3.createBucket(BUCKET);
  }

  @AfterAll
  static void stop() {
    s3.close();
  }

  @Test
  void keysFollowAirbytesDefaultLayout() throws Exception {
    S3FormatsTest.write(new S3Destination(), s3.config(BUCKET, "layout/base", JSONL), "users", "crm",
        DestinationSyncMode.APPEND, 1, 120);

    List<String> keys = s3.keys(BUCKET, "layout/");
    // 120 records flushed every 50: three objects, numbered from 0 in one folder of the sync.
    assertThat(keys).hasSize(3).allMatch(key -> key.matches(
        "layout/base/crm/users/\\d{4}_\\d{1,2}_\\d{1,2}_\\d{13}_/[0-2]\\.jsonl"));
  }

  @Test
  void pathFormatAndFileNamePatternExpandAirbytesVariables() throws Exception {
    ObjectNode config = s3.config(BUCKET, "vars", JSONL).put("s3_path_format",
        "${STREAM_NAME}/${YEAR}/${MONTH}/${DAY}/${HOUR}/${MINUTE}/${SECOND}/${MILLISECOND}/${EPOCH}/${UUID}")
        .put("file_name_pattern", "{date}_{timestamp}_{sync_id}_{part_number}{format_extension}");
    S3FormatsTest.write(new S3Destination(), config, "events", null, DestinationSyncMode.APPEND, 1, 10);

    assertThat(s3.keys(BUCKET, "vars/")).singleElement().asString().matches("vars/events/\\d{4}/\\d{1,2}/\\d{1,2}"
        + "/\\d+/\\d+/\\d+/\\d{13}/\\d{13}/[0-9a-f-]{36}/\\d{4}-\\d{2}-\\d{2}_\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}"
        + "\\.\\d{3}Z_42_0\\.jsonl");
  }

  @Test
  void appendKeepsEarlierObjectsAndOverwriteReplacesThemAfterWriting() throws Exception {
    JsonNode config = s3.config(BUCKET, "modes", JSONL);
    S3FormatsTest.write(new S3Destination(), config, "orders", "shop", DestinationSyncMode.APPEND, 1, 10);
    Thread.sleep(5); // another ${EPOCH}, so another folder
    S3FormatsTest.write(new S3Destination(), config, "orders", "shop", DestinationSyncMode.APPEND, 11, 20);
    S3FormatsTest.write(new S3Destination(), config, "orders_other", "shop", DestinationSyncMode.APPEND, 1, 5);
    assertThat(ids("modes/shop/orders/")).hasSize(20);

    Thread.sleep(5);
    S3FormatsTest.write(new S3Destination(), config, "orders", "shop", DestinationSyncMode.OVERWRITE, 100, 102);

    assertThat(ids("modes/shop/orders/")).containsExactlyInAnyOrder(100L, 101L, 102L);
    assertThat(ids("modes/shop/orders_other/")).as("a stream whose name starts alike is left alone").hasSize(5);
  }

  @Test
  void bigStreamsSplitIntoObjectsUploadedInParts() throws Exception {
    // Objects of ~20 kB uploaded in 4 kB parts: several objects, most of them multipart uploads.
    S3Destination destination = new S3Destination(new Limits(20_000, 4096));
    JsonNode config = s3.config(BUCKET, "split", "{\"format_type\":\"JSONL\"}");
    StreamDescriptor stream = new StreamDescriptor("big", null);
    try (DestinationWriter writer = destination.open(config, catalog(stream, DestinationSyncMode.APPEND), context())) {
      for (long from = 1; from <= 1000; from += 100) {
        writer.write(batch(stream, from, from + 99));
      }
      writer.flush();
      writer.complete();
    }

    assertThat(s3.keys(BUCKET, "split/big/")).hasSizeGreaterThan(5);
    assertThat(ids("split/big/")).hasSize(1000).doesNotHaveDuplicates();
    assertThat(s3.client().listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
  }

  @Test
  void aFailedOverwriteLeavesTheEarlierObjectsAndNoHalfOfTheNewSet() throws Exception {
    JsonNode config = s3.config(BUCKET, "failed", JSONL);
    S3FormatsTest.write(new S3Destination(), config, "accounts", null, DestinationSyncMode.OVERWRITE, 1, 3);
    List<String> before = s3.keys(BUCKET, "failed/");

    S3Destination destination = new S3Destination(new Limits(20_000, 4096));
    StreamDescriptor stream = new StreamDescriptor("accounts", null);
    try (DestinationWriter writer = destination.open(config, catalog(stream, DestinationSyncMode.OVERWRITE),
        context())) {
      writer.write(batch(stream, 10, 400)); // complete objects, split by size
      writer.flush();
      writer.write(batch(stream, 401, 450)); // an upload in progress, with parts sent
      // the sync fails here: closed without complete
    }

    assertThat(s3.keys(BUCKET, "failed/")).isEqualTo(before);
    assertThat(ids("failed/accounts/")).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(s3.client().listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
  }

  @Test
  void aPartThatFailsInTheBackgroundFailsTheFlushAndLeavesNoObject() throws Exception {
    JsonNode config = s3.config(BUCKET, "lost", JSONL);
    S3Destination destination = new S3Destination(new Limits(1 << 20, 4096));
    StreamDescriptor stream = new StreamDescriptor("orders", null);
    try (DestinationWriter writer = destination.open(config, catalog(stream, DestinationSyncMode.APPEND), context())) {
      writer.write(batch(stream, 1, 100)); // parts of an open object are on their way, from a lane's thread
      List<MultipartUpload> uploads = List.of();
      for (long deadline = System.nanoTime() + 10_000_000_000L; uploads.isEmpty() && System.nanoTime() < deadline; ) {
        uploads = s3.client().listMultipartUploads(b -> b.bucket(BUCKET).prefix("lost/")).uploads();
      }
      // The store forgets the upload, as after a lifecycle rule: the next parts and the completion fail.
      assertThat(uploads).hasSize(1).allSatisfy(upload -> s3.client()
          .abortMultipartUpload(b -> b.bucket(BUCKET).key(upload.key()).uploadId(upload.uploadId())));

      assertThatThrownBy(() -> {
        writer.write(batch(stream, 101, 200));
        writer.flush();
      }).isInstanceOf(IOException.class).hasMessageStartingWith("Could not upload")
          .hasMessageContaining("s3://" + BUCKET + "/lost/orders/");
    }

    assertThat(s3.keys(BUCKET, "lost/")).isEmpty();
    assertThat(s3.client().listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
  }

  @Test
  void awkwardStreamNamesMakeDistinctReadableKeys() throws Exception {
    JsonNode config = s3.config(BUCKET, "awkward", "{\"format_type\":\"Parquet\"}");
    List<String> names = List.of("with space", "ünï cödé", "dots.and-dash", "quote'and\"double", "100%");
    for (String name : names) {
      S3FormatsTest.write(new S3Destination(), config, name, "ns 1", DestinationSyncMode.APPEND, 1, 3);
    }
    for (String name : names) {
      Path dir = Files.createTempDirectory(downloads, "a");
      assertThat(s3.download(BUCKET, "awkward/ns 1/" + name + "/", dir)).as(name).hasSize(1);
      assertThat(DuckDb.query("SELECT count(*) AS n FROM read_parquet(" + DuckDb.glob(dir, "*.parquet") + ")"))
          .containsExactly(Map.of("n", 3L));
    }
  }

  @Test
  void checkWritesListsAndDeletesATestObject() {
    AirbyteConnectionStatus status = new S3Destination().check(s3.config(BUCKET, "check/here", JSONL));

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    assertThat(s3.keys(BUCKET, "check/")).isEmpty();
  }

  @Test
  void aRowGroupBeyondWhatTheHeapCanHoldIsRefusedByCheckAndBySync() {
    JsonNode config = s3.config(BUCKET, "huge", "{\"format_type\":\"Parquet\",\"block_size_mb\":1000000}");

    AirbyteConnectionStatus status = new S3Destination().check(config);
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("block_size_mb 1000000", "-Xmx");
    assertThatThrownBy(() -> new S3Destination().open(config, catalog(new StreamDescriptor("items", null), DestinationSyncMode.APPEND), context()))
        .hasMessageContaining("lower block_size_mb");
  }

  @Test
  void theDefaultRowGroupAndPartsFitTheReplicateHeapWithRoomForTheRest() {
    Limits twoLanes = new Limits(200L << 20, 5 << 20, 2);
    OutputFormat parquet = S3Config.read(s3.config(BUCKET, "x", "{\"format_type\":\"Parquet\"}")).format();

    assertThat(WriterMemory.of(parquet, twoLanes)).isEqualTo((128L + 2 * 3 * 5) << 20);
    WriterMemory.requireFits(parquet, twoLanes, 320L << 20); // ./gale replicate's -Xmx320m
    assertThatThrownBy(() -> WriterMemory.requireFits(parquet, twoLanes, 256L << 20))
        .hasMessageContaining("about 158 MiB").hasMessageContaining("153 MiB of its 256 MiB heap");
  }

  @Test
  void checkNamesAMissingBucket() {
    AirbyteConnectionStatus status = new S3Destination().check(s3.config("no-such-bucket", "x", JSONL));

    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("Bucket 'no-such-bucket' does not exist");
  }

  @Test
  void checkSaysWhenTheEndpointCannotBeReached() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ObjectNode config = s3.config(BUCKET, "x", JSONL).put("s3_endpoint", "http://localhost:" + port);

    AirbyteConnectionStatus status = new S3Destination().check(config);

    assertThat(status.message()).contains("Cannot reach the S3 endpoint http://localhost:" + port)
        .doesNotContain(TestingS3.SECRET);
  }

  @Test
  void checkSaysWhichKeyTheStoreRefusedAndWhenTheRegionIsWrong() throws Exception {
    // local-s3-rest accepts any key, so a minimal store answering as S3 does to refused keys and wrong regions.
    HttpServer store = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    store.createContext("/", exchange -> {
      String auth = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
      String code = auth.contains("Credential=unknown/") ? "InvalidAccessKeyId"
          : auth.contains("/eu-west-1/") ? "AuthorizationHeaderMalformed" : "SignatureDoesNotMatch";
      byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>refused"
          + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/xml");
      exchange.getResponseHeaders().add("x-amz-bucket-region", "us-east-1");
      exchange.sendResponseHeaders(code.startsWith("Authorization") ? 400 : 403, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    store.start();
    try {
      String endpoint = "http://localhost:" + store.getAddress().getPort();
      S3Destination destination = new S3Destination();

      String unknownKey = destination.check(s3.config(BUCKET, "x", JSONL).put("s3_endpoint", endpoint)
          .put("access_key_id", "unknown")).message();
      String wrongSecret = destination.check(s3.config(BUCKET, "x", JSONL).put("s3_endpoint", endpoint)).message();
      String wrongRegion = destination.check(s3.config(BUCKET, "x", JSONL).put("s3_endpoint", endpoint)
          .put("s3_bucket_region", "eu-west-1")).message();

      assertThat(unknownKey).contains("does not know the access key id given in access_key_id");
      assertThat(wrongSecret).contains("secret_access_key does not belong to access_key_id");
      assertThat(wrongRegion).contains("is not in region eu-west-1 but in us-east-1");
      assertThat(List.of(unknownKey, wrongSecret, wrongRegion)).noneMatch(m -> m.contains(TestingS3.SECRET));
    } finally {
      store.stop(0);
    }
  }

  @Test
  void refusesRoleArnCodecsItLacksAndHalfGivenKeys() {
    S3Destination destination = new S3Destination();
    assertThat(destination.check(s3.config(BUCKET, "x", JSONL).put("role_arn", "arn:aws:iam::1:role/r")).message())
        .contains("role_arn is not supported");
    assertThat(destination.check(s3.config(BUCKET, "x", "{\"format_type\":\"Parquet\",\"compression_codec\":"
        + "\"brotli\"}")).message()).contains("compression_codec BROTLI is not available");
    assertThat(destination.check(s3.config(BUCKET, "x", JSONL).put("access_key_id", "")).message())
        .contains("access_key_id and secret_access_key go together").doesNotContain(TestingS3.SECRET);
  }

  private List<Long> ids(String prefix) throws Exception {
    Path dir = Files.createTempDirectory(downloads, "ids");
    s3.download(BUCKET, prefix, dir);
    return DuckDb.query("SELECT json->>'$._airbyte_data.id' AS id FROM read_ndjson_objects("
        + DuckDb.glob(dir, "*.jsonl") + ")").stream().map(row -> Long.parseLong((String) row.get("id"))).toList();
  }

  private static ConfiguredAirbyteCatalog catalog(StreamDescriptor stream, DestinationSyncMode mode) {
    return new ConfiguredAirbyteCatalog(List.of(ConfiguredAirbyteStream.of(AirbyteStream.of(stream.name(),
        Json.parse(S3FormatsTest.JSON_SCHEMA), List.of(SyncMode.FULL_REFRESH)), SyncMode.FULL_REFRESH, mode)));
  }

  private static WriteContext context() {
    return new WriteContext(7, (level, line) -> {});
  }

  private static RecordBatch batch(StreamDescriptor stream, long from, long to) {
    RecordBatch.Builder builder = RecordBatch.builder(new RecordSchema(stream, COLUMNS), (int) (to - from + 1));
    for (long id = from; id <= to; id++) {
      builder.add(S3FormatsTest.row(id));
    }
    return builder.build(Instant.now());
  }
}
