package dev.gale.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;
import org.junit.jupiter.api.Test;

class JsonReadTest {

  @Test
  void anArrayOfObjectsTakesTheJsonTypesOfItsValues() throws Exception {
    String url = TestFiles.write("array.json", """
        [{"id": 1, "price": 2, "ok": true, "name": "a", "tags": ["x"], "meta": {"k": 1}, "mixed": 1},
         {"id": 2, "price": 2.5, "ok": null, "name": "b", "tags": [], "meta": {"k": 2}, "mixed": "two", "late": 7}]
        """);

    TestFiles.Read read = TestFiles.read(TestFiles.local("json", url, null));

    assertThat(read.names()).containsExactly("id", "price", "ok", "name", "tags", "meta", "mixed", "late");
    assertThat(read.columns()).extracting(c -> c.type()).containsExactly(ValueType.INTEGER, ValueType.NUMBER,
        ValueType.BOOLEAN, ValueType.STRING, ValueType.JSON, ValueType.JSON, ValueType.STRING, ValueType.INTEGER);
    assertThat(read.rows()).containsExactly(
        new Object[] {1L, 2.0, true, "a", "[\"x\"]", "{\"k\":1}", "1", null},
        new Object[] {2L, 2.5, null, "b", "[]", "{\"k\":2}", "two", 7L});
    assertThat(new FileSource().discover(TestFiles.local("json", url, null)).streams().getFirst().jsonSchema()
        .at("/properties/meta")).isEqualTo(Json.parse("{\"type\":[\"object\",\"null\"]}"));
  }

  @Test
  void oneObjectIsOneRecord() throws Exception {
    String url = TestFiles.write("one.json", "{\"a\": \"x\", \"b\": 1.5}");

    assertThat(TestFiles.read(TestFiles.local("json", url, null)).rows()).containsExactly(new Object[] {"x", 1.5});
  }

  @Test
  void jsonLinesAreOneObjectPerLine() throws Exception {
    String url = TestFiles.write("lines.jsonl", "{\"a\": 1}\n\n{\"a\": 2, \"b\": [1, {\"c\": null}]}\n");

    TestFiles.Read read = TestFiles.read(TestFiles.local("jsonl", url, null));

    assertThat(read.names()).containsExactly("a", "b");
    assertThat(read.rows()).containsExactly(new Object[] {1L, null}, new Object[] {2L, "[1,{\"c\":null}]"});
  }

  @Test
  void severalValuesInAJsonFileOrBrokenJsonAreErrors() {
    String several = TestFiles.write("several.json", "{\"a\": 1}\n{\"a\": 2}\n");
    assertThatThrownBy(() -> TestFiles.read(TestFiles.local("json", several, null)))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("use format jsonl");
    String broken = TestFiles.write("broken.jsonl", "{\"a\": 1}\n{\"a\": \n");
    assertThatThrownBy(() -> TestFiles.read(TestFiles.local("jsonl", broken, null)))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("is not valid jsonl after record 1");
  }
}
