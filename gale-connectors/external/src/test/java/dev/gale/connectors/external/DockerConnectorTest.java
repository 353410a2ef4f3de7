package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gale.protocol.AirbyteConnectionStatus;
import dev.gale.protocol.AirbyteStream;
import dev.gale.protocol.ConnectorSpecification;
import dev.gale.protocol.Json;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real connector image on a real Docker engine. Skipped, with the reason printed, where no engine answers: the one
 * skip issue 12 allows. The image is Airbyte's Faker source, which needs no network once pulled.
 */
@Timeout(600) // the first run pulls the image
class DockerConnectorTest {
  static final String IMAGE = System.getProperty("gale.test.docker.image", "airbyte/source-faker:6.2.20");
  private static final JsonNode CONFIG = Json.parse("{\"count\":10,\"seed\":1,\"records_per_slice\":10}");

  // Per test rather than per class, so that the report counts the test as skipped, with the reason.
  @BeforeEach
  void needsAnEngine() {
    boolean available = DockerEngine.available();
    if (!available) {
      System.out.println("DockerConnectorTest skipped: no Docker engine answers `docker version` on this machine");
    }
    assumeTrue(available, "no Docker engine answers: `docker version` failed or is not installed");
  }

  @Test
  void runsSpecCheckAndDiscoverOfAConnectorImage() {
    Invocations invocations = new Invocations(ExternalCommand.docker(DockerImage.of(IMAGE).withLimits("1g", "1"))
        .withNoMessageTimeout(Duration.ofMinutes(5)));

    ConnectorSpecification spec = invocations.spec();
    AirbyteConnectionStatus status = invocations.check(CONFIG, Invocations.mask(spec, CONFIG));
    ProtocolMessage.Catalog catalog = invocations.discover(CONFIG, Invocations.mask(spec, CONFIG));

    assertThat(spec.connectionSpecification().path("properties").has("count")).isTrue();
    assertThat(status.status()).isEqualTo(AirbyteConnectionStatus.Status.SUCCEEDED);
    // Faker's streams; discover reads the mounted config file like check.
    assertThat(catalog.catalog().streams()).extracting(AirbyteStream::name).contains("users", "products");
  }
}
