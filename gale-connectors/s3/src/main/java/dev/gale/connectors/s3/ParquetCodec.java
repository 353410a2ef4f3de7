package dev.gale.connectors.s3;

import java.util.Optional;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Airbyte's Parquet {@code compression_codec} values and Parquet's codec for each. LZO and Brotli need codec jars that
 * are not on Maven Central (and LZO is GPL), and Hadoop's LZ4 framing needs lz4-java, which Gale does not ship yet;
 * Gale refuses these rather than writing another codec than the one asked for.
 */
enum ParquetCodec {
  UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED), SNAPPY(CompressionCodecName.SNAPPY),
  GZIP(CompressionCodecName.GZIP), LZO(null), BROTLI(null), LZ4(null),
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
