package dev.gale.connectors.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputFormatTest {
  private static final OutputFormat.Parquet PARQUET = new OutputFormat.Parquet(ParquetCodec.SNAPPY, 128L << 20,
      1 << 20, 1 << 20, 8 << 20, true);

  @Test
  void lanesShareTheBlockSizeAStreamMayBuffer() {
    assertThat(PARQUET.sharedBy(1)).isEqualTo(PARQUET);
    assertThat(PARQUET.sharedBy(2).blockSize()).isEqualTo(64L << 20);
    assertThat(PARQUET.sharedBy(2)).usingRecursiveComparison().ignoringFields("blockSize").isEqualTo(PARQUET);
  }

  @Test
  void eachLaneKeepsAtLeastOneMebibyte() {
    OutputFormat.Parquet small = new OutputFormat.Parquet(ParquetCodec.SNAPPY, 1 << 20, 1 << 20, 1 << 20, 0, true);
    assertThat(small.sharedBy(4).blockSize()).isEqualTo(1 << 20);
  }
}
