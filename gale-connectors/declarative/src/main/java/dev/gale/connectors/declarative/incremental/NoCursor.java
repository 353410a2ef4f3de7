package dev.gale.connectors.declarative.incremental;

import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import java.util.List;
import java.util.Map;

/** The cursor of a stream read in full: one interval per partition, no state. */
public final class NoCursor implements StreamCursor {
  @Override
  public List<Map<String, Object>> intervals(Map<String, Object> partition) {
    return List.of(Map.of());
  }

  @Override
  public void observe(StreamSlice slice, Map<String, Object> record) {}

  @Override
  public void close(StreamSlice slice) {}

  @Override
  public Map<String, Object> state() {
    return null;
  }

  @Override
  public RequestParts parts(Run run, StreamSlice slice) {
    return new RequestParts();
  }

  @Override
  public boolean inBounds(StreamSlice slice, Map<String, Object> record) {
    return true;
  }
}
