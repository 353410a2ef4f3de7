package dev.gale.connectors.sample;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.config.ConfigField;
import dev.gale.connector.config.ConfigSchema;
import dev.gale.connector.config.ConfigValues;

/**
 * The configuration of the Sample Data source: the same properties, types, defaults and bounds as Airbyte's Faker
 * source, so that a Faker configuration works unchanged.
 *
 * @param count how many users to generate
 * @param seed seed of the generator; {@code -1} picks a random one
 * @param recordsPerSlice records between two state checkpoints
 * @param alwaysUpdated whether every sync emits records with fresh {@code updated_at} values
 * @param parallelism how many threads generate records
 */
record SampleDataConfig(long count, long seed, long recordsPerSlice, boolean alwaysUpdated, long parallelism) {

  static final ConfigField<Long> COUNT = ConfigField.integer("count").title("Count")
      .description("How many users to generate in total. The products and purchases streams do not follow it.")
      .required().defaultValue(1000L).minimum(1).order(0).build();
  static final ConfigField<Long> SEED = ConfigField.integer("seed").title("Seed")
      .description("Seed of the random generator, so that repeated runs produce the same data; -1 for a random seed.")
      .defaultValue(-1L).order(1).build();
  static final ConfigField<Long> RECORDS_PER_SLICE = ConfigField.integer("records_per_slice")
      .title("Records Per Stream Slice")
      .description("How many records to emit between two state checkpoints.")
      .defaultValue(1000L).minimum(1).order(2).build();
  static final ConfigField<Boolean> ALWAYS_UPDATED = ConfigField.bool("always_updated").title("Always Updated")
      .description("Give records a new updated_at on every sync. When off, an incremental sync stops emitting "
          + "records once all of them have been emitted.")
      .defaultValue(true).order(3).build();
  static final ConfigField<Long> PARALLELISM = ConfigField.integer("parallelism").title("Parallelism")
      .description("How many threads generate records; match it to the CPUs the source may use.")
      .defaultValue(4L).minimum(1).order(4).build();

  static final ConfigSchema SCHEMA = ConfigSchema.of("Sample Data (Faker) Spec", COUNT, SEED, RECORDS_PER_SLICE,
      ALWAYS_UPDATED, PARALLELISM);

  /** Reads and checks a configuration; throws {@link dev.gale.connector.config.ConfigException} naming problems. */
  static SampleDataConfig read(JsonNode config) {
    ConfigValues values = SCHEMA.read(config);
    return new SampleDataConfig(values.get(COUNT), values.get(SEED), values.get(RECORDS_PER_SLICE),
        values.get(ALWAYS_UPDATED), values.get(PARALLELISM));
  }
}
