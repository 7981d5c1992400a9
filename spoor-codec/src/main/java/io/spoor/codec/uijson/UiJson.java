package io.spoor.codec.uijson;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Creates the Jackson generators and parsers the UI JSON is written and read with. Generators escape
 * like Go's {@code encoding/json} ({@code <}, {@code >}, {@code &}, U+2028 and U+2029 as
 * escape sequences, so the output is safe to embed in HTML) and, in {@link Layout#INDENTED} layout, indent
 * like Jaeger's {@code ?prettyPrint=true} (Go's {@code MarshalIndent} with four spaces).
 */
public final class UiJson {
  /** Whitespace in the output. */
  public enum Layout {
    /** No whitespace at all, as Jaeger answers by default. */
    COMPACT,
    /** Four-space indentation, {@code "key": value}, empty lists as {@code []}. */
    INDENTED
  }

  // JsonFactory is thread-safe once configured and costly to create, so one is shared.
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private UiJson() {}

  /** A generator writing UTF-8 to {@code out}; closing it does not close {@code out}. */
  public static JsonGenerator newGenerator(OutputStream out, Layout layout) {
    Objects.requireNonNull(out, "out");
    try {
      return configure(FACTORY.createGenerator(out, JsonEncoding.UTF8), layout);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A generator writing to {@code out}; closing it does not close {@code out}. */
  public static JsonGenerator newGenerator(Writer out, Layout layout) {
    Objects.requireNonNull(out, "out");
    try {
      return configure(FACTORY.createGenerator(out), layout);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parser over UTF-8 (or UTF-16/32, detected) bytes. */
  public static JsonParser newParser(byte[] json) {
    Objects.requireNonNull(json, "json");
    try {
      return FACTORY.createParser(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A parser over text. */
  public static JsonParser newParser(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return FACTORY.createParser(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonGenerator configure(JsonGenerator generator, Layout layout) {
    generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    generator.setCharacterEscapes(GoEscapes.INSTANCE);
    if (layout == Layout.INDENTED) {
      generator.setPrettyPrinter(goIndent());
    }
    return generator;
  }

  private static DefaultPrettyPrinter goIndent() {
    DefaultIndenter indenter = new DefaultIndenter("    ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }

  /** Go's HTML-safe escaping on top of JSON's mandatory escapes. */
  private static final class GoEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    static final GoEscapes INSTANCE = new GoEscapes();

    private static final int[] ASCII = htmlSafeAscii();
    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private static int[] htmlSafeAscii() {
      int[] codes = standardAsciiEscapesForJSON();
      codes['<'] = ESCAPE_STANDARD;
      codes['>'] = ESCAPE_STANDARD;
      codes['&'] = ESCAPE_STANDARD;
      return codes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII.clone();
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
      if (ch == 0x2028) {
        return LINE_SEPARATOR;
      }
      if (ch == 0x2029) {
        return PARAGRAPH_SEPARATOR;
      }
      return null;
    }
  }
}
