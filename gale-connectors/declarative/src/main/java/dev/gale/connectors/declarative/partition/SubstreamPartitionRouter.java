package dev.gale.connectors.declarative.partition;

import dev.gale.connectors.declarative.extract.Dpath;
import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import dev.gale.connectors.declarative.runtime.Template;
import dev.gale.connectors.declarative.runtime.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Airbyte's {@code SubstreamPartitionRouter}: one partition per record of each parent stream,
 * {@code {partition_field: record[parent_key], "parent_slice": <the parent's partition>}}, parents read in order and
 * page by page. A parent record without the key gives no partition. Parents with {@code incremental_dependency} are
 * read from the state the child keeps for them, and {@link #parentStates} says their states afterwards.
 */
public record SubstreamPartitionRouter(List<ParentStreamConfig> parents) implements PartitionRouter {

  public SubstreamPartitionRouter {
    parents = List.copyOf(parents);
  }

  @Override
  public void partitions(Run run, PartitionReads reads, Sink sink) throws InterruptedException {
    partitions(run, reads, null, sink);
  }

  /**
   * Hands over the partitions, reading incrementally dependent parents from {@code parentStates} (keyed by parent
   * name; null for full reads), and returns the parents' states after the read.
   */
  public Map<String, Object> partitions(Run run, PartitionReads reads, Map<String, Object> parentStates, Sink sink)
      throws InterruptedException {
    Map<String, Object> after = new LinkedHashMap<>();
    for (ParentStreamConfig parent : parents) {
      List<String> key = Dpath.split(parent.parentKey().evalString(run, Map.of()));
      String field = parent.partitionField().evalString(run, Map.of());
      List<List<String>> extra = new ArrayList<>();
      for (List<Template> path : parent.extraFields()) {
        extra.add(path.stream().map(segment -> segment.evalString(run, Map.of())).toList());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> state = parent.incrementalDependency() && parentStates != null
          && parentStates.get(parent.stream().name()) instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
      Map<String, Object> parentState = reads.readParent(run, parent.stream(),
          parent.incrementalDependency() ? (state == null ? Map.of() : state) : null, (record, parentPartition) -> {
            Optional<Object> value = Dpath.get(record, key);
            if (value.isEmpty()) {
              return;
            }
            Map<String, Object> partition = new LinkedHashMap<>();
            partition.put(field, value.get());
            partition.put("parent_slice", parentPartition == null ? Map.of() : parentPartition);
            Map<String, Object> extraFields = new LinkedHashMap<>();
            for (List<String> path : extra) {
              extraFields.put(String.join(".", path), Dpath.get(record, path).orElse(null));
            }
            sink.accept(new StreamSlice(partition, Map.of(), extraFields));
          });
      if (parent.incrementalDependency() && parentState != null) {
        after.put(parent.stream().name(), parentState);
      }
    }
    return after;
  }

  /** Whether any parent is read incrementally with the child. */
  public boolean hasIncrementalDependency() {
    return parents.stream().anyMatch(ParentStreamConfig::incrementalDependency);
  }

  @Override
  public RequestParts parts(Run run, StreamSlice slice) {
    RequestParts parts = new RequestParts();
    for (ParentStreamConfig parent : parents) {
      if (parent.option() == null) {
        continue;
      }
      Object value = slice.partition().get(parent.partitionField().evalString(run, Map.of()));
      if (Values.truthy(value)) {
        parent.option().inject(parts, value, run);
      }
    }
    return parts;
  }
}
