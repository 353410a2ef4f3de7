package dev.gale.connectors.s3;

/** The values of Airbyte's bookkeeping columns that do not change within a sync. */
record AirbyteMeta(long syncId, long generationId) {
  /** {@code _airbyte_meta} as JSON: Gale changes no values on the way, so there are never changes to report. */
  String json() {
    return "{\"sync_id\":" + syncId + ",\"changes\":[]}";
  }
}
