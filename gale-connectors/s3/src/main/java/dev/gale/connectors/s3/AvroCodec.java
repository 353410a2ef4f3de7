package dev.gale.connectors.s3;

import java.util.Arrays;
import org.apache.avro.file.CodecFactory;

/**
 * Airbyte's Avro {@code compression_codec} choices and Avro's codec for each. All six are written: Avro brings
 * deflate (the JDK) and bzip2 (commons-compress); xz, zstandard and snappy need the xz, zstd-jni and snappy-java jars,
 * which this module depends on. Other names are refused by the configuration's {@code codec} constants.
 */
enum AvroCodec {
  NO_COMPRESSION("no compression"), DEFLATE("Deflate"), BZIP2("bzip2"), XZ("xz"), ZSTANDARD("zstandard"),
  SNAPPY("snappy");

  private final String airbyteName;

  AvroCodec(String airbyteName) {
    this.airbyteName = airbyteName;
  }

  /** The {@code codec} value in Airbyte's spec. */
  String airbyteName() {
    return airbyteName;
  }

  static AvroCodec of(String airbyteName) {
    return Arrays.stream(values()).filter(c -> c.airbyteName.equals(airbyteName)).findFirst().orElseThrow();
  }

  CodecFactory factory(int level, boolean checksum) {
    return switch (this) {
      case NO_COMPRESSION -> CodecFactory.nullCodec();
      case DEFLATE -> CodecFactory.deflateCodec(level);
      case BZIP2 -> CodecFactory.bzip2Codec();
      case XZ -> CodecFactory.xzCodec(level);
      case ZSTANDARD -> CodecFactory.zstandardCodec(level, checksum);
      case SNAPPY -> CodecFactory.snappyCodec();
    };
  }
}
