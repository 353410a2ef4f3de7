package dev.gale.connectors.s3;

import dev.gale.connector.data.ValueType;
import java.util.List;
import org.apache.parquet.column.ColumnWriter;

/**
 * Writes the values of one nested column (an optional group or list, see {@link ParquetSchemas}) into its leaf columns
 * with the definition and repetition levels Parquet's record shredding would give them. The levels follow from the
 * shape: each optional group or element adds one definition level, each list adds two (its repeated {@code list}
 * group and its optional {@code element}) and one repetition level. A null at some depth is written as a null in
 * every leaf below it, defined up to its parent; an empty list as a null defined up to the list itself.
 */
final class NestedColumn {
  private sealed interface Node permits Leaf, Group, Repeated {}

  /** @param present the definition level of a non-null value */
  private record Leaf(int leaf, ValueType type, int present) implements Node {}

  /** An optional group; its leaves are {@code first} to {@code first + count - 1}. */
  private record Group(Node[] children, int present, int first, int count) implements Node {}

  /** An optional three-level list; {@code repetition} is the level of its repeated group. */
  private record Repeated(Node element, int present, int repetition, int first, int count) implements Node {}

  private final String name;
  private final NestedType shape;
  private final Node root;
  private final int leafCount;
  private ColumnWriter[] leaves;

  /** A top-level column: optional, so defined at 1, and not repeated. */
  NestedColumn(String name, NestedType shape) {
    this.name = name;
    this.shape = shape;
    int[] next = {0};
    this.root = node(shape, 1, 0, next);
    this.leafCount = next[0];
  }

  NestedType shape() {
    return shape;
  }

  /** How many Parquet columns (leaves) this column has. */
  int leafCount() {
    return leafCount;
  }

  /** Takes the writers of the column's leaves, in schema order, for a new row group. */
  void writeTo(ColumnWriter[] leafWriters) {
    if (leafWriters.length != leafCount) {
      throw new IllegalArgumentException("column " + name + " has " + leafCount + " leaves, got " + leafWriters.length);
    }
    this.leaves = leafWriters;
  }

  /** Writes one row's value, shaped by {@link NestedValues}, or null. */
  void write(Object value) {
    write(root, value, 0);
  }

  private static Node node(NestedType shape, int present, int repetition, int[] next) {
    return switch (shape) {
      case NestedType.Scalar scalar -> new Leaf(next[0]++, scalar.type(), present);
      case NestedType.Struct struct -> {
        int first = next[0];
        Node[] children = new Node[struct.fields().size()];
        for (int i = 0; i < children.length; i++) {
          children[i] = node(struct.fields().get(i).type(), present + 1, repetition, next);
        }
        yield new Group(children, present, first, next[0] - first);
      }
      case NestedType.ListOf list -> {
        int first = next[0];
        Node element = node(list.items(), present + 2, repetition + 1, next);
        yield new Repeated(element, present, repetition + 1, first, next[0] - first);
      }
    };
  }

  private void write(Node node, Object value, int repetition) {
    switch (node) {
      case Leaf leaf -> {
        if (value == null) {
          leaves[leaf.leaf()].writeNull(repetition, leaf.present() - 1);
        } else {
          RowColumns.writeValue(leaves[leaf.leaf()], name, leaf.type(), value, repetition, leaf.present());
        }
      }
      case Group group -> {
        if (value == null) {
          nulls(group.first(), group.count(), repetition, group.present() - 1);
        } else {
          Object[] values = (Object[]) value;
          for (int i = 0; i < values.length; i++) {
            write(group.children()[i], values[i], repetition);
          }
        }
      }
      case Repeated list -> {
        List<?> values = (List<?>) value;
        if (values == null) {
          nulls(list.first(), list.count(), repetition, list.present() - 1);
        } else if (values.isEmpty()) {
          nulls(list.first(), list.count(), repetition, list.present());
        } else {
          for (int i = 0; i < values.size(); i++) {
            write(list.element(), values.get(i), i == 0 ? repetition : list.repetition());
          }
        }
      }
    }
  }

  private void nulls(int first, int count, int repetition, int definition) {
    for (int i = first; i < first + count; i++) {
      leaves[i].writeNull(repetition, definition);
    }
  }
}
