package dev.gale.connectors.declarative.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.runtime.Decoder;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.testing.TestRuns;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DpathExtractorTest {
  private final Run run = TestRuns.run(Map.of("key", "items"));

  private List<Map<String, Object>> extract(String body, String... path) {
    List<Template> segments = java.util.Arrays.stream(path).map(segment -> Template.of(segment, Map.of())).toList();
    return new DpathExtractor(segments, Decoder.JSON).extract(run, TestRuns.response(body), "items");
  }

  @Test
  void aRootListGivesItsItems() {
    assertThat(extract("[{\"id\": 1}, {\"id\": 2}]")).extracting(record -> record.get("id")).containsExactly(1L, 2L);
  }

  @Test
  void anObjectAtThePathIsOneRecord() {
    assertThat(extract("{\"data\": {\"id\": 7}}", "data")).extracting(record -> record.get("id")).containsExactly(7L);
  }

  @Test
  void aMissingPathOrAnEmptyObjectGivesNoRecords() {
    assertThat(extract("{\"other\": []}", "data")).isEmpty();
    assertThat(extract("{}")).isEmpty();
    assertThat(extract("")).isEmpty();
  }

  @Test
  void pathSegmentsMayBeTemplates() {
    assertThat(extract("{\"result\": {\"items\": [{\"id\": 3}]}}", "result", "{{ config['key'] }}")).hasSize(1);
  }

  @Test
  void wildcardsMatchEveryKeyAndIndex() {
    String body = "{\"entries\": [{\"event\": {\"id\": 1}}, {\"event\": {\"id\": 2}}, {\"other\": {}}],"
        + " \"by_id\": {\"a\": {\"id\": 3}, \"b\": {\"id\": 4}}}";

    assertThat(extract(body, "entries", "*", "event")).extracting(record -> record.get("id")).containsExactly(1L, 2L);
    assertThat(extract(body, "by_id", "*")).extracting(record -> record.get("id")).containsExactly(3L, 4L);
  }

  @Test
  void jsonLinesGiveOneDocumentPerLine() {
    List<Map<String, Object>> records = new DpathExtractor(List.of(), Decoder.JSONL)
        .extract(run, TestRuns.response("{\"id\": 1}\n{\"id\": 2}\n"), "items");

    assertThat(records).hasSize(2);
  }

  @Test
  void recordsThatAreNotObjectsFailClearly() {
    assertThatThrownBy(() -> extract("{\"ids\": [1, 2]}", "ids")).isInstanceOf(ConnectorException.class)
        .hasMessageContaining("must be JSON objects");
  }
}
