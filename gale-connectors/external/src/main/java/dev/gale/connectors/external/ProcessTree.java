package dev.gale.connectors.external;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * A program and every process it started. A child that outlives its parent is re-parented and no longer among
 * {@link ProcessHandle#descendants()}, so the children seen while the program ran are remembered ({@link #look}) and
 * stopped with the rest. {@link ProcessHandle} checks a process's start time, so a pid reused since is not killed.
 * Thread-safe.
 */
final class ProcessTree {
  private final Process root;
  private final List<ProcessHandle> seen = new ArrayList<>();

  ProcessTree(Process root) {
    this.root = requireNonNull(root, "root is null");
  }

  /** Remembers the program's current descendants and forgets those that ended. */
  synchronized void look() {
    for (ProcessHandle handle : root.descendants().toList()) {
      if (!seen.contains(handle)) {
        seen.add(handle);
      }
    }
    seen.removeIf(handle -> !handle.isAlive());
  }

  /** Kills the program first, so that it starts no new child, then every descendant it has or had. */
  synchronized void kill() {
    List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
    seen.stream().filter(handle -> !tree.contains(handle)).forEach(tree::add);
    root.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
  }
}
