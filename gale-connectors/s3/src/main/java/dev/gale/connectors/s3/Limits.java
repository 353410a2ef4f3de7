package dev.gale.connectors.s3;

/**
 * Sizes that bound an upload.
 *
 * @param objectSize a stream's object is finished and a new one started once it holds this many bytes, as Airbyte
 *     splits big streams into several objects
 * @param partSize the bytes buffered per upload part; S3 wants at least 5 MiB for every part but the last
 */
record Limits(long objectSize, int partSize) {
  static final Limits DEFAULT = new Limits(200L << 20, 10 << 20);
}
