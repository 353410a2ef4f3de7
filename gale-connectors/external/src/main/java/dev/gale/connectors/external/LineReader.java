package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n}, with a {@code \r} before it dropped) without ever holding more than
 * {@code maxLineBytes} of one line: a connector that writes a huge line (or never a newline) cannot exhaust the heap.
 * What happens to a longer line is the caller's choice: {@link OnLongLine#FAIL} stops with
 * {@link LineTooLongException}, {@link OnLongLine#TRUNCATE} keeps its start and skips the rest (for log text). The
 * line's bytes are reused by the next call. Not thread-safe.
 *
 * <p>A line that lies whole in the read buffer is handed out where it lies, as a slice of that buffer: a connector's
 * output is mostly such lines (records of a few hundred bytes), and copying each would cost as much as finding it.
 * Only a line that straddles two reads is gathered into a separate array.
 */
final class LineReader {
  enum OnLongLine { FAIL, TRUNCATE }

  private final InputStream in;
  private final int maxLineBytes;
  private final OnLongLine onLongLine;
  private final byte[] buffer = new byte[64 * 1024];
  private int position;
  private int limit;
  private byte[] line = new byte[8 * 1024];
  private int length;
  /** Where the current line lies: in {@link #buffer} for a whole line, else in {@link #line}. */
  private byte[] lineBytes = line;
  private int lineOffset;

  LineReader(InputStream in, int maxLineBytes, OnLongLine onLongLine) {
    this.in = requireNonNull(in, "in is null");
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes must be positive");
    }
    this.maxLineBytes = maxLineBytes;
    this.onLongLine = requireNonNull(onLongLine, "onLongLine is null");
  }

  /**
   * Reads the next line into {@link #bytes()} from {@link #offset()}.
   *
   * @return its length in bytes, or -1 at the end of the stream
   * @throws LineTooLongException with {@link OnLongLine#FAIL}, when a line is longer than the limit
   */
  int next() throws IOException {
    int newline = position < limit ? indexOfNewline() : -1;
    if (newline >= 0 && newline - position <= maxLineBytes) {
      lineBytes = buffer;
      lineOffset = position;
      length = newline - position;
      position = newline + 1;
      return trimmed();
    }
    return gathered();
  }

  // The line's start is in the buffer but not its end (or it is over the limit): it is copied, read by read.
  private int gathered() throws IOException {
    lineBytes = line;
    lineOffset = 0;
    length = 0;
    boolean truncated = false;
    while (true) {
      if (position == limit) {
        int read = in.read(buffer);
        if (read < 0) {
          return length == 0 && !truncated ? -1 : trimmed();
        }
        position = 0;
        limit = read;
      }
      int newline = indexOfNewline();
      int end = newline < 0 ? limit : newline;
      int room = maxLineBytes - length;
      int take = Math.min(end - position, room);
      if (take < end - position) {
        if (onLongLine == OnLongLine.FAIL) {
          throw new LineTooLongException(maxLineBytes);
        }
        truncated = true;
      }
      append(take);
      position = newline < 0 ? limit : newline + 1;
      if (newline >= 0) {
        return trimmed();
      }
    }
  }

  /** The array that holds the line {@link #next} read, from {@link #offset()}; valid until the next call. */
  byte[] bytes() {
    return lineBytes;
  }

  /** Where the line {@link #next} read starts in {@link #bytes()}. */
  int offset() {
    return lineOffset;
  }

  private int indexOfNewline() {
    for (int i = position; i < limit; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private void append(int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.min(maxLineBytes, Math.max(length + count, line.length * 2)));
    }
    System.arraycopy(buffer, position, line, length, count);
    length += count;
    lineBytes = line;
  }

  private int trimmed() {
    return length > 0 && lineBytes[lineOffset + length - 1] == '\r' ? length - 1 : length;
  }

  /** A line longer than the limit; its text is not kept. */
  static final class LineTooLongException extends IOException {
    private final int maxLineBytes;

    LineTooLongException(int maxLineBytes) {
      super("a line is longer than " + maxLineBytes + " bytes");
      this.maxLineBytes = maxLineBytes;
    }

    int maxLineBytes() {
      return maxLineBytes;
    }
  }
}
