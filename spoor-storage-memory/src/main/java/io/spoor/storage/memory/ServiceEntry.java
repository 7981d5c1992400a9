package io.spoor.storage.memory;

import io.spoor.model.SpanKind;
import io.spoor.storage.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What is stored for one service: its traces ordered by time, and its operations with the number
 * of stored spans that carry each, so that eviction can drop an operation once no span has it.
 * Not thread-safe: {@link TraceTable} guards it.
 */
final class ServiceEntry {
  private final TimeIndex traces = new TimeIndex();
  private final Map<Operation, Integer> operationSpans = new TreeMap<>();

  TimeIndex traces() {
    return traces;
  }

  void addOperation(Operation operation) {
    operationSpans.merge(operation, 1, Integer::sum);
  }

  void removeOperation(Operation operation) {
    operationSpans.computeIfPresent(operation, (op, count) -> count == 1 ? null : count - 1);
  }

  /** Sorted by name then kind; only {@code kind} when not null. */
  List<Operation> operations(@Nullable SpanKind kind) {
    List<Operation> out = new ArrayList<>(operationSpans.size());
    for (Operation operation : operationSpans.keySet()) {
      if (kind == null || operation.kind() == kind) {
        out.add(operation);
      }
    }
    return out;
  }

  boolean isEmpty() {
    return traces.isEmpty();
  }
}
