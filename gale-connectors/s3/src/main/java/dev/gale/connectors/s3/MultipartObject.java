package dev.gale.connectors.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The bytes of one object, uploaded while they are produced: a buffer of one part is all that is held in memory.
 * A full buffer goes up as a part of a multipart upload; an object smaller than one part is written with a single
 * PUT on {@link #finish}. Nothing is visible in the bucket before {@link #finish} returns, and {@link #abort} leaves
 * nothing behind, so a failed sync shows no half-written object.
 */
final class MultipartObject extends OutputStream {
  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final byte[] buffer;
  private final List<CompletedPart> parts = new ArrayList<>();
  private int filled;
  private long written;
  private String uploadId;
  private boolean closed;

  MultipartObject(S3Client s3, String bucket, String key, int partSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.buffer = new byte[partSize];
  }

  String key() {
    return key;
  }

  /** Bytes written so far, uploaded or buffered. */
  long size() {
    return written;
  }

  @Override
  public void write(int b) throws IOException {
    if (filled == buffer.length) {
      uploadPart();
    }
    buffer[filled++] = (byte) b;
    written++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      if (filled == buffer.length) {
        uploadPart();
      }
      int n = Math.min(length, buffer.length - filled);
      System.arraycopy(bytes, offset, buffer, filled, n);
      filled += n;
      offset += n;
      length -= n;
      written += n;
    }
  }

  /** Uploads what is left and makes the object visible. */
  void finish() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (uploadId == null) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) filled), body());
        return;
      }
      uploadPart();
      s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
    } catch (RuntimeException e) {
      abortQuietly();
      throw new IOException("Could not upload s3://" + bucket + "/" + key + ": " + S3Problems.describe(e), e);
    }
  }

  /** Drops the upload: parts already sent are discarded by the store. */
  void abort() {
    if (!closed) {
      closed = true;
      abortQuietly();
    }
  }

  /** {@link #finish}es; an object is closed only when it is complete. */
  @Override
  public void close() throws IOException {
    finish();
  }

  private void uploadPart() throws IOException {
    try {
      if (uploadId == null) {
        uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
      }
      int partNumber = parts.size() + 1;
      String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
          .contentLength((long) filled), body()).eTag();
      parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
      filled = 0;
    } catch (RuntimeException e) {
      abort();
      throw new IOException("Could not upload a part of s3://" + bucket + "/" + key + ": " + S3Problems.describe(e),
          e);
    }
  }

  private RequestBody body() {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, filled), filled,
        "application/octet-stream");
  }

  private void abortQuietly() {
    if (uploadId == null) {
      return;
    }
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
    } catch (RuntimeException ignored) {
      // The sync fails anyway; a lifecycle rule or the next abort cleans what the store kept.
    }
  }
}
