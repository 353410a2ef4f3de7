package dev.gale.connectors.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * The bytes of one object, uploaded while they are produced. A full buffer goes up as a part of a multipart upload
 * on a thread of its own, so that the writer goes on encoding meanwhile (uploading and signing the parts was a fifth
 * of the writer's time); at most {@link #IN_FLIGHT} parts are sent at once, so memory stays bounded by
 * {@code IN_FLIGHT + 1} part buffers. An object smaller than one part is written with a single PUT on
 * {@link #finish}. Nothing is visible in the bucket before {@link #finish} returns, and {@link #abort} leaves nothing
 * behind, so a failed sync shows no half-written object. Used by one writer thread.
 */
final class MultipartObject extends OutputStream {
  static final int IN_FLIGHT = 2;

  private final S3Client s3;
  private final String bucket;
  private final String key;
  private final int partSize;
  /** Buffers free for filling: parts that went up give theirs back. */
  private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(IN_FLIGHT + 1);
  private final List<Future<CompletedPart>> parts = new ArrayList<>();
  private byte[] buffer;
  private int filled;
  private long written;
  private String uploadId;
  private ExecutorService uploader;
  private boolean closed;

  MultipartObject(S3Client s3, String bucket, String key, int partSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.partSize = partSize;
    this.buffer = new byte[partSize];
    for (int i = 0; i < IN_FLIGHT; i++) {
      spare.add(new byte[0]); // placeholders: a real buffer is allocated only when a part needs one
    }
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
      sendPart();
    }
    buffer[filled++] = (byte) b;
    written++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      if (filled == buffer.length) {
        sendPart();
      }
      int n = Math.min(length, buffer.length - filled);
      System.arraycopy(bytes, offset, buffer, filled, n);
      filled += n;
      offset += n;
      length -= n;
      written += n;
    }
  }

  /** Uploads what is left, waits for every part and makes the object visible. */
  void finish() throws IOException {
    if (closed) {
      return;
    }
    try {
      if (uploadId == null) {
        byte[] whole = buffer;
        int length = filled;
        s3.putObject(b -> b.bucket(bucket).key(key).contentLength((long) length), body(whole, length));
      } else {
        sendPart();
        List<CompletedPart> completed = new ArrayList<>();
        for (Future<CompletedPart> part : parts) {
          completed.add(await(part));
        }
        s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
            .multipartUpload(m -> m.parts(completed)));
      }
      closed = true;
      stopUploader();
    } catch (RuntimeException e) {
      abort();
      throw new IOException("Could not upload s3://" + bucket + "/" + key + ": " + S3Problems.describe(e), e);
    } catch (IOException e) {
      abort();
      throw e;
    }
  }

  /** Drops the upload: parts being sent are cancelled and parts already sent are discarded by the store. */
  void abort() {
    if (closed) {
      return;
    }
    closed = true;
    parts.forEach(part -> part.cancel(true));
    stopUploader();
    if (uploadId != null) {
      try {
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
      } catch (RuntimeException ignored) {
        // The sync fails anyway; a lifecycle rule or the next abort cleans what the store kept.
      }
    }
  }

  /** {@link #finish}es; an object is closed only when it is complete. */
  @Override
  public void close() throws IOException {
    finish();
  }

  /** Hands the filled buffer to the uploader and goes on with a free one, waiting while IN_FLIGHT parts are sent. */
  private void sendPart() throws IOException {
    if (uploadId == null) {
      try {
        uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
      } catch (RuntimeException e) {
        throw new IOException("Could not start the upload of s3://" + bucket + "/" + key + ": "
            + S3Problems.describe(e), e);
      }
      uploader = Executors.newFixedThreadPool(IN_FLIGHT, Thread.ofPlatform().daemon().name("s3-part-", 0).factory());
    }
    for (Future<CompletedPart> part : parts) {
      if (part.isDone()) {
        await(part); // a failed part fails the object now rather than at its end
      }
    }
    byte[] part = buffer;
    int length = filled;
    int partNumber = parts.size() + 1;
    byte[] next;
    try {
      next = spare.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while parts of s3://" + bucket + "/" + key + " were uploading");
    }
    parts.add(uploader.submit(() -> {
      try {
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber)
            .contentLength((long) length), body(part, length)).eTag();
        return CompletedPart.builder().partNumber(partNumber).eTag(etag).build();
      } finally {
        spare.add(part);
      }
    }));
    buffer = next.length == partSize ? next : new byte[partSize];
    filled = 0;
  }

  private CompletedPart await(Future<CompletedPart> part) throws IOException {
    try {
      return part.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while parts of s3://" + bucket + "/" + key + " were uploading");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new IOException("Could not upload a part of s3://" + bucket + "/" + key + ": "
          + S3Problems.describe(cause), cause);
    }
  }

  private void stopUploader() {
    if (uploader != null) {
      uploader.shutdownNow();
    }
  }

  private static RequestBody body(byte[] bytes, int length) {
    return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
        "application/octet-stream");
  }
}
