package dev.gale.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static Route<Void, String> route(String method, String path) {
    return new Route<>(method, path, "t", path, null, String.class, false, (body, call) -> path);
  }

  private final Router router = new Router()
      .add(route("POST", "/api/v1/jobs/get"))
      .add(route("GET", "/api/public/v1/jobs/{jobId}"))
      .add(route("GET", "/api/public/v1/jobs/latest"))
      .add(route("DELETE", "/api/public/v1/jobs/{jobId}"));

  @Test
  void matchesLiteralAndTemplatedPaths() {
    assertThat(router.match("POST", "/api/v1/jobs/get").orElseThrow().route().path()).isEqualTo("/api/v1/jobs/get");
    var match = router.match("GET", "/api/public/v1/jobs/42").orElseThrow();
    assertThat(match.pathParams()).isEqualTo(Map.of("jobId", "42"));
    assertThat(router.match("DELETE", "/api/public/v1/jobs/42/").orElseThrow().route().method()).isEqualTo("DELETE");
  }

  @Test
  void literalSegmentsWinOverParameters() {
    assertThat(router.match("GET", "/api/public/v1/jobs/latest").orElseThrow().route().path()).isEqualTo("/api/public/v1/jobs/latest");
  }

  @Test
  void unknownPathsAreEmptyAndKnownPathsWithAnotherMethodAre405() {
    assertThat(router.match("POST", "/api/v1/nothing")).isEmpty();
    assertThatThrownBy(() -> router.match("GET", "/api/v1/jobs/get"))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.status()).isEqualTo(405));
  }

  @Test
  void refusesTheSameRouteTwice() {
    assertThatThrownBy(() -> router.add(route("POST", "/api/v1/jobs/get"))).isInstanceOf(IllegalStateException.class);
  }
}
