package dev.gale.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connector.ConnectorException;
import dev.gale.connector.data.ValueType;
import dev.gale.protocol.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CsvReadTest {

  @Test
  void infersIntegerNumberBooleanAndStringAndReadsMissingValuesAsNull() throws Exception {
    String url = TestFiles.write("types.csv", "i,mixed,flag,text,empty\n1,1,True,a,\n-2,2.5,false,NA,\nNA,3e2,,b2,\n");

    TestFiles.Read read = TestFiles.read(TestFiles.local("csv", url, null));

    assertThat(read.names()).containsExactly("i", "mixed", "flag", "text", "empty");
    assertThat(read.columns()).extracting(c -> c.type()).containsExactly(ValueType.INTEGER, ValueType.NUMBER,
        ValueType.BOOLEAN, ValueType.STRING, ValueType.STRING);
    assertThat(read.rows()).containsExactly(
        new Object[] {1L, 1.0, true, "a", null},
        new Object[] {-2L, 2.5, false, null, null},
        new Object[] {null, 300.0, null, "b2", null});
  }

  @Test
  void quotedValuesKeepSeparatorsQuotesAndLineBreaks() throws Exception {
    String url = TestFiles.write("quoted.csv", "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n");

    TestFiles.Read read = TestFiles.read(TestFiles.local("csv", url, null));

    assertThat(read.rows()).containsExactly(new Object[] {1L, "a, b"}, new Object[] {2L, "say \"hi\""},
        new Object[] {3L, "two\nlines"});
  }

  @Test
  void readerOptionsSeparatorQuoteEncodingAndNamesWithoutHeader() throws Exception {
    String url = TestFiles.write("latin.csv", "1;'Zoë; the first'\n2;'Åsa'\n", StandardCharsets.ISO_8859_1);

    TestFiles.Read read = TestFiles.read(TestFiles.local("csv", url,
        "{\"sep\":\";\",\"quotechar\":\"'\",\"encoding\":\"latin1\",\"names\":[\"id\",\"name\"]}"));

    assertThat(read.names()).containsExactly("id", "name");
    assertThat(read.rows()).containsExactly(new Object[] {1L, "Zoë; the first"}, new Object[] {2L, "Åsa"});
  }

  @Test
  void headerNoneNumbersTheColumnsAndHeaderRowSkipsTheRowsBeforeIt() throws Exception {
    String url = TestFiles.write("noheader.csv", "a\tb\nc\td\n");
    TestFiles.Read numbered = TestFiles.read(TestFiles.local("csv", url, "{\"delimiter\":\"\\t\",\"header\":null}"));
    assertThat(numbered.names()).containsExactly("0", "1");
    assertThat(numbered.rows()).containsExactly(new Object[] {"a", "b"}, new Object[] {"c", "d"});

    String titled = TestFiles.write("titled.csv", "Report of 2024\nx,y\n1,2\n");
    TestFiles.Read second = TestFiles.read(TestFiles.local("csv", titled, "{\"header\":1}"));
    assertThat(second.names()).containsExactly("x", "y");
    assertThat(second.rows()).containsExactly(new Object[] {1L, 2L});
  }

  @Test
  void skiprowsAsCountOrIndicesAndHeaderReplacedByNames() throws Exception {
    String url = TestFiles.write("skips.csv", "# comment\n# more\nx,y\n1,2\n3,4\n5,6\n");

    TestFiles.Read counted = TestFiles.read(TestFiles.local("csv", url, "{\"skiprows\":2}"));
    assertThat(counted.names()).containsExactly("x", "y");
    assertThat(counted.rows()).hasSize(3);

    TestFiles.Read listed = TestFiles.read(TestFiles.local("csv", url,
        "{\"skiprows\":[0,1,4],\"header\":0,\"names\":[\"a\",\"b\"]}"));
    assertThat(listed.names()).containsExactly("a", "b");
    assertThat(listed.rows()).containsExactly(new Object[] {1L, 2L}, new Object[] {5L, 6L});
  }

  @Test
  void blankAndRepeatedHeaderNamesAreKeptAsPandasNamesThem() throws Exception {
    String url = TestFiles.write("names.csv", "a,,a\n1,2,3\n");

    assertThat(TestFiles.read(TestFiles.local("csv", url, null)).names()).containsExactly("a", "Unnamed: 1", "a.1");
  }

  @Test
  void aRowWithMoreValuesThanColumnsIsAnError() {
    String url = TestFiles.write("wide.csv", "a,b\n1,2,3\n");

    assertThatThrownBy(() -> TestFiles.read(TestFiles.local("csv", url, null)))
        .isInstanceOf(ConnectorException.class).hasMessageContaining("has 3 values for 2 columns");
  }

  @Test
  void checkReadsTheHeaderAndSaysWhenTheFileIsMissingOrEmpty() {
    FileSource source = new FileSource();
    assertThat(source.check(TestFiles.local("csv", "/local/nope.csv", null)).message())
        .contains("File not found: /local/nope.csv");
    String empty = TestFiles.write("empty.csv", "");
    assertThat(source.check(TestFiles.local("csv", empty, null)).message()).contains("empty");
    String json = TestFiles.write("notcsv.json", "{\"a\":1}");
    assertThat(source.check(TestFiles.local("json", json, null)).status().name()).isEqualTo("SUCCEEDED");
    assertThat(Json.write(source.check(TestFiles.local("jsonl", TestFiles.write("array.jsonl", "[1,2]"), null))))
        .contains("every line must hold one object");
  }
}
