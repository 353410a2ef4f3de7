package dev.gale.connectors.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gale.connectors.external.LineReader.LineTooLongException;
import dev.gale.connectors.external.LineReader.OnLongLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  @Test
  void splitsLinesDropsCarriageReturnsAndKeepsALastLineWithoutNewline() throws IOException {
    assertThat(lines("a\r\n\nbc\nlast", 100, OnLongLine.FAIL)).containsExactly("a", "", "bc", "last");
  }

  @Test
  void readsLinesLongerThanItsBuffersWithinTheLimit() throws IOException {
    String longLine = "x".repeat(200_000);
    assertThat(lines(longLine + "\nnext\n", 300_000, OnLongLine.FAIL)).containsExactly(longLine, "next");
  }

  @Test
  void failsOnALineOverTheLimitWithoutReadingItWhole() {
    // A stream that never ends: the reader must stop at the limit rather than buffer forever.
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        return 'x';
      }

      @Override
      public int read(byte[] bytes, int offset, int length) {
        java.util.Arrays.fill(bytes, offset, offset + length, (byte) 'x');
        return length;
      }
    };
    LineReader reader = new LineReader(endless, 1 << 20, OnLongLine.FAIL);

    assertThatThrownBy(reader::next).isInstanceOf(LineTooLongException.class)
        .hasMessageContaining("longer than 1048576 bytes");
  }

  @Test
  void truncatesALongLineWhenAskedAndGoesOnWithTheNext() throws IOException {
    assertThat(lines("abcdefgh\nij\n", 4, OnLongLine.TRUNCATE)).containsExactly("abcd", "ij");
  }

  private static List<String> lines(String text, int max, OnLongLine onLongLine) throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max,
        onLongLine);
    List<String> lines = new ArrayList<>();
    int length;
    while ((length = reader.next()) >= 0) {
      lines.add(new String(reader.bytes(), 0, length, StandardCharsets.UTF_8));
    }
    return lines;
  }
}
