package dev.gale.server.api.publicapi;

import static java.util.Objects.requireNonNull;

import dev.gale.server.api.publicapi.model.JobResources.JobTypeEnum;
import dev.gale.server.domain.JobConfigType;
import java.util.Set;

/**
 * The Public API's job types and the config types behind them, as one client reads them.
 *
 * <p>Airbyte's Java SDK 0.x knows only {@code sync} and {@code reset}: it throws on reading a job whose type is
 * {@code clear} or {@code refresh}, and would fail on every list that held one. So it is told a clear is a reset (the
 * same work, under its older name) and a refresh is a sync (a sync that re-reads some streams), and its filters
 * match what it is shown. Its job statuses need no such care: Gale's are the six the 2023 document lists.
 */
record PublicJobTypes(boolean only2023Types) {
  static PublicJobTypes of(ClientAgent client) {
    return new PublicJobTypes(requireNonNull(client, "client is null").knowsOnly2023Enums());
  }

  JobTypeEnum typeOf(JobConfigType configType) {
    return switch (configType) {
      case SYNC -> JobTypeEnum.SYNC;
      case RESET_CONNECTION -> JobTypeEnum.RESET;
      case CLEAR -> only2023Types ? JobTypeEnum.RESET : JobTypeEnum.CLEAR;
      case REFRESH -> only2023Types ? JobTypeEnum.SYNC : JobTypeEnum.REFRESH;
      default -> throw new IllegalArgumentException("not a replication job type: " + configType);
    };
  }

  /** The config types of the jobs this client is shown as {@code type}. */
  Set<JobConfigType> configTypesOf(JobTypeEnum type) {
    return switch (type) {
      case SYNC -> only2023Types ? Set.of(JobConfigType.SYNC, JobConfigType.REFRESH) : Set.of(JobConfigType.SYNC);
      case RESET -> only2023Types ? Set.of(JobConfigType.RESET_CONNECTION, JobConfigType.CLEAR)
          : Set.of(JobConfigType.RESET_CONNECTION);
      case CLEAR -> Set.of(JobConfigType.CLEAR);
      case REFRESH -> Set.of(JobConfigType.REFRESH);
    };
  }
}
