package dev.gale.connectors.declarative.partition;

import dev.gale.connector.ConnectorException;
import dev.gale.connectors.declarative.requester.RequestOption;
import dev.gale.connectors.declarative.requester.RequestParts;
import dev.gale.connectors.declarative.runtime.Run;
import dev.gale.connectors.declarative.runtime.StreamSlice;
import dev.gale.connectors.declarative.runtime.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One partition per value of a list, {@code {cursor_field: value}}; the list is written out (taken as written, as
 * the CDK does) or a template over {@code config} that gives one. {@code request_option} puts the value into the
 * request.
 *
 * @param values the listed values, or null when {@code template} gives them
 */
public record ListPartitionRouter(List<String> values, Template template, Template cursorField,
                                  RequestOption option) implements PartitionRouter {

  @Override
  public void partitions(Run run, PartitionReads reads, Sink sink) throws InterruptedException {
    String field = cursorField.evalString(run, Map.of());
    for (Object value : values(run)) {
      sink.accept(new StreamSlice(Map.of(field, value), Map.of(), Map.of()));
    }
  }

  private List<Object> values(Run run) {
    List<Object> list = new ArrayList<>();
    if (values != null) {
      list.addAll(values);
      return list;
    }
    Object evaluated = template.eval(run, Map.of());
    if (evaluated instanceof List<?> items) {
      list.addAll(items);
      return list;
    }
    if (evaluated instanceof String text && text.isEmpty() || evaluated == null) {
      return list;
    }
    throw new ConnectorException("The values of the list partition router, " + template.text()
        + ", do not give a list");
  }

  @Override
  public RequestParts parts(Run run, StreamSlice slice) {
    if (option == null) {
      return new RequestParts();
    }
    Object value = slice.partition().get(cursorField.evalString(run, Map.of()));
    return value == null ? new RequestParts() : option.parts(value, run);
  }
}
