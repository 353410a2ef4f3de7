package dev.gale.connectors.duckdb;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A stream's plan, with the columns of its load table in the order the appender fills them. */
record TableLayout(TablePlan plan, List<Slot> slots) {
  TableLayout {
    requireNonNull(plan, "plan is null");
    slots = List.copyOf(slots);
  }
}
