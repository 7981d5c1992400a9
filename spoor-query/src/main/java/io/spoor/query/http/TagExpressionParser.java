package io.spoor.query.http;

import io.spoor.storage.TagFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * Spoor's opt-in tag expression syntax, used when the {@code tags} parameter is not a JSON object:
 * whitespace-separated terms {@code key=value}, {@code key!=value}, {@code key=~regex} and {@code key}
 * (present). A value with spaces is written in double quotes, with {@code \"} and {@code \\} escapes.
 * Jaeger clients always send JSON, so they keep exact-match semantics.
 */
final class TagExpressionParser {
  private final String text;
  private int pos;

  private TagExpressionParser(String text) {
    this.text = text;
  }

  /** @throws IllegalArgumentException naming the position and what was expected */
  static List<TagFilter> parse(String text) {
    return new TagExpressionParser(text).terms();
  }

  private List<TagFilter> terms() {
    List<TagFilter> out = new ArrayList<>();
    skipSpaces();
    while (pos < text.length()) {
      out.add(term());
      skipSpaces();
    }
    if (out.isEmpty()) {
      throw error("a tag expression such as key=value");
    }
    return out;
  }

  private TagFilter term() {
    int start = pos;
    while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))
        && text.charAt(pos) != '=' && text.charAt(pos) != '!') {
      pos++;
    }
    String key = text.substring(start, pos);
    if (key.isEmpty()) {
      throw error("a tag key");
    }
    if (pos >= text.length() || Character.isWhitespace(text.charAt(pos))) {
      return TagFilter.exists(key);
    }
    if (text.startsWith("!=", pos)) {
      pos += 2;
      return TagFilter.notEqualTo(key, value());
    }
    if (text.startsWith("=~", pos)) {
      pos += 2;
      return TagFilter.matchingRegex(key, value());
    }
    if (text.charAt(pos) == '=') {
      pos++;
      return TagFilter.equalTo(key, value());
    }
    throw error("=, != or =~ after the key " + key);
  }

  private String value() {
    if (pos < text.length() && text.charAt(pos) == '"') {
      pos++;
      StringBuilder out = new StringBuilder();
      while (pos < text.length()) {
        char c = text.charAt(pos++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\' && pos < text.length()) {
          c = text.charAt(pos++);
        }
        out.append(c);
      }
      throw error("a closing double quote");
    }
    int start = pos;
    while (pos < text.length() && !Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void skipSpaces() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private IllegalArgumentException error(String expected) {
    return new IllegalArgumentException("malformed 'tags' parameter \"" + text + "\" at position "
        + pos + " (expected: " + expected + ")");
  }
}
