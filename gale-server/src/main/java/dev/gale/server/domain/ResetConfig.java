package dev.gale.server.domain;

import java.util.List;

/**
 * The streams a reset or clear job empties, as stored in the job's config (the shape of Airbyte's
 * {@code ResetConfig}, which the Config API shows with its own stream descriptors).
 */
public record ResetConfig(List<StreamDescriptor> streamsToReset) {}
