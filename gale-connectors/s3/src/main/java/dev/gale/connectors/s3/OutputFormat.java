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

  /** Parquet with Airbyte's tuning knobs, sizes in bytes. */
  record Parquet(ParquetCodec codec, long blockSize, int pageSize, int dictionaryPageSize, int maxPaddingSize,
                 boolean dictionaryEncoding) implements OutputFormat {
    @Override
    public String extension() {
      return "parquet";
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
