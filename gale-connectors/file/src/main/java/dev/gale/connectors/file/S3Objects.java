package dev.gale.connectors.file;

import dev.gale.connector.ConnectorException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Opens the S3 object of a configuration as the body of a GetObject response, streamed, with a client of its own that
 * closing the stream closes.
 *
 * <p>Airbyte's source-file has no endpoint field for S3: it reads from AWS. For tests and S3-compatible stores
 * (MinIO, Ceph, ...), Gale takes an endpoint from the system property {@value #ENDPOINT_PROPERTY} or else the
 * environment variable {@value #ENDPOINT_VARIABLE}; with one, requests use path-style addressing and no aws-chunked
 * bodies or trailing checksums, which such stores often lack. The region is us-east-1, with the SDK's cross-region
 * access, which follows a bucket to its own region.
 */
final class S3Objects {
  /** The system property naming an S3-compatible endpoint: a test and self-hosting hook, not part of the spec. */
  static final String ENDPOINT_PROPERTY = "gale.file.s3.endpoint";
  /** The environment variable read when {@value #ENDPOINT_PROPERTY} is not set. */
  static final String ENDPOINT_VARIABLE = "GALE_FILE_S3_ENDPOINT";

  private S3Objects() {}

  static Optional<URI> endpoint() {
    String value = System.getProperty(ENDPOINT_PROPERTY);
    if (value == null || value.isBlank()) {
      value = System.getenv(ENDPOINT_VARIABLE);
    }
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      URI uri = URI.create(value.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      return Optional.of(uri);
    } catch (IllegalArgumentException e) {
      throw new ConnectorException("The S3 endpoint given by " + ENDPOINT_PROPERTY + " or " + ENDPOINT_VARIABLE
          + " is not a URL such as http://localhost:9000");
    }
  }

  static InputStream open(FileSourceConfig config) {
    S3Location object = config.s3();
    Optional<URI> endpoint = endpoint();
    S3Client client = client(object, endpoint);
    try {
      ResponseInputStream<GetObjectResponse> body = client.getObject(b -> b.bucket(object.bucket())
          .key(object.key()));
      return new ObjectStream(body, client);
    } catch (RuntimeException e) {
      client.close();
      throw failure(object, endpoint, e);
    }
  }

  private static S3Client client(S3Location object, Optional<URI> endpoint) {
    AwsCredentialsProvider credentials = object.hasKeys()
        ? StaticCredentialsProvider.create(AwsBasicCredentials.create(object.accessKeyId(), object.secretAccessKey()))
        : AnonymousCredentialsProvider.create();
    var builder = S3Client.builder().region(Region.US_EAST_1).crossRegionAccessEnabled(true)
        .credentialsProvider(credentials)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallAttemptTimeout(Duration.ofMinutes(2)));
    endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true)
        .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build()));
    return builder.build();
  }

  // Messages of our own: the SDK's may be long, and nothing of the configuration but the object's name is shown.
  private static ConnectorException failure(S3Location object, Optional<URI> endpoint, RuntimeException e) {
    String where = endpoint.map(uri -> " at " + uri.getScheme() + "://" + uri.getHost()
        + (uri.getPort() < 0 ? "" : ":" + uri.getPort())).orElse("");
    if (e instanceof NoSuchBucketException) {
      return new ConnectorException("S3 bucket " + object.bucket() + " not found" + where);
    }
    if (e instanceof NoSuchKeyException) {
      return new ConnectorException("S3 object " + object.key() + " not found in bucket " + object.bucket() + where);
    }
    if (e instanceof S3Exception s3) {
      int status = s3.statusCode();
      String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
      if (status == 403) {
        return new ConnectorException("Access denied to " + object.shown() + where + (object.hasKeys()
            ? ": the keys in provider.aws_access_key_id and provider.aws_secret_access_key may not read it"
            : ": no keys are configured, so it was read anonymously and must be public") + detail(code));
      }
      if (status == 404) {
        return new ConnectorException(object.shown() + " not found" + where + detail(code));
      }
      if (status == 400 && code != null && code.startsWith("InvalidAccessKeyId")) {
        return new ConnectorException("S3 does not know the access key in provider.aws_access_key_id");
      }
      ConnectorException.Kind kind = status >= 500 || status == 429 || status == 408
          ? ConnectorException.Kind.TRANSIENT : ConnectorException.Kind.CONFIG;
      return new ConnectorException(kind, "Reading " + object.shown() + where + " answered HTTP " + status
          + detail(code), null);
    }
    if (e instanceof SdkClientException) {
      return new ConnectorException(ConnectorException.Kind.TRANSIENT, "Could not reach S3"
          + (where.isEmpty() ? "" : " endpoint" + where) + " to read " + object.shown() + ": "
          + (e.getCause() == null ? e.getClass().getSimpleName() : e.getCause().getClass().getSimpleName()), null);
    }
    if (e instanceof SdkException) {
      return new ConnectorException(ConnectorException.Kind.TRANSIENT,
          "Could not read " + object.shown() + where + ": " + e.getClass().getSimpleName(), null);
    }
    throw e;
  }

  private static String detail(String code) {
    return code == null || code.isBlank() ? "" : " (" + code + ")";
  }

  /** The object's body; closing it aborts an unfinished download, rather than draining it, and closes the client. */
  private static final class ObjectStream extends FilterInputStream {
    private final ResponseInputStream<GetObjectResponse> body;
    private final S3Client client;
    private boolean ended;

    ObjectStream(ResponseInputStream<GetObjectResponse> body, S3Client client) {
      super(body);
      this.body = body;
      this.client = client;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      ended |= b < 0;
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      ended |= n < 0;
      return n;
    }

    @Override
    public void close() throws IOException {
      try {
        if (!ended) {
          body.abort();
        }
        body.close();
      } finally {
        client.close();
      }
    }
  }
}
