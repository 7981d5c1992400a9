package io.spoor.storage;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Span;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * One tag criterion of a search. A span satisfies it by its own tags, its process tags or any of its
 * log fields. Values compare as text ({@link KeyValue#valueAsString()}), so {@code error=true} matches
 * a bool tag and {@code http.status_code=500} an int64 tag, as well as string tags with that text.
 *
 * <p>{@link Operator#EQUALS} is what Jaeger clients send. The other operators are Spoor's opt-in
 * extension: {@code key!=value}, {@code key} (present), {@code key=~regex} (whole-value match).
 */
public final class TagFilter {
  /** How a tag value is compared. */
  public enum Operator {
    /** Some tag {@code key} has exactly this value. */
    EQUALS,
    /** No tag {@code key} has this value (an absent tag satisfies it). */
    NOT_EQUALS,
    /** Some tag {@code key} exists, whatever its value. */
    EXISTS,
    /** Some tag {@code key} has a value that the regular expression matches as a whole. */
    REGEX
  }

  private final String key;
  private final Operator operator;
  private final String value;
  private final @Nullable Pattern pattern;

  private TagFilter(String key, Operator operator, String value) {
    this.key = Objects.requireNonNull(key, "key");
    this.operator = Objects.requireNonNull(operator, "operator");
    this.value = Objects.requireNonNull(value, "value");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("tag key: \"\" (expected: a non-empty key)");
    }
    Pattern p = null;
    if (operator == Operator.REGEX) {
      try {
        p = Pattern.compile(value);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException(
            "tag " + key + ": regular expression \"" + value + "\" is invalid: " + e.getDescription(), e);
      }
    }
    this.pattern = p;
  }

  public static TagFilter equalTo(String key, String value) {
    return new TagFilter(key, Operator.EQUALS, value);
  }

  public static TagFilter notEqualTo(String key, String value) {
    return new TagFilter(key, Operator.NOT_EQUALS, value);
  }

  public static TagFilter exists(String key) {
    return new TagFilter(key, Operator.EXISTS, "");
  }

  /** @throws IllegalArgumentException when the expression does not compile */
  public static TagFilter matchingRegex(String key, String regex) {
    return new TagFilter(key, Operator.REGEX, regex);
  }

  public String key() {
    return key;
  }

  public Operator operator() {
    return operator;
  }

  /** The compared value or expression; empty for {@link Operator#EXISTS}. */
  public String value() {
    return value;
  }

  /** Whether the span's tags, process tags or log fields satisfy this filter. */
  public boolean matches(Span span) {
    boolean found = anyMatch(span);
    return operator == Operator.NOT_EQUALS ? !found : found;
  }

  /** For NOT_EQUALS this looks for the value that must be absent. */
  private boolean anyMatch(Span span) {
    for (KeyValue kv : span.tags()) {
      if (test(kv)) {
        return true;
      }
    }
    for (KeyValue kv : span.process().tags()) {
      if (test(kv)) {
        return true;
      }
    }
    for (Log log : span.logs()) {
      for (KeyValue kv : log.fields()) {
        if (test(kv)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean test(KeyValue kv) {
    if (!kv.key().equals(key)) {
      return false;
    }
    switch (operator) {
      case EXISTS:
        return true;
      case REGEX:
        return pattern.matcher(kv.valueAsString()).matches();
      default:
        return kv.valueAsString().equals(value);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TagFilter
        && ((TagFilter) o).key.equals(key)
        && ((TagFilter) o).operator == operator
        && ((TagFilter) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, operator, value);
  }

  @Override
  public String toString() {
    switch (operator) {
      case EXISTS:
        return key;
      case NOT_EQUALS:
        return key + "!=" + value;
      case REGEX:
        return key + "=~" + value;
      default:
        return key + "=" + value;
    }
  }
}
