package io.spoor.storage.elasticsearch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Jaeger's index names: {@code [<prefix>-]jaeger-span-YYYY-MM-DD} (the date separator configurable),
 * {@code jaeger-service-...}, {@code jaeger-dependencies-...}; in alias mode the write alias {@code
 * jaeger-span-write} and the read alias {@code jaeger-span-read} over indices {@code jaeger-span-000001}
 * and so on. Dates are UTC.
 */
final class IndexNames {
  /** Daily lists longer than this are replaced by a wildcard (URL length, and a full scan anyway). */
  private static final int MAX_LISTED_DAYS = 62;

  /** The kinds of Jaeger indices Spoor writes. */
  enum Kind {
    SPAN("jaeger-span-"),
    SERVICE("jaeger-service-"),
    DEPENDENCIES("jaeger-dependencies-");

    final String base;

    Kind(String base) {
      this.base = base;
    }
  }

  private final String prefix;
  private final String separator;
  private final boolean aliases;

  IndexNames(String indexPrefix, String separator, boolean aliases) {
    this.prefix = indexPrefix.isEmpty() ? "" : indexPrefix + "-";
    this.separator = separator;
    this.aliases = aliases;
  }

  static IndexNames of(EsConfig config) {
    return new IndexNames(config.indexPrefix(), config.dateSeparator(), config.useAliases());
  }

  /** {@code prod-} or empty: what Jaeger's tools call the index prefix. */
  String prefix() {
    return prefix;
  }

  boolean aliases() {
    return aliases;
  }

  /** {@code [prefix-]jaeger-span-}. */
  String base(Kind kind) {
    return prefix + kind.base;
  }

  /** The index (or write alias) a document of {@code epochMillis} goes to. */
  String writeIndex(Kind kind, long epochMillis) {
    if (aliases) {
      return writeAlias(kind);
    }
    return daily(kind, LocalDate.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
  }

  String daily(Kind kind, LocalDate day) {
    return base(kind) + String.format("%04d%s%02d%s%02d", day.getYear(), separator, day.getMonthValue(),
        separator, day.getDayOfMonth());
  }

  String writeAlias(Kind kind) {
    return base(kind) + "write";
  }

  String readAlias(Kind kind) {
    return base(kind) + "read";
  }

  /** The first rollover index, {@code jaeger-span-000001}. */
  String firstRolloverIndex(Kind kind) {
    return base(kind) + "000001";
  }

  /** Every index of {@code kind} for reads and clean-up: {@code [prefix-]jaeger-span-*}. */
  String wildcard(Kind kind) {
    return base(kind) + "*";
  }

  /**
   * The indices holding documents of {@code [fromMillis, toMillis]}, newest first, as one
   * comma-separated path segment: the read alias in alias mode, else the daily indices (a wildcard when
   * the range is long).
   */
  String readIndices(Kind kind, long fromMillis, long toMillis) {
    if (aliases) {
      return readAlias(kind);
    }
    LocalDate first = LocalDate.ofInstant(Instant.ofEpochMilli(fromMillis), ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(Instant.ofEpochMilli(toMillis), ZoneOffset.UTC);
    if (first.plusDays(MAX_LISTED_DAYS).isBefore(last)) {
      return wildcard(kind);
    }
    List<String> out = new ArrayList<>();
    for (LocalDate d = last; !d.isBefore(first); d = d.minusDays(1)) {
      out.add(daily(kind, d));
    }
    return String.join(",", out);
  }

  /** The day in a daily index name of {@code kind}, or null when the name is not one. */
  LocalDate dayOf(Kind kind, String index) {
    String base = base(kind);
    if (!index.startsWith(base)) {
      return null;
    }
    String rest = index.substring(base.length());
    String sep = java.util.regex.Pattern.quote(separator);
    if (!rest.matches("\\d{4}" + sep + "\\d{2}" + sep + "\\d{2}")) {
      return null;
    }
    try {
      return LocalDate.of(Integer.parseInt(rest.substring(0, 4)),
          Integer.parseInt(rest.substring(4 + separator.length(), 6 + separator.length())),
          Integer.parseInt(rest.substring(6 + 2 * separator.length())));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
