package io.spoor.collector.sanitizer;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Span;
import io.spoor.model.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Truncates string tag values (span tags and log fields) longer than a limit, noting each in the
 * span's warnings. A runaway value (a whole response body logged as a tag) would otherwise cost
 * storage and UI far more than it is worth.
 */
final class TagValueLengthSanitizer implements SpanSanitizer {
  private final int maxLength;

  TagValueLengthSanitizer(int maxLength) {
    if (maxLength <= 0) {
      throw new IllegalArgumentException("--collector.max-tag-value-length: " + maxLength + " (expected: > 0)");
    }
    this.maxLength = maxLength;
  }

  @Override
  public Span sanitize(Span span) {
    if (!needsWork(span)) {
      return span;
    }
    Span.Builder b = span.toBuilder();
    List<String> warnings = new ArrayList<>();
    b.tags(truncate(span.tags(), warnings));
    List<Log> logs = new ArrayList<>(span.logs().size());
    for (Log log : span.logs()) {
      logs.add(new Log(log.timestampNanos(), truncate(log.fields(), warnings)));
    }
    b.logs(logs);
    warnings.forEach(b::addWarning);
    return b.build();
  }

  private boolean needsWork(Span span) {
    if (tooLong(span.tags())) {
      return true;
    }
    for (Log log : span.logs()) {
      if (tooLong(log.fields())) {
        return true;
      }
    }
    return false;
  }

  private boolean tooLong(List<KeyValue> tags) {
    for (KeyValue kv : tags) {
      if (kv.type() == ValueType.STRING && kv.stringValue().length() > maxLength) {
        return true;
      }
    }
    return false;
  }

  private List<KeyValue> truncate(List<KeyValue> tags, List<String> warnings) {
    List<KeyValue> out = new ArrayList<>(tags.size());
    for (KeyValue kv : tags) {
      if (kv.type() == ValueType.STRING && kv.stringValue().length() > maxLength) {
        String v = kv.stringValue();
        int end = Character.isHighSurrogate(v.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
        out.add(KeyValue.of(kv.key(), v.substring(0, end)));
        warnings.add("tag " + kv.key() + " truncated from " + v.length() + " to " + end + " characters");
      } else {
        out.add(kv);
      }
    }
    return out;
  }
}
