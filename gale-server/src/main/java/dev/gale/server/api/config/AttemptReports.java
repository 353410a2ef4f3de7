package dev.gale.server.api.config;

import dev.gale.protocol.Json;
import dev.gale.server.api.model.JobBodies;
import dev.gale.server.api.model.JobBodies.AttemptStreamStats;
import dev.gale.server.domain.AttemptSyncConfig;
import dev.gale.server.domain.StreamDescriptor;
import dev.gale.server.service.job.AttemptService.ReportedCounts;
import dev.gale.server.service.job.AttemptService.ReportedStreamCounts;
import java.util.List;

/** Maps what a worker reports through {@code attempt/*} to the attempt service's inputs. */
final class AttemptReports {
  private AttemptReports() {}

  static ReportedCounts counts(JobBodies.AttemptStats stats) {
    return new ReportedCounts(or0(stats.recordsEmitted()), or0(stats.bytesEmitted()), or0(stats.stateMessagesEmitted()),
        or0(stats.recordsCommitted()), or0(stats.bytesCommitted()), or0(stats.estimatedRecords()),
        or0(stats.estimatedBytes()));
  }

  /** Keeps null items, which the service refuses with their position. */
  static List<ReportedStreamCounts> streamCounts(List<AttemptStreamStats> streams) {
    return streams == null ? null : streams.stream().map(stream -> stream == null ? null : new ReportedStreamCounts(
        new StreamDescriptor(stream.streamName(), stream.streamNamespace()), counts(stream.stats()))).toList();
  }

  static AttemptSyncConfig syncConfig(JobBodies.AttemptSyncConfig config) {
    return new AttemptSyncConfig(config.sourceConfiguration(), config.destinationConfiguration(),
        config.state() == null ? null : Json.tree(config.state()));
  }

  private static long or0(Long value) {
    return value == null ? 0 : value;
  }
}
