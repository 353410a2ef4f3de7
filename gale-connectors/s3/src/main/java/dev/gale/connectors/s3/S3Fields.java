package dev.gale.connectors.s3;

import dev.gale.connector.config.ConfigField;
import dev.gale.connector.config.ConfigSchema;
import dev.gale.connector.config.ConfigValues;
import java.util.List;

/** The configuration of Airbyte's destination-s3, declared once: the spec and the typed reading come from here. */
final class S3Fields {
  private S3Fields() {}

  static final ConfigField<String> ACCESS_KEY_ID = ConfigField.string("access_key_id").title("S3 Key ID")
      .description("The access key ID; leave it and the secret empty to use the default AWS credential chain.")
      .examples(List.of("A012345678910EXAMPLE")).order(0).build();
  static final ConfigField<String> SECRET_ACCESS_KEY = ConfigField.string("secret_access_key").title("S3 Access Key")
      .description("The secret access key belonging to the access key ID.").secret().order(1).build();
  static final ConfigField<String> ROLE_ARN = ConfigField.string("role_arn").title("Role ARN")
      .description("An IAM role to assume. Not supported by Gale yet: a configuration giving one is refused.")
      .order(2).build();
  static final ConfigField<String> BUCKET = ConfigField.string("s3_bucket_name").title("S3 Bucket Name")
      .description("The bucket the objects are written to.").examples(List.of("airbyte_sync")).required().order(3)
      .build();
  static final ConfigField<String> BUCKET_PATH = ConfigField.string("s3_bucket_path").title("S3 Bucket Path")
      .description("The folder inside the bucket the objects are written under.")
      .examples(List.of("data_sync/test")).required().order(4).build();
  static final ConfigField<String> REGION = ConfigField.string("s3_bucket_region").title("S3 Bucket Region")
      .description("The region of the bucket; empty means us-east-1.").defaultValue("")
      .examples(List.of("us-east-1", "eu-west-1")).order(5).build();
  static final ConfigField<String> ENDPOINT = ConfigField.string("s3_endpoint").title("Endpoint")
      .description("An S3-compatible store's endpoint (MinIO, ...); empty for AWS. With an endpoint, buckets are "
          + "addressed by path.").defaultValue("").examples(List.of("http://localhost:9000")).order(7).build();
  static final ConfigField<String> PATH_FORMAT = ConfigField.string("s3_path_format").title("S3 Path Format")
      .description("How the folder of a stream's objects is made, from ${NAMESPACE}, ${STREAM_NAME}, ${YEAR}, "
          + "${MONTH}, ${DAY}, ${HOUR}, ${MINUTE}, ${SECOND}, ${MILLISECOND}, ${EPOCH} and ${UUID}.")
      .examples(List.of(ObjectKeys.DEFAULT_PATH_FORMAT)).order(8).build();
  static final ConfigField<String> FILE_NAME_PATTERN = ConfigField.string("file_name_pattern")
      .title("File Name Pattern").description("How objects are named, from {date}, {timestamp}, {part_number}, "
          + "{sync_id} and {format_extension}; by default {part_number}{format_extension}.")
      .examples(List.of("{date}", "{timestamp}", "{part_number}", "{sync_id}")).order(9).build();

  // Output formats, told apart by format_type as in Airbyte.
  static final ConfigField<String> FORMAT_TYPE_CSV = formatType("CSV");
  static final ConfigField<String> FORMAT_TYPE_JSONL = formatType("JSONL");
  static final ConfigField<String> FORMAT_TYPE_PARQUET = formatType("Parquet");
  static final ConfigField<String> FORMAT_TYPE_AVRO = formatType("Avro");
  static final ConfigField<String> FLATTENING = ConfigField.string("flattening").title("Flattening")
      .description("Whether the record's top-level fields become columns, or stay one JSON column _airbyte_data.")
      .allowedValues(List.of("No flattening", "Root level flattening")).defaultValue("No flattening").build();
  static final ConfigField<String> COMPRESSION_TYPE_NONE = compressionType("No Compression");
  static final ConfigField<String> COMPRESSION_TYPE_GZIP = compressionType("GZIP");
  static final ConfigField<ConfigValues> COMPRESSION = ConfigField.oneOf("compression", "compression_type",
          List.of(ConfigSchema.of("No Compression", COMPRESSION_TYPE_NONE), ConfigSchema.of("GZIP",
              COMPRESSION_TYPE_GZIP)))
      .title("Compression").description("Whether the objects are gzipped (.gz is added to their names).").build();
  static final ConfigField<String> COMPRESSION_CODEC = ConfigField.string("compression_codec")
      .title("Compression Codec").description("The codec of the Parquet pages.")
      .allowedValues(List.of("UNCOMPRESSED", "SNAPPY", "GZIP", "LZO", "BROTLI", "LZ4", "ZSTD"))
      .defaultValue("UNCOMPRESSED").build();
  static final ConfigField<Long> BLOCK_SIZE_MB = ConfigField.integer("block_size_mb").title("Block Size (Row Group "
      + "Size) (MB)").description("The memory a stream's Parquet writing buffers before it writes a row group. Gale "
          + "encodes a stream on several threads, which share it: each writes row groups of its share.")
      .defaultValue(128L).minimum(1).build();
  static final ConfigField<Long> MAX_PADDING_SIZE_MB = ConfigField.integer("max_padding_size_mb")
      .title("Max Padding Size (MB)").description("Largest padding allowed to align row groups.").defaultValue(8L)
      .minimum(0).build();
  static final ConfigField<Long> PAGE_SIZE_KB = ConfigField.integer("page_size_kb").title("Page Size (KB)")
      .description("Size of a page, the unit of compression.").defaultValue(1024L).minimum(1).build();
  static final ConfigField<Long> DICTIONARY_PAGE_SIZE_KB = ConfigField.integer("dictionary_page_size_kb")
      .title("Dictionary Page Size (KB)").description("Largest dictionary page per column.").defaultValue(1024L)
      .minimum(1).build();
  static final ConfigField<Boolean> DICTIONARY_ENCODING = ConfigField.bool("dictionary_encoding")
      .title("Dictionary Encoding").description("Whether columns are dictionary-encoded.").defaultValue(true).build();

