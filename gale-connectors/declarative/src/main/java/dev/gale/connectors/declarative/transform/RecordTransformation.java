package dev.gale.connectors.declarative.transform;

import dev.gale.connectors.declarative.runtime.Run;
import java.util.Map;

/** Changes a record in place, after selection. */
public interface RecordTransformation {
  /**
   * @param variables the template variables of the moment ({@code stream_slice}, {@code stream_state}...)
   */
  void transform(Run run, Map<String, Object> record, Map<String, Object> variables);
}
