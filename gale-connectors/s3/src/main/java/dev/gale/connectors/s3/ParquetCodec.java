package dev.gale.connectors.s3;

import java.util.Optional;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Airbyte's Parquet {@code compression_codec} values and Parquet's codec for each. LZO and Brotli need codec jars that
 * are not on Maven Central (and LZO is GPL): Gale refuses these rather than writing another codec than the one asked for.
 * LZ4 is Parquet's (Hadoop-framed) {@code LZ4}, as Airbyte's S3 destination writes it, not {@code LZ4_RAW}.
 */
enum ParquetCodec {
  UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED), SNAPPY(CompressionCodecName.SNAPPY),
  GZIP(CompressionCodecName.GZIP), LZO(null), BROTLI(null), LZ4(CompressionCodecName.LZ4),
  ZSTD(CompressionCodecName.ZSTD);

  private final CompressionCodecName parquetName;

  ParquetCodec(CompressionCodecName parquetName) {
    this.parquetName = parquetName;
  }

  /** Parquet's codec, or empty when Gale cannot write this one. */
  Optional<CompressionCodecName> parquetName() {
    return Optional.ofNullable(parquetName);
  }
}
