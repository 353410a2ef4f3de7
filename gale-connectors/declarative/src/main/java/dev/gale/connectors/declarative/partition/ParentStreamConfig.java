package dev.gale.connectors.declarative.partition;

import static java.util.Objects.requireNonNull;

import dev.gale.connectors.declarative.requester.RequestOption;
import dev.gale.connectors.declarative.runtime.Template;
import java.util.List;

/**
 * One parent of a substream: which parent stream, which field of its records ({@code parent_key}, a path with
 * {@code /}) becomes which partition field, whether the partition value goes into the request, whether the parent is
 * read incrementally with the child's state, and extra fields of the parent record the child's templates see.
 */
public record ParentStreamConfig(PartitionReads.ParentStream stream, Template parentKey, Template partitionField,
                                 RequestOption option, boolean incrementalDependency,
                                 List<List<Template>> extraFields) {
  public ParentStreamConfig {
    requireNonNull(stream, "stream is null");
    requireNonNull(parentKey, "parentKey is null");
    requireNonNull(partitionField, "partitionField is null");
    extraFields = extraFields == null ? List.of() : extraFields.stream().map(List::copyOf).toList();
  }
}
