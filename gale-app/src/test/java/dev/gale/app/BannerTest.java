package dev.gale.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.server.GaleConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BannerTest {
  @Test
  void aPasswordInTheStoresUrlIsNeverPrinted() {
    GaleConfig config = GaleConfig.fromEnvironment(Map.of(
        "GALE_DATABASE_URL", "jdbc:postgresql://db:5432/gale?user=gale&password=s3cret&ssl=true",
        "GALE_AUTH_PASSWORD", "chosen-one"), 8000, Path.of("/tmp/gale-banner"));

    for (String banner : new String[] {Banner.of(config, 8000), Banner.ofWorker(config, 4, 8001)}) {
      assertThat(banner).doesNotContain("s3cret").doesNotContain("chosen-one")
          .contains("jdbc:postgresql://db:5432/gale?user=gale&password=***&ssl=true");
    }
    assertThat(Banner.ofWorker(config, 4, 8001)).contains("4 workers").contains("serves no API")
        .contains("http://localhost:8001/api/v1/health").contains("http://localhost:8001/metrics");
    assertThat(Banner.of(config, 8000)).contains("http://localhost:8000/metrics");
  }
}
