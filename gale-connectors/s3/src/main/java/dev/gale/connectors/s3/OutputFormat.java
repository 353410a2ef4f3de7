package dev.gale.connectors.s3;

/** How records become bytes: one of Airbyte's destination-s3 formats with its settings. */
sealed interface OutputFormat {
  /** The file name extension, without a dot, as {@code {format_extension}} adds it ({@code jsonl.gz}). */
  String extension();

  /** JSON Lines or CSV, with or without root-level flattening, maybe gzipped. */
  record Text(Kind kind, boolean flatten, boolean gzip) implements OutputFormat {
    enum Kind { JSONL, CSV }

    @Override
    public String extension() {
      return (kind == Kind.JSONL ? "jsonl" : "csv") + (gzip ? ".gz" : "");
    }
  }

  /**
   * Parquet with Airbyte's tuning knobs, sizes in bytes.
   *
   * @param blockSize the row group size, which Airbyte documents as the memory a stream's writing may buffer
   */
  record Parquet(ParquetCodec codec, long blockSize, int pageSize, int dictionaryPageSize, int maxPaddingSize,
                 boolean dictionaryEncoding) implements OutputFormat {
    private static final long MIN_BLOCK = 1 << 20;

    @Override
    public String extension() {
      return "parquet";
    }

    /**
     * The format each of {@code lanes} writers of one stream uses: they share the block size, since each buffers a
     * row group in memory and {@code block_size_mb} is what the user allowed the stream (at least 1 MiB each).
     */
    Parquet sharedBy(int lanes) {
      return new Parquet(codec, Math.max(MIN_BLOCK, blockSize / lanes), pageSize, dictionaryPageSize, maxPaddingSize,
          dictionaryEncoding);
    }
  }

  /**
   * Avro object container files.
   *
   * @param level the codec's compression level; ignored by codecs without one
   * @param checksum zstandard's block checksum
   */
  record Avro(AvroCodec codec, int level, boolean checksum) implements OutputFormat {
    @Override
    public String extension() {
      return "avro";
    }
  }
}
