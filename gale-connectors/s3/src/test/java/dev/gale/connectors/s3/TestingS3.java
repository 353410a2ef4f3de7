package dev.gale.connectors.s3;

import com.robothy.s3.rest.LocalS3;
import com.robothy.s3.rest.bootstrap.LocalS3Mode;
import dev.gale.protocol.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** An S3 server in this JVM (local-s3-rest, in memory) and a client to look at what a test wrote. */
final class TestingS3 implements AutoCloseable {
  static final String SECRET = "test-secret-key-value";

  private final LocalS3 server;
  private final int port;
  private final S3Client client;

  TestingS3() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = LocalS3.builder().port(port).mode(LocalS3Mode.IN_MEMORY).build();
    server.start();
    client = S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", SECRET))).build();
  }

  URI endpoint() {
    return URI.create("http://localhost:" + port);
  }

  S3Client client() {
    return client;
  }

  void createBucket(String bucket) {
    client.createBucket(b -> b.bucket(bucket));
  }

  /** A configuration for this server writing {@code format} (given as JSON) under {@code path}. */
  ObjectNode config(String bucket, String path, String format) {
    ObjectNode config = Json.object().put("s3_bucket_name", bucket).put("s3_bucket_path", path)
        .put("s3_bucket_region", "us-east-1").put("access_key_id", "test").put("secret_access_key", SECRET)
        .put("s3_endpoint", endpoint().toString());
    config.set("format", Json.parse(format));
    return config;
  }

  List<String> keys(String bucket, String prefix) {
    return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).encodingType("url")).contents().stream()
        .map(S3Object::key).sorted().toList();
  }

  /** Downloads the objects under {@code prefix} into {@code directory}, keeping their file names unique. */
  List<Path> download(String bucket, String prefix, Path directory) throws IOException {
    Files.createDirectories(directory);
    List<String> keys = keys(bucket, prefix);
    for (int i = 0; i < keys.size(); i++) {
      String key = keys.get(i);
      String name = i + "_" + key.substring(key.lastIndexOf('/') + 1);
      Files.write(directory.resolve(name), client.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    }
    try (var files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }

  @Override
  public void close() {
    client.close();
    server.shutdown();
  }
}
