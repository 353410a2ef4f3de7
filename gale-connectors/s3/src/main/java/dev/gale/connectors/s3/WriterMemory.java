package dev.gale.connectors.s3;

import dev.gale.connector.ConnectorException;

/**
 * The memory one stream's writers hold, checked against the heap of the process before a sync or a check: a Parquet
 * stream buffers a row group ({@code block_size_mb}, shared by its lanes) and each lane up to
 * {@code IN_FLIGHT + 1} upload parts. A configuration whose buffers cannot fit is refused with what to change, rather
 * than failing with an out-of-memory error in the middle of a sync.
 */
final class WriterMemory {
  /** The share of the heap the writers may take; the rest is for the source's batches and the engine. */
  static final double SHARE = 0.6;

  private WriterMemory() {}

  /** What one stream's writers may hold at once, in bytes. */
  static long of(OutputFormat format, Limits limits) {
    long parts = (long) limits.lanes() * (MultipartObject.IN_FLIGHT + 1) * limits.partSize();
    return parts + (format instanceof OutputFormat.Parquet parquet ? parquet.blockSize() : 0);
  }

  /** @throws ConnectorException when the writers would need more than {@link #SHARE} of {@code maxHeap} */
  static void requireFits(OutputFormat format, Limits limits, long maxHeap) {
    long needed = of(format, limits);
    long allowed = (long) (maxHeap * SHARE);
    if (needed > allowed) {
      throw new ConnectorException("the S3 writers of a stream need about " + mib(needed) + " MiB of memory"
          + (format instanceof OutputFormat.Parquet parquet ? " (block_size_mb " + mib(parquet.blockSize())
          + " plus the upload buffers)" : " for the upload buffers") + ", more than this Gale process gives them ("
          + mib(allowed) + " MiB of its " + mib(maxHeap) + " MiB heap): lower block_size_mb, or start Gale with a "
          + "bigger heap (-Xmx in GALE_JAVA_OPTS)");
    }
  }

  private static long mib(long bytes) {
    return bytes >> 20;
  }
}
