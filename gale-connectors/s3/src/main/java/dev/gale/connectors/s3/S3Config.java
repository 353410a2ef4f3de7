package dev.gale.connectors.s3;

import static dev.gale.connectors.s3.S3Fields.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.config.ConfigException;
import dev.gale.connector.config.ConfigValues;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A destination-s3 configuration, read and checked. {@link #toString()} leaves the secret out.
 *
 * @param accessKeyId empty for the default AWS credential chain
 * @param secretAccessKey empty exactly when {@code accessKeyId} is
 * @param region never empty: us-east-1 when the configuration leaves it out
 * @param endpoint empty for AWS itself
 */
record S3Config(String accessKeyId, String secretAccessKey, String bucket, String bucketPath, String region,
                Optional<URI> endpoint, String pathFormat, String fileNamePattern, OutputFormat format) {

  static S3Config read(JsonNode config) {
    ConfigValues values = CONFIG.read(EnumSpelling.canonical(config));
    List<String> problems = new ArrayList<>();
    String keyId = values.find(ACCESS_KEY_ID).orElse("").trim();
    String secret = values.find(SECRET_ACCESS_KEY).orElse("");
    if (keyId.isEmpty() != secret.isEmpty()) {
      problems.add("access_key_id and secret_access_key go together: give both, or neither for the default AWS "
          + "credential chain");
    }
    if (!values.find(ROLE_ARN).orElse("").isBlank()) {
      problems.add("role_arn is not supported by Gale's S3 destination: give access_key_id and secret_access_key, "
          + "or neither for the default AWS credential chain");
    }
    String bucket = values.get(BUCKET).trim();
    if (bucket.isEmpty()) {
      problems.add("s3_bucket_name must not be empty");
    }
    Optional<URI> endpoint = endpoint(values.get(ENDPOINT), problems);
    OutputFormat format = format(values.get(FORMAT), problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    String region = values.get(REGION).isBlank() ? "us-east-1" : values.get(REGION).trim();
    return new S3Config(keyId, secret, bucket, values.get(BUCKET_PATH), region, endpoint,
        values.find(PATH_FORMAT).filter(s -> !s.isBlank()).orElse(ObjectKeys.DEFAULT_PATH_FORMAT),
        values.find(FILE_NAME_PATTERN).filter(s -> !s.isBlank()).orElse(ObjectKeys.DEFAULT_FILE_NAME), format);
  }

  boolean hasKeys() {
    return !accessKeyId.isEmpty();
  }

  private static Optional<URI> endpoint(String given, List<String> problems) {
    String text = given.trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    // Airbyte's examples give endpoints both with and without a scheme; without one, HTTPS is meant.
    if (!text.contains("://")) {
      text = "https://" + text;
    }
    try {
      URI uri = URI.create(text);
      if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
        throw new IllegalArgumentException();
      }
      return Optional.of(uri);
    } catch (IllegalArgumentException e) {
      problems.add("s3_endpoint must be an http(s) URL such as http://localhost:9000, got " + given);
      return Optional.empty();
    }
  }

  private static OutputFormat format(ConfigValues format, List<String> problems) {
    if (format.schema() == PARQUET) {
      ParquetCodec codec = ParquetCodec.valueOf(format.get(COMPRESSION_CODEC));
      if (codec.parquetName().isEmpty()) {
        problems.add("format.compression_codec " + codec + " is not available in Gale; choose UNCOMPRESSED, "
            + "SNAPPY, GZIP or ZSTD");
      }
      return new OutputFormat.Parquet(codec, format.get(BLOCK_SIZE_MB) << 20,
          Math.toIntExact(format.get(PAGE_SIZE_KB) << 10), Math.toIntExact(format.get(DICTIONARY_PAGE_SIZE_KB) << 10),
          Math.toIntExact(format.get(MAX_PADDING_SIZE_MB) << 20), format.get(DICTIONARY_ENCODING));
    }
    if (format.schema() == AVRO) {
      return avro(format.find(AVRO_COMPRESSION_CODEC).orElse(null));
    }
    OutputFormat.Text.Kind kind = format.schema() == CSV ? OutputFormat.Text.Kind.CSV : OutputFormat.Text.Kind.JSONL;
    boolean flatten = format.get(FLATTENING).equals("Root level flattening");
    boolean gzip = format.find(COMPRESSION).map(c -> c.schema().title().equals("GZIP")).orElse(false);
    return new OutputFormat.Text(kind, flatten, gzip);
  }

  private static OutputFormat.Avro avro(ConfigValues codec) {
    if (codec == null) {
      return new OutputFormat.Avro(AvroCodec.NO_COMPRESSION, 0, false);
    }
    AvroCodec chosen = AvroCodec.of(codec.schema().title());
    int level = switch (chosen) {
      case DEFLATE -> Math.toIntExact(codec.get(DEFLATE_LEVEL));
      case XZ -> Math.toIntExact(codec.get(XZ_LEVEL));
      case ZSTANDARD -> Math.toIntExact(codec.get(ZSTANDARD_LEVEL));
      default -> 0;
    };
    return new OutputFormat.Avro(chosen, level, chosen == AvroCodec.ZSTANDARD && codec.get(ZSTANDARD_CHECKSUM));
  }

  @Override
  public String toString() {
    return "S3Config[bucket=" + bucket + ", bucketPath=" + bucketPath + ", region=" + region + ", endpoint="
        + endpoint + ", keys=" + (hasKeys() ? "given" : "default chain") + ", format=" + format + "]";
  }
}
