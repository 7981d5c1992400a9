package io.spoor.codec.uijson;

import io.spoor.model.Process;
import io.spoor.model.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns the ids {@code p1, p2, ...} to the distinct processes of a trace in the order their first
 * span appears. Two processes are the same when service name and tags (in order) are equal, as in
 * Jaeger's {@code processHashtable}.
 */
final class ProcessTable {
  private final List<Process> processes = new ArrayList<>();
  private final List<String> spanProcessIds;

  private ProcessTable(List<Span> spans) {
    spanProcessIds = new ArrayList<>(spans.size());
    Map<Process, String> byValue = new HashMap<>();
    // Spans of one process usually share one instance: skip hashing its tags again.
    Map<Process, String> byInstance = new IdentityHashMap<>();
    for (Span span : spans) {
      Process process = span.process();
      String id = byInstance.get(process);
      if (id == null) {
        id = byValue.get(process);
        if (id == null) {
          processes.add(process);
          id = "p" + processes.size();
          byValue.put(process, id);
        }
        byInstance.put(process, id);
      }
      spanProcessIds.add(id);
    }
  }

  static ProcessTable of(List<Span> spans) {
    return new ProcessTable(spans);
  }

  /** The process id of the span at this index of the list the table was made from. */
  String idOfSpan(int index) {
    return spanProcessIds.get(index);
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
