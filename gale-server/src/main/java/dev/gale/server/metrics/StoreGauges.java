package dev.gale.server.metrics;

import static java.util.Objects.requireNonNull;

import dev.gale.server.domain.JobConfigType;
import dev.gale.server.domain.JobStatus;
import dev.gale.server.store.JobCensus;
import dev.gale.server.store.ProcessHeartbeats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from the store at scrape time: jobs by status and type ({@code gale_jobs}), the jobs waiting for a
 * worker ({@code gale_queue_depth}), the live processes by kind ({@code gale_processes_live}, from their heartbeats,
 * idle ones included), those of them that run workers ({@code gale_worker_processes_live}), and the processes whose
 * workers hold a live lease ({@code gale_worker_processes_busy}).
 *
 * <p>Why gauges over the store rather than counters of transitions: a job is created by one process, run by another
 * and cancelled by a third, and survives them all; only the store knows every job's status. Every process exports
 * the same store-wide values, so aggregate them with {@code max}, not {@code sum}. One count (three aggregate
 * queries) serves every gauge of a scrape and is reused for {@link #FRESH_FOR}, so that several scrapers cost the
 * store no more than one. When the store cannot be read the gauges are NaN (absent in the exposition is worse:
 * alerts on them would fall silent).
 */
public final class StoreGauges {
  /** How long one count of the store serves scrapes. */
  static final Duration FRESH_FOR = Duration.ofSeconds(5);
  private static final Logger LOG = LoggerFactory.getLogger(StoreGauges.class);

  private final JobCensus census;
  /** The last count; null before the first and after a failed one. */
  private JobCensus.Count last;
  private long triedAt;
  private boolean tried;

  private StoreGauges(JobCensus census) {
    this.census = requireNonNull(census, "census is null");
  }

  /**
   * Registers the store gauges. The statuses are all of them and the types those of jobs Gale stores (replications),
   * so each series exists from the start, 0 until a job has it, rather than appearing with the first such job.
   */
  public static StoreGauges register(MeterRegistry registry, JobCensus census) {
    StoreGauges gauges = new StoreGauges(census);
    for (JobStatus status : JobStatus.values()) {
      for (JobConfigType type : JobConfigType.REPLICATION) {
        Gauge.builder("gale.jobs", gauges, g -> g.read(count -> count.jobs(status, type)))
            .description("Jobs in the store by status and type (the store keeps GALE_RETENTION_DAYS of history)")
            .tag("status", JobMetrics.wire(status))
            .tag("config_type", JobMetrics.wire(type))
            .strongReference(true)
            .register(registry);
      }
    }
    Gauge.builder("gale.queue.depth", gauges, g -> g.read(JobCensus.Count::waiting))
        .description("Jobs waiting for a worker: pending, or incomplete between attempts, and held by no lease")
        .strongReference(true)
        .register(registry);
    // Micrometer holds a gauge's object weakly by default; nothing else keeps these.
    for (ProcessHeartbeats.Kind kind : ProcessHeartbeats.Kind.values()) {
      Gauge.builder("gale.processes.live", gauges, g -> g.read(count -> count.liveProcesses(kind)))
          .description("Gale processes alive, by kind: those whose heartbeat the store saw lately, idle ones included")
          .tag("kind", kind.wire())
          .strongReference(true)
          .register(registry);
    }
    Gauge.builder("gale.worker.processes.live", gauges, g -> g.read(JobCensus.Count::liveWorkerProcesses))
        .description("Gale processes alive that run workers (servers with GALE_WORKERS above 0, and gale worker), "
            + "idle or not")
        .strongReference(true)
        .register(registry);
    Gauge.builder("gale.worker.processes.busy", gauges, g -> g.read(JobCensus.Count::busyWorkerProcesses))
        .description("Processes whose workers hold a job lease they keep renewing (idle workers hold none)")
        .strongReference(true)
        .register(registry);
    return gauges;
  }

  // A failed count is not retried by the next gauge of the same scrape either: a store that is away would otherwise
  // hold the scrape for a pool timeout per gauge.
  private synchronized double read(ToDoubleFunction<JobCensus.Count> value) {
    long now = System.nanoTime();
    if (!tried || now - triedAt >= FRESH_FOR.toNanos()) {
      tried = true;
      triedAt = now;
      try {
        last = census.take();
      } catch (RuntimeException e) {
        LOG.warn("Cannot count the jobs for metrics: {}", e.getMessage());
        last = null;
      }
    }
    return last == null ? Double.NaN : value.applyAsDouble(last);
  }
}
