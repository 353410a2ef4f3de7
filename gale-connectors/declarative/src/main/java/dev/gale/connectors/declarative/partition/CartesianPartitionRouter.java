package dev.gale.connectors.declarative.partition;

import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several partition routers at once (a list in {@code partition_router}): every combination of their partitions, the
 * partition maps merged, as the CDK's cartesian product slicer.
 */
public record CartesianPartitionRouter(List<PartitionRouter> routers) implements PartitionRouter {

  public CartesianPartitionRouter {
    routers = List.copyOf(routers);
  }

  @Override
  public void partitions(Run run, PartitionReads reads, Sink sink) throws InterruptedException {
    combine(run, reads, 0, StreamSlice.EMPTY, sink);
  }

  private void combine(Run run, PartitionReads reads, int index, StreamSlice prefix, Sink sink)
      throws InterruptedException {
    if (index == routers.size()) {
      sink.accept(prefix);
      return;
    }
    // The later routers' partitions are listed once per partition of this one, as the CDK's product does.
    List<StreamSlice> own = new ArrayList<>();
    routers.get(index).partitions(run, reads, own::add);
    for (StreamSlice slice : own) {
      Map<String, Object> partition = new LinkedHashMap<>(prefix.partition());
      partition.putAll(slice.partition());
      Map<String, Object> extra = new LinkedHashMap<>(prefix.extraFields());
      extra.putAll(slice.extraFields());
      combine(run, reads, index + 1, new StreamSlice(partition, Map.of(), extra), sink);
    }
  }

  @Override
  public RequestParts parts(Run run, StreamSlice slice) {
    return RequestParts.combine("", routers.stream().map(router -> router.parts(run, slice)).toList());
  }
}
