package dev.gale.app;

import static dev.gale.app.DeploymentFiles.DEPLOY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gale.server.GaleConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart, rendered without Helm (see {@link PlainTemplates}) with its values and what an install must set:
 * every template is YAML, the Deployments probe Gale's health endpoint on the port Gale is told to serve, name only
 * variables Gale reads, and take their secrets from the chart's Secret.
 */
class HelmChartTest {
  private static final Path CHART = DEPLOY.resolve("helm/gale");
  private static final String SECRET_KEY = "q83vEjRWmrzuWHIuNEfc9TWZJkdTtHH6ofQdYEhNsbI=";
  private static final String RELEASE = "lake";

  @Test
  void theChartDescribesGale() {
    JsonNode chart = chartYaml();
    assertThat(chart.path("apiVersion").asText()).isEqualTo("v2");
    assertThat(chart.path("name").asText()).isEqualTo("gale");
    assertThat(values().at("/image/repository").asText()).isEqualTo("gale");
  }

  @Test
  void everyTemplateRendersToYamlWithTheSecretsAnInstallSets() {
    Map<String, JsonNode> rendered = renderAll(installValues());
    assertThat(rendered.keySet()).containsExactly("secret.yaml", "server.yaml", "service.yaml", "worker.yaml");
    rendered.forEach((name, resource) -> assertThat(resource.at("/metadata/name").asText()).as(name).startsWith(RELEASE));
  }

  @Test
  void anInstallWithoutTheSecretKeyAndPasswordsIsRefused() {
    assertThatThrownBy(() -> renderAll(values())).hasMessageContaining("secretKey is required");
  }

  @Test
  void theRendererRefusesWhatItDoesNotUnderstand() {
    PlainTemplates templates = new PlainTemplates(installValues(), chartYaml(), RELEASE);
    assertThatThrownBy(() -> templates.render("replicas: {{ if .Values.server.replicas }}1{{ end }}"))
        .hasMessageContaining("not a plain substitution");
    assertThatThrownBy(() -> templates.render("a: {{ .Values.server.missing }}")).hasMessageContaining("missing");
    assertThat(templates.render("a: {{ .Values.server.port | quote }} b: {{ .Release.Name }}"))
        .isEqualTo("a: \"8000\" b: lake");
  }

  @Test
  void theServerServesAndIsProbedOnGalesPortAndHealthEndpoint() {
    JsonNode server = renderAll(installValues()).get("server.yaml");
    assertThat(server.path("kind").asText()).isEqualTo("Deployment");
    assertProbedOnItsPort(server, "server", "GALE_PORT");
    assertThat(env(container(server)).get("GALE_PORT")).isEqualTo(String.valueOf(GaleConfig.DEFAULT_PORT));
  }

  @Test
  void theWorkerIsProbedOnItsOwnPort() {
    JsonNode worker = renderAll(installValues()).get("worker.yaml");
    assertThat(worker.path("kind").asText()).isEqualTo("Deployment");
    assertProbedOnItsPort(worker, "worker", "GALE_WORKER_PORT");
    assertThat(env(container(worker)).get("GALE_WORKER_PORT")).isEqualTo(String.valueOf(GaleConfig.DEFAULT_WORKER_PORT));
    assertThat(env(container(worker))).doesNotContainKey("GALE_PORT");
  }

