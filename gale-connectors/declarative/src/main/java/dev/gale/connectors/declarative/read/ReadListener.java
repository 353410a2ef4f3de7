package dev.gale.connectors.declarative.read;

import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import java.util.List;
import java.util.Map;

/** Told what a stream read finds, page by page and slice by slice. */
public interface ReadListener {

  /** A page of records of {@code slice}; returns false to read no further page of the slice. */
  boolean page(StreamSlice slice, HttpResult response, List<Map<String, Object>> records) throws InterruptedException;

  /**
   * {@code slice} is read; {@code state} is the stream's state now (null without a cursor). Returns false to stop the
   * stream's read here.
   */
  boolean sliceDone(StreamSlice slice, Map<String, Object> state) throws InterruptedException;

  /**
   * Whether the read may fetch a slice's next page while {@link #page} handles this one: only for a listener that
   * takes every page and sends no request of its own (a parent stream's listener reads its children), since a page
   * it turns down has been asked for all the same.
   */
  default boolean readsAhead() {
    return false;
  }
}
