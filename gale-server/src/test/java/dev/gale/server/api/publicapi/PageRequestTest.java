package dev.gale.server.api.publicapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.server.http.ApiException;
import dev.gale.server.http.Call;
import dev.gale.server.http.Principal;
import dev.gale.server.http.RequestHeaders;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {
  private static final List<Integer> FORTY_FIVE = IntStream.range(0, 45).boxed().toList();

  @Test
  void defaultsToTheFirstTwentyWithANextLinkOnly() {
    PageRequest.Page<Integer> page = PageRequest.of(call(Map.of())).slice(FORTY_FIVE, call(Map.of()));

    assertThat(page.data()).containsExactlyElementsOf(FORTY_FIVE.subList(0, 20));
    assertThat(page.next()).isEqualTo("http://gale:8000/api/public/v1/sources?limit=20&offset=20");
    assertThat(page.previous()).isNull();
  }

  @Test
  void linksRepeatTheOtherParametersAndStopAtTheEnds() {
    Map<String, List<String>> query = new LinkedHashMap<>();
    query.put("workspaceIds", List.of("a b", "c"));
    query.put("limit", List.of("10"));
    query.put("offset", List.of("40"));
    Call call = call(query);

    PageRequest.Page<Integer> page = PageRequest.of(call).slice(FORTY_FIVE, call);

    assertThat(page.data()).containsExactly(40, 41, 42, 43, 44);
    assertThat(page.next()).isNull();
    assertThat(page.previous())
        .isEqualTo("http://gale:8000/api/public/v1/sources?workspaceIds=a+b&workspaceIds=c&limit=10&offset=30");
  }

  @Test
  void anOverfetchedRowMeansANextPage() {
    Call call = call(Map.of("limit", List.of("2")));
    PageRequest request = PageRequest.of(call);

    assertThat(request.overfetchLimit()).isEqualTo(3);
    assertThat(request.fromOverfetched(List.of(1, 2, 3), call).next()).endsWith("?limit=2&offset=2");
    assertThat(request.fromOverfetched(List.of(1, 2), call).next()).isNull();
  }

  @Test
  void anOffsetPastTheEndIsAnEmptyPage() {
    Call call = call(Map.of("offset", List.of("100")));
    assertThat(PageRequest.of(call).slice(FORTY_FIVE, call).data()).isEmpty();
  }

  @Test
  void limitsOutsideTheRangeAndNonNumbersAreBadRequests() {
    for (Map<String, List<String>> query : List.of(Map.of("limit", List.of("0")), Map.of("limit", List.of("101")),
        Map.of("offset", List.of("-1")), Map.of("limit", List.of("ten")))) {
      assertThatThrownBy(() -> PageRequest.of(call(query)))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }

  private static Call call(Map<String, List<String>> query) {
    return new Call("/api/public/v1/sources", Map.of(), query, RequestHeaders.none(), Principal.ANONYMOUS,
        URI.create("http://gale:8000"));
  }
}
