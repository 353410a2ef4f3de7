package dev.gale.connectors.declarative.testing;

import dev.gale.connectors.declarative.runtime.ExchangeListener;
import dev.gale.connectors.declarative.runtime.HttpCall;
import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.RunLog;
import dev.gale.connector.config.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Runs and responses for testing components directly. */
public final class TestRuns {
  private TestRuns() {}

  public static Run run(Map<String, Object> config) {
    return new Run(config, TestInterpolations.get(), call -> {
      throw new AssertionError("no request expected");
    }, duration -> {}, Clock.fixed(TestSources.NOW, ZoneOffset.UTC), RunLog.NONE, Secrets.none(),
        ExchangeListener.NONE);
  }

  public static HttpResult response(String body, String... headers) {
    java.util.Map<String, List<String>> map = new java.util.LinkedHashMap<>();
    for (String header : headers) {
      int colon = header.indexOf(':');
      map.computeIfAbsent(header.substring(0, colon).strip(), key -> new java.util.ArrayList<>())
          .add(header.substring(colon + 1).strip());
    }
    return new HttpResult(new HttpCall("GET", "https://api.example.com/items", Map.of(), null), 200, map,
        body.getBytes(StandardCharsets.UTF_8));
  }
}
