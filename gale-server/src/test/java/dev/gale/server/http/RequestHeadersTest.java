package dev.gale.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestHeadersTest {
  @Test
  void namesAreFoundWhateverTheirCaseAndTheFirstValueWins() {
    RequestHeaders headers = RequestHeaders.of(Map.of("authorization", List.of("Basic a", "Basic b")));

    assertThat(headers.first("Authorization")).contains("Basic a");
    assertThat(headers.first("AUTHORIZATION")).contains("Basic a");
    assertThat(headers.first("Host")).isEmpty();
    assertThat(RequestHeaders.none().first("Host")).isEmpty();
  }

  @Test
  void theTextNamesHeadersWithoutTheirValues() {
    RequestHeaders headers = RequestHeaders.of(Map.of("Authorization", List.of("Bearer secret-token")));

    assertThat(headers.toString()).contains("Authorization").doesNotContain("secret-token");
  }
}
