package dev.gale.connectors.declarative.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connector.config.Secrets;
import dev.gale.connectors.declarative.testing.TestInterpolations;
import dev.gale.connectors.declarative.testing.TestRuns;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the CDK's decoders give for bodies they cannot read: no failure, a log line. */
class DecoderTest {
  private final List<String> logs = new ArrayList<>();
  private final Run run = new Run(Map.of(), TestInterpolations.get(), call -> {
    throw new AssertionError("no request expected");
  }, duration -> {}, Clock.systemUTC(), (level, message) -> logs.add(level + " " + message), Secrets.none(),
      ExchangeListener.NONE);

  @Test
  void jsonThatDoesNotParseIsOneEmptyObject() {
    assertThat(Decoder.JSON.decode(run, TestRuns.response("{\"data\": [1,"), "items")).containsExactly(Map.of());
    assertThat(logs).singleElement().satisfies(line -> assertThat(line).startsWith("ERROR Stream 'items'")
        .contains("not valid JSON"));
  }

  @Test
  void jsonLinesSkipALineThatDoesNotParse() {
    List<Object> documents = Decoder.JSONL.decode(run, TestRuns.response("{\"id\": 1}\nnot json\n\n{\"id\": 2}\n"),
        "items");

    assertThat(documents).containsExactly(Map.of("id", 1L), Map.of("id", 2L));
    assertThat(logs).singleElement().satisfies(line -> assertThat(line).startsWith("WARN").contains("line 2"));
  }
}
