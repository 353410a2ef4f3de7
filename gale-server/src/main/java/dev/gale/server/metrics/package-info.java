/**
 * Prometheus metrics of a Gale process, served at {@code GET /metrics} by servers and workers alike.
 *
 * <ul>
 *   <li>{@link dev.gale.server.metrics.GaleMetrics}: the process's registry, with the JVM's meters; it writes the
 *       text exposition.
 *   <li>{@link dev.gale.server.metrics.JobMetrics}: attempts, their durations and what they committed (told by the
 *       job queue as each attempt ends), the scheduler's lag and this process's workers.
 *   <li>{@link dev.gale.server.metrics.StoreGauges}: store-wide gauges (jobs by status and type, queue depth, live
 *       worker processes), the same in every process.
 *   <li>{@link dev.gale.server.metrics.HttpMetrics}: requests by route template, method and status, told by the HTTP
 *       server as each exchange ends.
 *   <li>{@link dev.gale.server.metrics.MetricsApi}: the route, open like the health check.
 * </ul>
 *
 * <p>Names follow Prometheus's conventions with a {@code gale_} prefix; library meters keep their usual names
 * ({@code jvm_}, {@code process_}, {@code hikaricp_}) so that existing dashboards read them. No label holds a
 * connection, workspace, name or id: the series stay bounded however large the deployment.
 */
package dev.gale.server.metrics;