  @Test
  void bothProcessesReadOnlyGalesVariablesAndTakeTheirSecretsFromTheSecret() {
    Map<String, JsonNode> rendered = renderAll(installValues());
    JsonNode secret = rendered.get("secret.yaml");
    assertThat(secret.path("kind").asText()).isEqualTo("Secret");
    assertThat(secret.at("/stringData/secret-key").asText()).isEqualTo(SECRET_KEY);
    for (String deployment : List.of("server.yaml", "worker.yaml")) {
      JsonNode container = container(rendered.get(deployment));
      List<String> names = new ArrayList<>();
      container.path("env").forEach(variable -> names.add(variable.path("name").asText()));
      assertThat(names).as(deployment).doesNotHaveDuplicates().allMatch(name -> name.startsWith("GALE_"));
      assertThat(names).as(deployment).isSubsetOf(GaleConfig.ENVIRONMENT);
      for (String secretVariable : List.of("GALE_SECRET_KEY", "GALE_DATABASE_PASSWORD", "GALE_AUTH_PASSWORD")) {
        JsonNode reference = variable(container, secretVariable).at("/valueFrom/secretKeyRef");
        assertThat(reference.path("name").asText()).as(secretVariable).isEqualTo(secret.at("/metadata/name").asText());
        assertThat(secret.path("stringData").has(reference.path("key").asText())).as(secretVariable).isTrue();
      }
      assertThat(env(container).get("GALE_DATABASE_URL")).isEqualTo(values().at("/database/url").asText());
    }
  }

  @Test
  void theServiceReachesTheServersHttpPort() {
    Map<String, JsonNode> rendered = renderAll(installValues());
    JsonNode service = rendered.get("service.yaml");
    JsonNode server = rendered.get("server.yaml");
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo(container(server).at("/ports/0/name").asText());
    service.at("/spec/selector").properties().forEach(label -> assertThat(
        server.at("/spec/template/metadata/labels").path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
  }

  private static void assertProbedOnItsPort(JsonNode deployment, String command, String portVariable) {
    JsonNode container = container(deployment);
    // The image's user (the Dockerfile's USER), and its data volume where the image keeps the data directory.
    assertThat(deployment.at("/spec/template/spec/securityContext/runAsUser").asText()).isEqualTo("10001");
    assertThat(container.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/data");
    assertThat(env(container).get("GALE_DATA_DIR")).isEqualTo("/data/gale");
    assertThat(container.at("/args/0").asText()).isEqualTo(command);
    JsonNode port = container.at("/ports/0");
    assertThat(port.path("containerPort").asText()).isEqualTo(env(container).get(portVariable));
    for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
      assertThat(container.at("/" + probe + "/httpGet/path").asText()).as(probe).isEqualTo("/api/v1/health");
      assertThat(container.at("/" + probe + "/httpGet/port").asText()).as(probe).isEqualTo(port.path("name").asText());
    }
  }

  private static JsonNode container(JsonNode deployment) {
    return deployment.at("/spec/template/spec/containers/0");
  }

  private static JsonNode variable(JsonNode container, String name) {
    for (JsonNode variable : container.path("env")) {
      if (variable.path("name").asText().equals(name)) {
        return variable;
      }
    }
    throw new AssertionError(name + " is not set");
  }

  /** The plain values of a container's environment (not those from a Secret). */
  private static Map<String, String> env(JsonNode container) {
    Map<String, String> env = new TreeMap<>();
    container.path("env").forEach(variable -> {
      if (variable.has("value")) {
        env.put(variable.path("name").asText(), variable.path("value").asText());
      }
    });
    return env;
  }

  private static Map<String, JsonNode> renderAll(JsonNode values) {
    PlainTemplates templates = new PlainTemplates(values, chartYaml(), RELEASE);
    Map<String, JsonNode> rendered = new TreeMap<>();
    try (Stream<Path> files = Files.list(CHART.resolve("templates"))) {
      files.forEach(file -> rendered.put(file.getFileName().toString(),
          DeploymentFiles.yaml(templates.render(DeploymentFiles.read(file)))));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return rendered;
  }

  /** The chart's values with what `helm install --set` must add. */
  private static JsonNode installValues() {
    ObjectNode values = (ObjectNode) values();
    values.put("secretKey", SECRET_KEY);
    ((ObjectNode) values.path("database")).put("password", "a \"quoted\" password");
    ((ObjectNode) values.path("auth")).put("password", "api password");
    return values;
  }

  private static JsonNode values() {
    return DeploymentFiles.yaml(DeploymentFiles.read(CHART.resolve("values.yaml")));
  }

  private static JsonNode chartYaml() {
    return DeploymentFiles.yaml(DeploymentFiles.read(CHART.resolve("Chart.yaml")));
  }
}
