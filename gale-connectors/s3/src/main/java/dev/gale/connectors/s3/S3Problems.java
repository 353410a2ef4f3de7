package dev.gale.connectors.s3;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Says what went wrong talking to S3 in words a user can act on. Built from error codes and the configuration's
 * non-secret values only: the SDK's own messages are not repeated, so no secret can slip through.
 */
final class S3Problems {
  private S3Problems() {}

  /** A sentence about {@code e}, naming the bucket and region or endpoint where that helps. */
  static String describe(Throwable e, S3Config config) {
    if (e instanceof S3Exception s3) {
      String code = s3.awsErrorDetails() == null ? "" : String.valueOf(s3.awsErrorDetails().errorCode());
      String actualRegion = s3.awsErrorDetails() == null || s3.awsErrorDetails().sdkHttpResponse() == null ? null
          : s3.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region").orElse(null);
      return switch (code) {
        case "NoSuchBucket" -> "Bucket '" + config.bucket() + "' does not exist" + where(config);
        case "InvalidAccessKeyId" -> "The store does not know the access key id given in access_key_id"
            + where(config);
        case "SignatureDoesNotMatch" -> "The store refused the keys: secret_access_key does not belong to "
            + "access_key_id" + where(config);
        case "AccessDenied", "AllAccessDisabled" -> "Access denied to bucket '" + config.bucket() + "': the "
            + "credentials may not write, list and delete objects under s3_bucket_path";
        case "PermanentRedirect", "AuthorizationHeaderMalformed", "IllegalLocationConstraintException" ->
            "Bucket '" + config.bucket() + "' is not in region " + config.region()
                + (actualRegion == null ? "" : " but in " + actualRegion) + ": set s3_bucket_region to its region";
        default -> s3.statusCode() == 301 ? "Bucket '" + config.bucket() + "' is not in region " + config.region()
            + (actualRegion == null ? "" : " but in " + actualRegion) + ": set s3_bucket_region to its region"
            : "The store answered " + s3.statusCode() + (code.isEmpty() || code.equals("null") ? "" : " " + code)
                + " for bucket '" + config.bucket() + "'";
      };
    }
    Optional<Throwable> network = cause(e, UnknownHostException.class, ConnectException.class,
        HttpConnectTimeoutException.class, java.net.SocketTimeoutException.class,
        java.net.NoRouteToHostException.class);
    if (network.isPresent()) {
      return "Cannot reach the S3 endpoint " + config.endpoint().map(Object::toString)
          .orElse("of region " + config.region()) + " (" + network.get().getClass().getSimpleName()
          + "): check s3_endpoint and the network";
    }
    if (e instanceof SdkClientException && String.valueOf(e.getMessage()).contains("credentials")) {
      return "No AWS credentials found: give access_key_id and secret_access_key, or set up the default AWS "
          + "credential chain (environment, profile, instance role)";
    }
    return describe(e);
  }

  /** A sentence without the configuration: the error's kind and code only. */
  static String describe(Throwable e) {
    if (e instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
      return "the store answered " + s3.statusCode() + " " + s3.awsErrorDetails().errorCode();
    }
    return e.getClass().getSimpleName();
  }

  private static String where(S3Config config) {
    return config.endpoint().map(uri -> " at " + uri).orElse(" in region " + config.region());
  }

  @SafeVarargs
  private static Optional<Throwable> cause(Throwable e, Class<? extends Throwable>... types) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Class<? extends Throwable> type : types) {
        if (type.isInstance(t)) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }
}
