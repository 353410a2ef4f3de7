package dev.gale.connectors.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.connector.Destination;
import dev.gale.connector.contract.DestinationBehavior;
import dev.gale.connector.contract.DestinationContract;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.Json;
import dev.gale.protocol.StreamDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJsonDestinationTest extends DestinationContract {
  @TempDir
  static Path root;
  private final LocalJsonDestination destination = new LocalJsonDestination();

  @BeforeAll
  static void temporaryRoot() {
    LocalFiles.useRoot(root);
  }

  @Override
  protected Destination connector() {
    return destination;
  }

  @Override
  protected JsonNode validConfig() {
    return Json.object().put("destination_path", "/local/json_data");
  }

  @Override
  protected JsonNode invalidConfig() {
    return Json.object().put("destination_path", "/local/../../etc");
  }

  @Override
  protected boolean hasBehavior(DestinationBehavior behavior) {
    return behavior == DestinationBehavior.READ_BACK;
  }

  @Override
  protected List<Object[]> readBack(JsonNode config, StreamDescriptor stream) throws Exception {
    Path file = LocalFiles.file(config.path("destination_path").asText(), stream, ".jsonl");
    if (!Files.exists(file)) {
      return List.of();
    }
    return Files.readAllLines(file).stream().map(Json::parse).map(line -> LocalFiles.contractRow(line.path("_airbyte_data")))
        .toList();
  }

  @Test
  void airbytesLocalMountAndRelativePathsLandUnderTheRoot() {
    assertThat(LocalRoot.resolve("/local/json_data")).isEqualTo(root.resolve("json_data"));
    assertThat(LocalRoot.resolve("/local")).isEqualTo(root);
    assertThat(LocalRoot.resolve("reports/daily")).isEqualTo(root.resolve("reports/daily"));
    assertThat(LocalRoot.resolve("/reports")).isEqualTo(root.resolve("reports"));
  }

  @Test
  void pathsLeavingTheRootFailTheCheck() {
    AirbyteConnectionStatus status = destination.check(Json.object().put("destination_path", "/local/a/../../../tmp"));
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.FAILED);
    assertThat(status.message()).contains("inside the local root");
    assertThat(destination.check(validConfig()).status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
  }

  @Test
  void streamNamesNeverMakePaths() {
    assertThat(LocalRoot.fileName("_airbyte_raw_", "../etc/passwd", ".jsonl")).isEqualTo("_airbyte_raw_.._etc_passwd.jsonl");
    assertThat(LocalRoot.fileName("", "..", "")).isEqualTo("__");
  }
}