  // Avro's codecs, told apart by codec as in Airbyte.
  static final ConfigField<Long> DEFLATE_LEVEL = ConfigField.integer("compression_level").title("Deflate Level")
      .description("0: no compression and fastest, 9: best compression and slowest.").defaultValue(0L).minimum(0)
      .maximum(9).build();
  static final ConfigField<Long> XZ_LEVEL = ConfigField.integer("compression_level").title("Compression Level")
      .description("0 to 9; see the xz documentation.").defaultValue(6L).minimum(0).maximum(9).build();
  static final ConfigField<Long> ZSTANDARD_LEVEL = ConfigField.integer("compression_level")
      .title("Compression Level").description("-5 to 22; negative levels are faster, higher ones compress better.")
      .defaultValue(3L).minimum(-5).maximum(22).build();
  static final ConfigField<Boolean> ZSTANDARD_CHECKSUM = ConfigField.bool("include_checksum")
      .title("Include Checksum").description("Whether each compressed block carries a checksum.").defaultValue(false)
      .build();
  static final ConfigSchema AVRO_NONE = avroCodec(AvroCodec.NO_COMPRESSION);
  static final ConfigSchema AVRO_DEFLATE = avroCodec(AvroCodec.DEFLATE, DEFLATE_LEVEL);
  static final ConfigSchema AVRO_BZIP2 = avroCodec(AvroCodec.BZIP2);
  static final ConfigSchema AVRO_XZ = avroCodec(AvroCodec.XZ, XZ_LEVEL);
  static final ConfigSchema AVRO_ZSTANDARD = avroCodec(AvroCodec.ZSTANDARD, ZSTANDARD_LEVEL, ZSTANDARD_CHECKSUM);
  static final ConfigSchema AVRO_SNAPPY = avroCodec(AvroCodec.SNAPPY);
  static final ConfigField<ConfigValues> AVRO_COMPRESSION_CODEC = ConfigField.oneOf("compression_codec", "codec",
          List.of(AVRO_NONE, AVRO_DEFLATE, AVRO_BZIP2, AVRO_XZ, AVRO_ZSTANDARD, AVRO_SNAPPY))
      .title("Compression Codec").description("The codec of the Avro blocks; no compression when left out.")
      .build();

  static final ConfigSchema CSV = new ConfigSchema("CSV: Comma-Separated Values", null,
      List.of(FORMAT_TYPE_CSV, FLATTENING, COMPRESSION));
  static final ConfigSchema JSONL = new ConfigSchema("JSON Lines: Newline-delimited JSON", null,
      List.of(FORMAT_TYPE_JSONL, FLATTENING, COMPRESSION));
  static final ConfigSchema PARQUET = new ConfigSchema("Parquet: Columnar Storage", null, List.of(FORMAT_TYPE_PARQUET,
      COMPRESSION_CODEC, BLOCK_SIZE_MB, MAX_PADDING_SIZE_MB, PAGE_SIZE_KB, DICTIONARY_PAGE_SIZE_KB,
      DICTIONARY_ENCODING));
  static final ConfigSchema AVRO = new ConfigSchema("Avro: Apache Avro", null, List.of(FORMAT_TYPE_AVRO,
      AVRO_COMPRESSION_CODEC));
  static final ConfigField<ConfigValues> FORMAT = ConfigField.oneOf("format", "format_type",
          List.of(CSV, JSONL, PARQUET, AVRO))
      .title("Output Format").description("The format of the objects.").required().order(6).build();

  static final ConfigSchema CONFIG = new ConfigSchema("S3 Destination Spec", null, List.of(ACCESS_KEY_ID,
      SECRET_ACCESS_KEY, ROLE_ARN, BUCKET, BUCKET_PATH, REGION, FORMAT, ENDPOINT, PATH_FORMAT, FILE_NAME_PATTERN));

  private static ConfigField<String> formatType(String name) {
    return ConfigField.string("format_type").title("Format Type").constant(name).build();
  }

  private static ConfigSchema avroCodec(AvroCodec codec, ConfigField<?>... settings) {
    List<ConfigField<?>> fields = new java.util.ArrayList<>();
    fields.add(ConfigField.string("codec").title("Codec").constant(codec.airbyteName()).build());
    fields.addAll(List.of(settings));
    return new ConfigSchema(codec.airbyteName(), null, fields);
  }

  private static ConfigField<String> compressionType(String name) {
    return ConfigField.string("compression_type").title("Compression Type").constant(name).build();
  }
}
