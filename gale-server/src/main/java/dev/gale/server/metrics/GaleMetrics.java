package dev.gale.server.metrics;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.management.ManagementFactory;

/**
 * The meters of one Gale process (a server or a worker), written in Prometheus's text format by {@link #scrape()}:
 * the JVM's (memory, GC, threads, class loading, CPU, uptime) from the start, then the store pool's, the jobs' and
 * the HTTP layer's as the process wires them. One registry per process rather than Micrometer's global one: tests
 * run a server and a worker in one JVM, and each must show only its own work.
 */
public final class GaleMetrics implements AutoCloseable {
  /** The media type of {@link #scrape()}: the text exposition format 0.0.4, which every Prometheus reads. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  // The GC binder listens to GC notifications until closed.
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final HttpMetrics http = new HttpMetrics(registry);

  /** A registry with the JVM's meters bound. */
  public GaleMetrics() {
    lintClean();
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /**
   * Two of Micrometer's processor meters break Prometheus's naming rules ({@code promtool check metrics} lints
   * them): {@code process_cpu_time_ns_total} (a unit abbreviated, in nanoseconds) gives way to the
   * {@code process_cpu_seconds_total} Prometheus's own clients export, and {@code system_cpu_count} (a gauge named
   * like a histogram's count) is exported as {@code system_cpu_processors}.
   */
  private void lintClean() {
    registry.config().meterFilter(MeterFilter.deny(id -> id.getName().equals("process.cpu.time")));
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        return id.getName().equals("system.cpu.count") ? id.withName("system.cpu.processors") : id;
      }
    });
    if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
      FunctionCounter.builder("process.cpu.seconds", os, bean -> bean.getProcessCpuTime() / 1e9)
          .description("CPU time this process used")
          .register(registry);
    }
  }

  /** Where the store pool, the jobs and the routes register their meters. */
  public MeterRegistry registry() {
    return registry;
  }

  public HttpMetrics http() {
    return http;
  }

  /** Every meter now, in the text format {@link #CONTENT_TYPE}; store-wide gauges are read (or reused) here. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
