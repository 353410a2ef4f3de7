package dev.gale.connectors.declarative.transform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gale.connectors.declarative.manifest.JsonValues;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.testing.TestRuns;
import dev.gale.protocol.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformationsTest {
  private final Run run = TestRuns.run(Map.of("account", "acme"));

  private static Map<String, Object> record(String json) {
    return JsonValues.toMap(Json.parse(json));
  }

  private static Template template(String text) {
    return Template.of(text, Map.of());
  }

  @Test
  void addFieldsSetsNestedPathsFromTemplates() {
    Map<String, Object> record = record("{\"id\": 1, \"meta\": {\"a\": 1}}");

    new AddFields(List.of(new AddFields.Field(List.of("account"), template("{{ config['account'] }}"), null),
        new AddFields.Field(List.of("meta", "copied_id"), template("{{ record.id }}"), null),
        new AddFields.Field(List.of("deep", "new", "slice"), template("{{ stream_slice.region }}"), null)), null)
        .transform(run, record, Map.of("stream_slice", Map.of("region", "eu")));

    assertThat(JsonValues.toNode(record)).isEqualTo(Json.parse("{\"id\": 1, \"meta\": {\"a\": 1, \"copied_id\": 1},"
        + " \"account\": \"acme\", \"deep\": {\"new\": {\"slice\": \"eu\"}}}"));
  }

  @Test
  void aValueTypeKeepsOnlyValuesOfThatType() {
    Map<String, Object> record = record("{\"n\": 5}");

    new AddFields(List.of(new AddFields.Field(List.of("as_string"), template("{{ record.n }}"), "string"),
        new AddFields.Field(List.of("as_integer"), template("{{ record.n }}"), "integer")), null)
        .transform(run, record, Map.of());

    assertThat(record).containsEntry("as_string", "5").containsEntry("as_integer", 5L);
  }

  @Test
  void addFieldsWithAConditionAddsOnlyWhereItHolds() {
    Map<String, Object> withValue = record("{\"email\": \"a@b.c\"}");
    Map<String, Object> without = record("{}");
    AddFields fields = new AddFields(List.of(new AddFields.Field(List.of("contact"), template("{{ record.email }}"),
        null)), template("{{ value }}"));

    fields.transform(run, withValue, Map.of());
    fields.transform(run, without, Map.of());

    assertThat(withValue).containsEntry("contact", "a@b.c");
    assertThat(without).doesNotContainKey("contact");
  }

  @Test
  void removeFieldsDeletesPathsAndGlobs() {
    Map<String, Object> record = record("{\"id\": 1, \"secret\": \"x\", \"links\": {\"self\": \"u\", \"next\": \"v\"},"
        + " \"items\": [{\"id\": 1, \"debug\": true}], \"nested\": {\"deeper\": {\"debug\": 1}}}");

    new RemoveFields(List.of(List.of("secret"), List.of("links", "*"), List.of("items", "*", "debug"),
        List.of("**", "debug"), List.of("absent", "field")), null).transform(run, record, Map.of());

    assertThat(JsonValues.toNode(record)).isEqualTo(Json.parse("{\"id\": 1, \"links\": {}, \"items\": [{\"id\": 1}],"
        + " \"nested\": {\"deeper\": {}}}"));
  }

  @Test
  void removeFieldsWithAConditionRemovesOnlyMatchingValues() {
    Map<String, Object> record = record("{\"a\": null, \"b\": 2}");

    new RemoveFields(List.of(List.of("*")), template("{{ property == None }}")).transform(run, record, Map.of());

    assertThat(record).containsOnlyKeys("b");
  }

  @Test
  void keysToLowerAndKeysReplace() {
    Map<String, Object> record = record("{\"First Name\": \"Ada\", \"Address\": {\"Zip Code\": \"1\"}}");

    new KeysReplace(template(" "), template("_")).transform(run, record, Map.of());
    new KeysToLower().transform(run, record, Map.of());

    assertThat(JsonValues.toNode(record)).isEqualTo(Json.parse("{\"first_name\": \"Ada\", \"address\":"
        + " {\"Zip_Code\": \"1\"}}"));
  }
}
