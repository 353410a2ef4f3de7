package dev.gale.connectors.postgres;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads the output of {@code COPY ... TO STDOUT (FORMAT binary)}: an 11-byte signature, flags and a header extension,
 * then per row an int16 field count and per field an int32 length (-1 for NULL) and the value's bytes, and finally a
 * count of -1. Values are decoded from one reusable buffer; only a value larger than the buffer needs its own array.
 * Not thread-safe.
 */
public final class CopyReader {
  static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
  private static final int BUFFER_SIZE = 1 << 16;

  private final InputStream in;
  private final PgWireType[] types;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;
  private boolean headerRead;

  /** Reads rows whose fields have {@code types}, in that order, from {@code in}. */
  public CopyReader(InputStream in, PgWireType[] types) {
    this.in = in;
    this.types = types.clone();
  }

  /**
   * Decodes the next row into a new array.
   *
   * @return the row, or {@code null} after the last one
   */
  public Object[] next() throws IOException {
    if (!headerRead) {
      readHeader();
    }
    require(2);
    int fields = (short) Bytes.int16(buffer, position);
    position += 2;
    if (fields == -1) {
      return null;
    }
    if (fields != types.length) {
      throw new IOException("COPY sent a row of " + fields + " fields where " + types.length + " were selected");
    }
    Object[] row = new Object[fields];
    for (int i = 0; i < fields; i++) {
      require(4);
      int length = Bytes.int32(buffer, position);
      position += 4;
      if (length < 0) {
        continue;
      }
      if (length > buffer.length) {
        row[i] = types[i].decode(readLarge(length), 0, length);
      } else {
        require(length);
        row[i] = types[i].decode(buffer, position, length);
        position += length;
      }
    }
    return row;
  }

  private void readHeader() throws IOException {
    require(SIGNATURE.length + 8);
    if (!Arrays.equals(buffer, position, position + SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length)) {
      throw new IOException("COPY output does not start with PostgreSQL's binary signature");
    }
    position += SIGNATURE.length + 4; // the flags hold nothing a reader needs (bit 16 is OIDs, never asked for)
    int extension = Bytes.int32(buffer, position);
    position += 4;
    skip(extension);
    headerRead = true;
  }

  // Makes at least `count` unread bytes (count <= buffer size) available from `position`.
  private void require(int count) throws IOException {
    if (limit - position >= count) {
      return;
    }
    System.arraycopy(buffer, position, buffer, 0, limit - position);
    limit -= position;
    position = 0;
    while (limit < count) {
      int read = in.read(buffer, limit, buffer.length - limit);
      if (read < 0) {
        throw new EOFException("COPY output ended inside a row");
      }
      limit += read;
    }
  }

  private byte[] readLarge(int length) throws IOException {
    byte[] value = new byte[length];
    int buffered = limit - position;
    System.arraycopy(buffer, position, value, 0, buffered);
    position = limit;
    int filled = buffered;
    while (filled < length) {
      int read = in.read(value, filled, length - filled);
      if (read < 0) {
        throw new EOFException("COPY output ended inside a value");
      }
      filled += read;
    }
    return value;
  }

  private void skip(int count) throws IOException {
    int remaining = count;
    while (remaining > 0) {
      require(1);
      int step = Math.min(remaining, limit - position);
      position += step;
      remaining -= step;
    }
  }
}
