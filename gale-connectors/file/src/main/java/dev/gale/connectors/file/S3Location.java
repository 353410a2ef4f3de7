package dev.gale.connectors.file;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The S3 object of a configuration with {@code provider.storage} S3, and the keys to read it with.
 *
 * <p>The url is read as Airbyte's source-file reads it: {@code s3://bucket/key}, or {@code bucket/key} without the
 * scheme (Airbyte strips any scheme and prefixes {@code s3://}). Gale refuses other schemes rather than reading an
 * {@code https://} URL as a bucket, and refuses credentials inside the url ({@code s3://id:secret@bucket/key}): they
 * belong in the provider's fields. The key is taken as written, without URL decoding.
 *
 * <p>With both keys given the object is read with them. With neither, as Airbyte's source-file does (an unsigned
 * boto client), requests are anonymous: only public objects can be read, and no credentials of the machine Gale runs
 * on (environment, profile, instance role) are used behind the configuration's back. One key without the other is
 * refused, where Airbyte would silently fall back to anonymous access.
 */
record S3Location(String bucket, String key, String accessKeyId, String secretAccessKey) {
  // Bucket names as S3 allows them, including legacy ones (upper case, underscores); nothing of a URL's user info.
  private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9._-]{1,255}");

  /** Reads {@code url} and the provider's keys, adding each problem to {@code problems}; answers null if any. */
  static S3Location parse(String url, String accessKeyId, String secretAccessKey, List<String> problems) {
    int before = problems.size();
    String rest = url.strip();
    int scheme = rest.indexOf("://");
    if (scheme >= 0) {
      if (!rest.substring(0, scheme).toLowerCase(Locale.ROOT).equals("s3")) {
        problems.add("url must be s3://bucket/key (or bucket/key) for provider.storage S3");
      }
      rest = rest.substring(scheme + 3);
    }
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    if (problems.size() == before) {
      // Never echo the url here: a malformed one may carry credentials (s3://id:secret@bucket/key).
      if (!BUCKET.matcher(bucket).matches()) {
        problems.add("url must be s3://bucket/key for provider.storage S3: the bucket name is missing or invalid "
            + "(credentials go in provider.aws_access_key_id and provider.aws_secret_access_key, not the url)");
      } else if (key.isEmpty() || key.endsWith("/")) {
        problems.add("url must name one object, s3://" + bucket + "/key, not a bucket or a folder");
      }
    }
    boolean hasId = accessKeyId != null && !accessKeyId.isBlank();
    boolean hasSecret = secretAccessKey != null && !secretAccessKey.isBlank();
    if (hasId != hasSecret) {
      problems.add("provider.aws_access_key_id and provider.aws_secret_access_key must be given together "
          + "(or neither, for anonymous access to a public object)");
    }
    return problems.size() == before
        ? new S3Location(bucket, key, hasId ? accessKeyId.strip() : null, hasSecret ? secretAccessKey : null) : null;
  }

  boolean hasKeys() {
    return accessKeyId != null;
  }

  /** The object as messages name it. */
  String shown() {
    return "s3://" + bucket + "/" + key;
  }

  // A record's own toString would print the secret.
  @Override
  public String toString() {
    return "S3Location[" + shown() + (hasKeys() ? ", with keys" : ", anonymous") + "]";
  }
}
