package io.spoor.collector.sanitizer;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Replaces unpaired UTF-16 surrogates (which JSON escapes such as {@code "\ud800"} can produce and
 * which no store can encode as UTF-8) with U+FFFD in service and operation names, tag keys and string
 * values. Bytes that were invalid UTF-8 were already replaced by the decoders.
 */
final class TextSanitizer implements SpanSanitizer {
  @Override
  public Span sanitize(Span span) {
    if (isClean(span)) {
      return span;
    }
    List<Log> logs = new ArrayList<>(span.logs().size());
    for (Log log : span.logs()) {
      logs.add(new Log(log.timestampNanos(), clean(log.fields())));
    }
    return span.toBuilder()
        .operationName(clean(span.operationName()))
        .process(new Process(clean(span.serviceName()), clean(span.process().tags())))
        .tags(clean(span.tags()))
        .logs(logs)
        .addWarning("invalid UTF-16 text replaced with U+FFFD")
        .build();
  }

  private static boolean isClean(Span span) {
    if (!valid(span.operationName()) || !valid(span.serviceName())
        || !valid(span.tags()) || !valid(span.process().tags())) {
      return false;
    }
    for (Log log : span.logs()) {
      if (!valid(log.fields())) {
        return false;
      }
    }
    return true;
  }

  private static boolean valid(List<KeyValue> tags) {
    for (KeyValue kv : tags) {
      if (!valid(kv.key()) || (kv.type() == ValueType.STRING && !valid(kv.stringValue()))) {
        return false;
      }
    }
    return true;
  }

  static boolean valid(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
        continue; // the common case, one comparison pair per char
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  static String clean(String s) {
    if (valid(s)) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        out.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<KeyValue> clean(List<KeyValue> tags) {
    List<KeyValue> out = new ArrayList<>(tags.size());
    for (KeyValue kv : tags) {
      String key = clean(kv.key());
      if (kv.type() == ValueType.STRING) {
        out.add(KeyValue.of(key, clean(kv.stringValue())));
      } else if (key.equals(kv.key())) {
        out.add(kv);
      } else {
        out.add(rekey(kv, key));
      }
    }
    return out;
  }

  private static KeyValue rekey(KeyValue kv, String key) {
    switch (kv.type()) {
      case BOOL:
        return KeyValue.of(key, kv.boolValue());
      case INT64:
        return KeyValue.of(key, kv.longValue());
      case FLOAT64:
        return KeyValue.of(key, kv.doubleValue());
      case BINARY:
        return KeyValue.ofBinary(key, kv.binaryValue());
      default:
        return KeyValue.of(key, kv.stringValue());
    }
  }
}
