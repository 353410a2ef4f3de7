package dev.gale.connectors.declarative.extract;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.runtime.HttpResult;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.transform.RecordTransformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Airbyte's {@code RecordSelector}: extracts the records of a response, filters them, and applies the stream's
 * transformations (before filtering when {@code transform_before_filtering} says so).
 */
public record RecordSelector(DpathExtractor extractor, RecordFilter filter, List<RecordTransformation> transformations,
                             boolean transformBeforeFiltering) {

  public RecordSelector {
    requireNonNull(extractor, "extractor is null");
    transformations = List.copyOf(transformations);
  }

  /** What {@link #select} found: the records kept, and how many the extractor gave before filtering. */
  public record Selection(List<Map<String, Object>> records, int extracted) {}

  /** @param variables the template variables: {@code stream_slice}, {@code next_page_token}, {@code stream_state} */
  public Selection select(Run run, HttpResult response, String stream, Map<String, Object> variables) {
    List<Map<String, Object>> extracted = extractor.extract(run, response, stream);
    List<Map<String, Object>> kept = new ArrayList<>(extracted.size());
    for (Map<String, Object> record : extracted) {
      if (transformBeforeFiltering) {
        transform(run, record, variables);
      }
      if (filter == null || filter.keeps(run, record, variables)) {
        if (!transformBeforeFiltering) {
          transform(run, record, variables);
        }
        kept.add(record);
      }
    }
    return new Selection(kept, extracted.size());
  }

  private void transform(Run run, Map<String, Object> record, Map<String, Object> variables) {
    for (RecordTransformation transformation : transformations) {
      transformation.transform(run, record, variables);
    }
  }
}
