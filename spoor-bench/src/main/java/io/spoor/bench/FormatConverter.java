package io.spoor.bench;

import io.spoor.bench.load.Format;
import picocli.CommandLine.ITypeConverter;

/** Parses a format's command-line name such as {@code zipkin-json}. */
final class FormatConverter implements ITypeConverter<Format> {
  @Override
  public Format convert(String value) {
    return Format.of(value);
  }
}
