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
  void linesAcrossReadsAreWholeWhereverTheReadsEnd() throws IOException {
    // Lines of every length from 0 to 999, so that the read buffer's ends fall at every position within a line,
    // delivered a few bytes at a time as well as in large reads.
    List<String> expected = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      String line = "é" + "x".repeat(i) + i;
      expected.add(line);
      text.append(line).append(i % 3 == 0 ? "\r\n" : "\n");
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

    assertThat(lines(new ByteArrayInputStream(bytes), 10_000, OnLongLine.FAIL)).containsExactlyElementsOf(expected);
    assertThat(lines(new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] buffer, int offset, int length) {
        return super.read(buffer, offset, Math.min(length, 7));
      }
    }, 10_000, OnLongLine.FAIL)).containsExactlyElementsOf(expected);
  }

  @Test
  void aLineOverTheLimitWithinOneReadIsRefusedOrTruncatedToo() throws IOException {
    assertThatThrownBy(() -> lines("ok\nabcdefgh\n", 4, OnLongLine.FAIL)).isInstanceOf(LineTooLongException.class);
    assertThat(lines("ok\nabcdefgh\nij", 4, OnLongLine.TRUNCATE)).containsExactly("ok", "abcd", "ij");
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
    return lines(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max, onLongLine);
  }

  private static List<String> lines(InputStream in, int max, OnLongLine onLongLine) throws IOException {
    LineReader reader = new LineReader(in, max, onLongLine);
    List<String> lines = new ArrayList<>();
    int length;
    while ((length = reader.next()) >= 0) {
      lines.add(new String(reader.bytes(), reader.offset(), length, StandardCharsets.UTF_8));
    }
    return lines;
  }
}
