package io.spoor.codec.uijson;

import io.spoor.model.Process;
import io.spoor.model.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns the ids {@code p1, p2, ...} to the distinct processes of a trace in the order their first
 * span appears. Two processes are the same when service name and tags (in order) are equal, as in
 * Jaeger's {@code processHashtable}.
 */
final class ProcessTable {
  private final Map<Process, String> ids = new HashMap<>();
  private final List<Process> processes = new ArrayList<>();

  static ProcessTable of(List<Span> spans) {
    ProcessTable table = new ProcessTable();
    for (Span span : spans) {
      table.add(span.process());
    }
    return table;
  }

  private void add(Process process) {
    if (!ids.containsKey(process)) {
      processes.add(process);
      ids.put(process, "p" + processes.size());
    }
  }

  /** The id of a process that was added. */
  String idOf(Process process) {
    String id = ids.get(process);
    if (id == null) {
      throw new IllegalArgumentException("process: " + process + " (expected: one of this trace's)");
    }
    return id;
  }

  /**
   * The processes with their ids, in the order Go's {@code encoding/json} writes map keys: sorted as
   * strings, so {@code p10} comes before {@code p2}.
   */
  List<Map.Entry<String, Process>> sortedById() {
    List<Map.Entry<String, Process>> entries = new ArrayList<>(processes.size());
    for (int i = 0; i < processes.size(); i++) {
      entries.add(Map.entry("p" + (i + 1), processes.get(i)));
    }
    entries.sort(Map.Entry.comparingByKey());
    return entries;
  }
}
