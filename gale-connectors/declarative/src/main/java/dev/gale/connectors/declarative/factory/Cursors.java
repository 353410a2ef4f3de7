package dev.gale.connectors.declarative.factory;

import dev.gale.connectors.declarative.incremental.DatetimeBasedCursor;
import dev.gale.connectors.declarative.incremental.DatetimeFormat;
import dev.gale.connectors.declarative.incremental.IncrementingCountCursor;
import dev.gale.connectors.declarative.incremental.IsoDuration;
import dev.gale.connectors.declarative.incremental.MinMaxDatetime;
import dev.gale.connectors.declarative.manifest.ComponentNode;
import dev.gale.connectors.declarative.runtime.Template;
import java.util.ArrayList;
import java.util.List;

/** Builds incremental cursors, checking formats and durations at load time. */
final class Cursors {
  private Cursors() {}

  static DatetimeBasedCursor datetime(ComponentNode node) {
    DatetimeFormat format = Fields.datetimeFormat(node, "datetime_format", node.requiredString("datetime_format"));
    List<DatetimeFormat> inputs = new ArrayList<>();
    for (String pattern : node.strings("cursor_datetime_formats")) {
      inputs.add(Fields.datetimeFormat(node, "cursor_datetime_formats", pattern));
    }
    inputs.add(format);
    IsoDuration granularity = Fields.duration(node, "cursor_granularity");
    Template step = Fields.durationTemplate(node, "step");
    if ((step == null) != (granularity == null)) {
      throw node.error(null, "step and cursor_granularity go together: set both or neither");
    }
    return new DatetimeBasedCursor(Fields.template(node, "cursor_field"), format, inputs,
        minMax(node, "start_datetime"), node.has("end_datetime") ? minMax(node, "end_datetime") : null, step,
        granularity, Fields.durationTemplate(node, "lookback_window"), RequestOptions.optional(node,
        "start_time_option"), RequestOptions.optional(node, "end_time_option"),
        Fields.template(node, "partition_field_start"), Fields.template(node, "partition_field_end"),
        node.bool("is_data_feed", false), node.bool("is_client_side_incremental", false),
        node.bool("global_substream_cursor", false));
  }

  static IncrementingCountCursor count(ComponentNode node) {
    return new IncrementingCountCursor(Fields.template(node, "cursor_field"), Fields.template(node, "start_value"),
        RequestOptions.optional(node, "start_value_option"));
  }

  private static MinMaxDatetime minMax(ComponentNode cursor, String field) {
    ComponentNode node = cursor.component(field).orElse(null);
    if (node == null) {
      return MinMaxDatetime.of(Fields.template(cursor, field));
    }
    String format = node.string("datetime_format").orElse(null);
    if (format != null) {
      Fields.datetimeFormat(node, "datetime_format", format);
    }
    return new MinMaxDatetime(Fields.template(node, "datetime"), format, Fields.template(node, "min_datetime"),
        Fields.template(node, "max_datetime"));
  }
}
