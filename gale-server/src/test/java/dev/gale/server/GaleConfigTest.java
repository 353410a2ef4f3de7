package dev.gale.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GaleConfigTest {
  private static final Path DIR = Path.of("/tmp/gale-config-test");

  @Test
  void tokensLiveFifteenMinutesUnlessGaleTokenTtlSaysOtherwise() {
    assertThat(GaleConfig.fromEnvironment(Map.of(), 0, DIR).tokenTtl()).isEqualTo(Duration.ofMinutes(15));
    assertThat(GaleConfig.fromEnvironment(Map.of("GALE_TOKEN_TTL", "60"), 0, DIR).tokenTtl())
        .isEqualTo(Duration.ofSeconds(60));
    assertThatThrownBy(() -> GaleConfig.fromEnvironment(Map.of("GALE_TOKEN_TTL", "0"), 0, DIR))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theUserIsConfiguredByGaleUserNameAndEmail() {
    assertThat(GaleConfig.fromEnvironment(Map.of(), 0, DIR).user()).isEqualTo(GaleConfig.User.DEFAULT);
    assertThat(GaleConfig.fromEnvironment(Map.of("GALE_USER_NAME", "Ada", "GALE_USER_EMAIL", "ada@example.org"), 0, DIR)
        .user()).isEqualTo(new GaleConfig.User("Ada", "ada@example.org"));
    assertThatThrownBy(() -> GaleConfig.fromEnvironment(Map.of("GALE_USER_EMAIL", "ada"), 0, DIR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email");
    assertThatThrownBy(() -> GaleConfig.fromEnvironment(Map.of("GALE_USER_NAME", " "), 0, DIR))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
  }

  @Test
  void externalConnectorsComeFromTheOperatorsCommandsFileAndThePath(@TempDir Path temp) throws Exception {
    Path commands = Files.writeString(temp.resolve("commands"), "someone/source-tiny = /opt/tiny/run --quiet\n");

    GaleConfig config = GaleConfig.fromEnvironment(Map.of("GALE_CONNECTOR_COMMANDS", commands.toString(),
        "GALE_CONNECTOR_SPEC_TIMEOUT", "7"), 0, DIR);

    assertThat(config.launches().configuredRepositories()).containsExactly("someone/source-tiny");
    assertThat(config.specTimeout()).isEqualTo(Duration.ofSeconds(7));
    assertThat(config.toString()).contains("connectorCommands=[someone/source-tiny]").doesNotContain("/opt/tiny");
    assertThat(GaleConfig.fromEnvironment(Map.of(), 0, DIR).specTimeout()).isEqualTo(GaleConfig.DEFAULT_SPEC_TIMEOUT);
    assertThatThrownBy(() -> GaleConfig.fromEnvironment(Map.of("GALE_CONNECTOR_COMMANDS",
        temp.resolve("missing").toString()), 0, DIR)).hasMessageContaining("GALE_CONNECTOR_COMMANDS");
    assertThatThrownBy(() -> GaleConfig.fromEnvironment(Map.of("GALE_CONNECTOR_SPEC_TIMEOUT", "0"), 0, DIR))
        .hasMessageContaining("specTimeout");
  }

  @Test
  void aWorkerServesHealthAndMetricsOnItsFlagsPortElseGaleWorkerPortElse8001() {
    assertThat(GaleConfig.workerPort(Map.of("GALE_WORKER_PORT", "9101", "GALE_PORT", "8000"), 9200)).isEqualTo(9200);
    assertThat(GaleConfig.workerPort(Map.of("GALE_WORKER_PORT", "9101", "GALE_PORT", "8000"), null)).isEqualTo(9101);
    assertThat(GaleConfig.workerPort(Map.of("GALE_PORT", "8000"), null)).isEqualTo(GaleConfig.DEFAULT_WORKER_PORT)
        .isEqualTo(8001);
  }

  @Test
  void environmentNamesEveryVariableTheConfigurationReads() {
    Set<String> read = new TreeSet<>();
    // Without flags, so that GALE_PORT and GALE_DATA_DIR are read; with a database URL too, because only then are
    // the database's user and password read.
    GaleConfig.fromEnvironment(new RecordingEnvironment(read, Map.of()), null, null);
    GaleConfig.fromEnvironment(new RecordingEnvironment(read,
        Map.of("GALE_DATABASE_URL", "jdbc:postgresql://localhost:5432/gale")), null, DIR);
    GaleConfig.workerPort(new RecordingEnvironment(read, Map.of()), null);

    assertThat(read).isEqualTo(GaleConfig.ENVIRONMENT);
  }

  /** An environment that writes down every name asked for, whether it is set or not. */
  private static final class RecordingEnvironment extends HashMap<String, String> {
    private final Set<String> read;

    RecordingEnvironment(Set<String> read, Map<String, String> values) {
      super(values);
      this.read = read;
    }

    @Override
    public String get(Object key) {
      read.add((String) key);
      return super.get(key);
    }

    @Override
    public String getOrDefault(Object key, String defaultValue) {
      read.add((String) key);
      return super.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
      read.add((String) key);
      return super.containsKey(key);
    }
  }
}
