package dev.gale.connectors.s3;

/**
 * One record as the formats write it: Airbyte's columns around the stream's typed values.
 *
 * @param rawId {@code _airbyte_raw_id}, a fresh UUID
 * @param extractedAtMillis {@code _airbyte_extracted_at}, when the source read the record
 * @param values one per column of the stream's schema
 */
record Row(String rawId, long extractedAtMillis, Object[] values) {}
