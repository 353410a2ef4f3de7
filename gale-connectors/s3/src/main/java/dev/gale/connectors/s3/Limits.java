package dev.gale.connectors.s3;

/**
 * Sizes that bound an upload.
 *
 * @param objectSize a stream's object is finished and a new one started once it holds this many bytes, as Airbyte
 *     splits big streams into several objects
 * @param partSize the bytes buffered per upload part; S3 wants at least 5 MiB for every part but the last. The
 *     minimum is the default, as it was Airbyte's: each lane holds up to three part buffers, and a store that
 *     assembles a part's body in memory (local-s3-rest copies it again and again) works less on smaller parts
 * @param lanes the threads a stream is encoded on (see {@link StreamLanes}), each with an object of its own open
 */
record Limits(long objectSize, int partSize, int lanes) {
  static final Limits DEFAULT = new Limits(200L << 20, 5 << 20);

  Limits {
    if (lanes < 1) {
      throw new IllegalArgumentException("a stream needs a lane");
    }
  }

  /** One lane per core, at most four: each holds a row group and part buffers in memory. */
  Limits(long objectSize, int partSize) {
    this(objectSize, partSize, Math.min(4, Runtime.getRuntime().availableProcessors()));
  }
}
