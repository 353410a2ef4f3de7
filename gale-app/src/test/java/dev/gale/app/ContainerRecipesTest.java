package dev.gale.app;

import static dev.gale.app.DeploymentFiles.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.server.GaleConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile and the compose file, checked without a container engine: they parse, name only variables Gale reads,
 * and agree with Gale's ports and health endpoint. (ContainerRuntimeIT runs the runtime and launcher they ship.)
 */
class ContainerRecipesTest {
  private static final String DOCKERFILE = DeploymentFiles.read(DEPLOY.resolve("Dockerfile"));
  private static final JsonNode COMPOSE = DeploymentFiles.yaml(DeploymentFiles.read(DEPLOY.resolve("docker-compose.yaml")));
  private static final Pattern GALE_VARIABLE = Pattern.compile("\\bGALE_[A-Z0-9_]+");

  @Test
  void theImageExposesGalesPortsAndChecksHealthWithTheScriptThatKnowsThem() {
    assertThat(instructions("EXPOSE")).containsExactly(GaleConfig.DEFAULT_PORT + " " + GaleConfig.DEFAULT_WORKER_PORT);
    assertThat(instructions("HEALTHCHECK")).singleElement().asString().endsWith("CMD [\"gale-health\"]");
    String health = DeploymentFiles.read(DEPLOY.resolve("bin/gale-health"));
    assertThat(health).contains("${GALE_PORT:-" + GaleConfig.DEFAULT_PORT + "}")
        .contains("${GALE_WORKER_PORT:-" + GaleConfig.DEFAULT_WORKER_PORT + "}").contains("/api/v1/health");
    assertThat(instructions("ENTRYPOINT")).containsExactly("[\"gale\"]");
    assertThat(instructions("USER")).containsExactly("10001:10001");
    // The data directory is a folder of the volume that Gale makes itself (0700), as the chart mounts it too.
    assertThat(instructions("VOLUME")).containsExactly("/data");
    assertThat(DOCKERFILE).contains("GALE_DATA_DIR=/data/gale");
  }

  @Test
  void theImageShipsTheRuntimeAndLauncherThatContainerRuntimeItRuns() {
    // ContainerRuntimeIT lays out the same files: the runtime linked by the same script, the launcher and its options.
    assertThat(DOCKERFILE).contains("RUN deploy/build-runtime.sh /opt/gale/jre")
        .contains("deploy/train-aot-cache.sh /opt/gale")
        .contains("cp deploy/bin/gale deploy/bin/gale-health scripts/jvm-options.sh /opt/gale/bin/")
        .contains("cp gale-app/target/gale.jar /opt/gale/").contains("cp -r gale-app/target/lib /opt/gale/lib");
    assertThat(galeNamesIn(DOCKERFILE)).isNotEmpty().isSubsetOf(GaleConfig.ENVIRONMENT);
  }

  @Test
  void composeRunsAServerAndAWorkerOnPostgresqlWithMinio() {
    assertThat(names(COMPOSE.path("services"))).contains("postgres", "minio", "gale-server", "gale-worker");
    assertThat(COMPOSE.at("/services/postgres/image").asText()).isEqualTo("postgres:16");
    assertThat(COMPOSE.at("/services/minio/image").asText()).startsWith("minio/minio");
    assertThat(COMPOSE.at("/services/gale-server/command/0").asText()).isEqualTo("server");
    assertThat(COMPOSE.at("/services/gale-worker/command/0").asText()).isEqualTo("worker");
    for (String gale : List.of("gale-server", "gale-worker")) {
      assertThat(COMPOSE.at("/services/" + gale + "/build/dockerfile").asText()).isEqualTo("deploy/Dockerfile");
      assertThat(COMPOSE.at("/services/" + gale + "/image").asText()).isEqualTo("gale:0.1.0");
    }
  }

  @Test
  void composeGivesGaleOnlyVariablesItReadsAndBothProcessesTheSameStoreAndKey() {
    for (Map.Entry<String, JsonNode> service : COMPOSE.path("services").properties()) {
      assertThat(DeploymentFiles.galeNames(names(service.getValue().path("environment"))))
          .as("GALE_ variables of %s", service.getKey()).isSubsetOf(GaleConfig.ENVIRONMENT);
    }
    JsonNode server = COMPOSE.at("/services/gale-server/environment");
    JsonNode worker = COMPOSE.at("/services/gale-worker/environment");
    for (String shared : List.of("GALE_DATABASE_URL", "GALE_DATABASE_USER", "GALE_DATABASE_PASSWORD", "GALE_SECRET_KEY")) {
      assertThat(worker.path(shared).asText()).as(shared).isNotBlank().isEqualTo(server.path(shared).asText());
    }
    // The secrets come from the operator (.env), never from a default in the file.
    assertThat(server.path("GALE_SECRET_KEY").asText()).startsWith("${GALE_SECRET_KEY:?");
    assertThat(server.path("GALE_DATABASE_PASSWORD").asText()).startsWith("${GALE_DATABASE_PASSWORD:?");
    assertThat(COMPOSE.at("/services/postgres/environment/POSTGRES_PASSWORD").asText())
        .isEqualTo(server.path("GALE_DATABASE_PASSWORD").asText());
  }

  @Test
  void composeChecksHealthOnEachProcesssOwnPortAndStartsInOrder() {
    assertThat(healthCheck("gale-server")).containsExactly("CMD", "gale-health",
        COMPOSE.at("/services/gale-server/environment/GALE_PORT").asText());
    assertThat(healthCheck("gale-worker")).containsExactly("CMD", "gale-health",
        COMPOSE.at("/services/gale-worker/environment/GALE_WORKER_PORT").asText());
    assertThat(COMPOSE.at("/services/gale-server/ports/0").asText())
        .isEqualTo(GaleConfig.DEFAULT_PORT + ":" + COMPOSE.at("/services/gale-server/environment/GALE_PORT").asText());
    for (String gale : List.of("gale-server", "gale-worker")) {
      assertThat(COMPOSE.at("/services/" + gale + "/volumes/0").asText()).endsWith(":/data");
    }
    assertThat(healthCheck("postgres")).contains("pg_isready");
    assertThat(healthCheck("minio")).isNotEmpty();

    assertThat(dependencies("gale-server")).containsEntry("postgres", "service_healthy");
    assertThat(dependencies("gale-worker")).containsEntry("postgres", "service_healthy")
        .containsEntry("gale-server", "service_healthy");
  }

  private static List<String> instructions(String keyword) {
    return DOCKERFILE.lines().filter(line -> line.startsWith(keyword + " "))
        .map(line -> line.substring(keyword.length() + 1).strip()).toList();
  }

  private static List<String> galeNamesIn(String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = GALE_VARIABLE.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }

  private static List<String> healthCheck(String service) {
    List<String> test = new ArrayList<>();
    COMPOSE.at("/services/" + service + "/healthcheck/test").forEach(part -> test.add(part.asText()));
    return test;
  }

  private static Map<String, String> dependencies(String service) {
    Map<String, String> conditions = new java.util.TreeMap<>();
    COMPOSE.at("/services/" + service + "/depends_on").properties()
        .forEach(dependency -> conditions.put(dependency.getKey(), dependency.getValue().path("condition").asText()));
    return conditions;
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
