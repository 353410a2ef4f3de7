package dev.gale.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import dev.gale.connector.config.ConfigException;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.AirbyteConnectionStatus;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Objects in an S3 server in this JVM (local-s3-rest, in memory), reached through the endpoint hook
 * {@value S3Objects#ENDPOINT_PROPERTY}.
 */
class S3ReadTest {
  private static final String SECRET = "s3-test-secret-value";
  private static LocalS3 server;
  private static S3Client client;
  private static URI endpoint;

  @BeforeAll
  static void start() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = LocalS3.builder().port(port).mode(LocalS3Mode.IN_MEMORY).build();
    server.start();
    endpoint = URI.create("http://localhost:" + port);
    client = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", SECRET))).build();
    client.createBucket(b -> b.bucket("files"));
    put("data/cities.csv", "id,city\n1,Oslo\n2,Lima\n".getBytes(StandardCharsets.UTF_8));
    put("data/events.jsonl", "{\"n\": 1.5, \"s\": \"a\"}\n{\"n\": 2, \"s\": \"b\"}\n".getBytes(StandardCharsets.UTF_8));
    System.setProperty(S3Objects.ENDPOINT_PROPERTY, endpoint.toString());
  }

  @AfterAll
  static void stop() {
    System.clearProperty(S3Objects.ENDPOINT_PROPERTY);
    client.close();
    server.shutdown();
  }

  private static void put(String key, byte[] content) {
    client.putObject(b -> b.bucket("files").key(key), RequestBody.fromBytes(content));
  }

  private static ObjectNode config(String format, String url) {
    ObjectNode config = TestFiles.config(format, url, "S3", null);
    ((ObjectNode) config.get("provider")).put("aws_access_key_id", "test").put("aws_secret_access_key", SECRET);
    return config;
  }

  @Test
  void readsCsvWithKeys() throws Exception {
    TestFiles.Read read = TestFiles.read(config("csv", "s3://files/data/cities.csv"));

    assertThat(read.names()).containsExactly("id", "city");
    assertThat(read.rows()).containsExactly(new Object[] {1L, "Oslo"}, new Object[] {2L, "Lima"});
  }

  @Test
  void readsJsonlAnonymouslyAndWithoutTheScheme() throws Exception {
    // No keys: anonymous requests, as Airbyte's unsigned client; a url without s3:// as Airbyte accepts it.
    TestFiles.Read read = TestFiles.read(TestFiles.config("jsonl", "files/data/events.jsonl", "S3", null));

    assertThat(read.columns()).extracting(c -> c.type()).containsExactly(ValueType.NUMBER, ValueType.STRING);
    assertThat(read.rows()).containsExactly(new Object[] {1.5, "a"}, new Object[] {2.0, "b"});
  }

  @Test
  void parquetIsDownloadedToATemporaryFileAndRemoved() throws Exception {
    Path parquet = TestFiles.ROOT.resolve("s3-upload.parquet");
    ParquetReadTest.writeParquet(parquet, "SELECT range AS id, 'row ' || range AS label FROM range(3)");
    put("data/rows.parquet", Files.readAllBytes(parquet));
    long before = temporaryCopies();

    TestFiles.Read read = TestFiles.read(config("parquet", "s3://files/data/rows.parquet"));

    assertThat(read.names()).containsExactly("id", "label");
    assertThat(read.rows()).containsExactly(new Object[] {0L, "row 0"}, new Object[] {1L, "row 1"},
        new Object[] {2L, "row 2"});
    assertThat(temporaryCopies()).isEqualTo(before);
  }

  @Test
  void checkSucceedsAndNamesAMissingBucketOrKeyWithoutTheSecret() {
    FileSource source = new FileSource();
    assertThat(source.check(config("csv", "s3://files/data/cities.csv")).status())
        .isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);

    AirbyteConnectionStatus bucket = source.check(config("csv", "s3://no-such-bucket/data/cities.csv"));
    assertThat(bucket.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(bucket.message()).contains("S3 bucket no-such-bucket not found").doesNotContain(SECRET);

    AirbyteConnectionStatus key = source.check(config("csv", "s3://files/data/missing.csv"));
    assertThat(key.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(key.message()).contains("S3 object data/missing.csv not found in bucket files")
        .doesNotContain(SECRET);
  }

  @Test
  void checkNamesAnUnreachableEndpoint() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    System.setProperty(S3Objects.ENDPOINT_PROPERTY, "http://127.0.0.1:" + closed);
    try {
      AirbyteConnectionStatus status = new FileSource().check(config("csv", "s3://files/data/cities.csv"));
      assertThat(status.message()).startsWith("Could not reach S3 endpoint at http://127.0.0.1:" + closed)
          .doesNotContain(SECRET);
    } finally {
      System.setProperty(S3Objects.ENDPOINT_PROPERTY, endpoint.toString());
    }
  }

  @Test
  void malformedUrlsAndHalfKeysAreRefusedWithoutEchoingThem() {
    assertThat(problems(config("csv", "https://example.com/a.csv")))
        .contains("url must be s3://bucket/key (or bucket/key) for provider.storage S3");
    assertThat(problems(config("csv", "s3://id:" + SECRET + "@files/a.csv")))
        .contains("the bucket name is missing or invalid").doesNotContain(SECRET);
    assertThat(problems(config("csv", "s3://files/data/"))).contains("url must name one object");
    ObjectNode half = TestFiles.config("csv", "s3://files/a.csv", "S3", null);
    ((ObjectNode) half.get("provider")).put("aws_secret_access_key", SECRET);
    assertThat(problems(half)).contains("must be given together").doesNotContain(SECRET);
  }

  private static String problems(ObjectNode config) {
    try {
      new FileSource().validate(config);
    } catch (ConfigException e) {
      return String.join("\n", e.problems());
    }
    throw new AssertionError("accepted " + config);
  }

  private static long temporaryCopies() throws IOException {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(path -> path.getFileName().toString().startsWith("gale-file-source-")
          && path.toString().endsWith(".parquet")).count();
    }
  }
}
