package dev.gale.connectors.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One stream's file during a sync, with the destination contract's durability: an overwrite writes a temporary file
 * beside the target and moves it over the target atomically on {@link #complete}; an append writes to the target
 * and, when the sync ends without completing, cuts it back to what the last {@link #flush} made durable. Either way
 * an unfinished sync leaves what was there before, plus at most what was flushed.
 */
final class StreamFile implements AutoCloseable {
  private final Path target;
  private final Path writing;
  private final boolean overwrite;
  private final FileChannel channel;
  private final OutputStream out;
  private long durableLength;
  private boolean done;

  StreamFile(Path target, boolean overwrite, long syncId) throws IOException {
    this.target = target;
    this.overwrite = overwrite;
    Files.createDirectories(target.getParent());
    this.writing = overwrite ? target.resolveSibling("." + target.getFileName() + ".sync-" + syncId) : target;
    this.channel = overwrite
        ? FileChannel.open(writing, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)
        : FileChannel.open(writing, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    this.durableLength = channel.size();
    channel.position(durableLength);
    this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
  }

  /** Where records go; buffered. */
  OutputStream out() {
    return out;
  }

  /** Whether the file had no content when the sync opened it (a CSV header belongs at its top). */
  boolean startsEmpty() {
    return durableLength == 0;
  }

  void flush() throws IOException {
    out.flush();
    channel.force(false);
    durableLength = channel.size();
  }

  void complete() throws IOException {
    flush();
    channel.close();
    if (overwrite) {
      Files.move(writing, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    done = true;
  }

  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    try {
      if (!overwrite && channel.isOpen()) {
        channel.truncate(durableLength); // drop what was written after the last flush: it was never acknowledged
      }
    } finally {
      channel.close();
      if (overwrite) {
        Files.deleteIfExists(writing);
      }
    }
  }
}
