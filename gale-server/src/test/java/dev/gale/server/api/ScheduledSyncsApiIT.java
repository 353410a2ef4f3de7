package dev.gale.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.protocol.Json;
import dev.gale.server.store.Database;
import dev.gale.server.testing.ApiClient;
import dev.gale.server.testing.PrometheusSamples;
import dev.gale.server.testing.TestingGaleServer;
import dev.gale.server.testing.TestingStore;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scheduler queues syncs for active connections whose basic or cron schedule is due, with its tick shortened to
 * a tenth of a second; manual and inactive connections never get one.
 */
class ScheduledSyncsApiIT {
  private static TestingGaleServer gale;
  private static ApiClient api;
  private static TestingStore store;

  @BeforeAll
  static void start() {
    gale = TestingGaleServer.start(Database.Settings.h2Memory("scheduled-" + UUID.randomUUID()),
        TestingGaleServer.fastJobs().withSchedulerTick(Duration.ofMillis(100)));
    api = gale.client();
    store = new TestingStore(gale.server());
  }

  @AfterAll
  static void stop() {
    gale.close();
  }

  @Test
  void aDueBasicScheduleGetsOneSyncPerIntervalAndManualOrInactiveConnectionsNone() {
    ObjectNode hourlySchedule = schedule("basic", Json.object().set("basicSchedule",
        Json.object().put("timeUnit", "hours").put("units", 1)));
    String hourly = connection(hourlySchedule);
    String manual = connection(Json.object().put("scheduleType", "manual"));
    String inactive = connection(hourlySchedule.deepCopy().put("status", "inactive"));

    JsonNode jobs = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> list(hourly), list -> list.path("totalJobCount").asLong() == 1
            && list.at("/jobs/0/job/status").asText().equals("succeeded"));
    assertThat(jobs.at("/jobs/0/job/configType").asText()).isEqualTo("sync");
    PrometheusSamples metrics = PrometheusSamples.checked(api.withAuthorization(null).get("/metrics").rawBody());
    assertThat(metrics.sum("gale_scheduler_lag_seconds_count", Map.of())).as("the scheduler measured its lag")
        .isGreaterThanOrEqualTo(1);
    assertThat(metrics.sum("gale_scheduler_lag_seconds_bucket", Map.of("le", "60.0")))
        .as("a tick of a tenth of a second queues a due sync within a minute").isGreaterThanOrEqualTo(1);

    await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(100))
        .until(() -> list(hourly).path("totalJobCount").asLong() == 1 && list(manual).path("totalJobCount").asLong() == 0
            && list(inactive).path("totalJobCount").asLong() == 0);
  }

  @Test
  void aCronScheduleSyncsWheneverItsExpressionMatches() {
    ObjectNode everySecond = Json.object();
    everySecond.putObject("cron").put("cronExpression", "* * * * * ?").put("cronTimeZone", "Europe/Paris");
    String cron = connection(schedule("cron", everySecond));

    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
        .until(() -> list(cron).path("totalJobCount").asLong() >= 2);

    assertThat(list(cron).path("jobs")).allSatisfy(job -> assertThat(job.at("/job/status").asText())
        .isIn("pending", "running", "succeeded"));
    // No more load for the other tests.
    api.post("/api/v1/connections/update", JobCalls.body(cron).put("status", "inactive")).expect(200);
  }

  private static ObjectNode schedule(String type, JsonNode data) {
    ObjectNode schedule = Json.object().put("scheduleType", type);
    schedule.set("scheduleData", data);
    return schedule;
  }

  private static String connection(ObjectNode schedule) {
    return JobCalls.connection(store, api, ConnectionFixtures.SAMPLE_DATA, "{\"count\": 10, \"seed\": 1}", "full_refresh",
        "overwrite", schedule);
  }

  private static JsonNode list(String connection) {
    return api.post("/api/v1/jobs/list", Json.parse("{\"configTypes\": [\"sync\"], \"configId\": \"" + connection + "\"}"))
        .expect(200);
  }
}
