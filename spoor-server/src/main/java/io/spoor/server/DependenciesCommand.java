package io.spoor.server;

import io.spoor.dependencies.DependencyJob;
import io.spoor.storage.Capability;
import io.spoor.storage.Storage;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code spoor dependencies}: the batch form of the dependency aggregator, what Jaeger users run as a
 * Spark job: reads one day (UTC) or a {@code --start}/{@code --end} range of traces from the backend,
 * links services and writes the links to the backend's dependency store, stamped with the end of the
 * range.
 */
@Command(
    name = "dependencies",
    mixinStandardHelpOptions = true,
    description = {
        "Compute the service dependency links of one day (UTC) or of --start/--end from stored traces and "
            + "write them to the backend's dependency store (Jaeger's Spark dependencies job, on one machine).",
        "A trace belongs to the range holding its first span. Links are stamped with the range's end "
            + "(for today: now). Run each range once: a second run adds its counts again."},
    footerHeading = SpoorCommand.FOOTER_HEADING,
    footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
final class DependenciesCommand implements Callable<Integer> {
  @Mixin
  @SuppressWarnings("unused")
  StorageOptions storage;

  @Parameters(index = "0", arity = "0..1", paramLabel = "DATE",
      description = "Day to process, YYYY-MM-DD (UTC). Default: today, up to now.")
  String date;

  @Option(names = "--start", paramLabel = "<time>",
      description = "Start of the range (RFC 3339, e.g. 2026-11-24T00:00:00Z), instead of DATE.")
  String start;

  @Option(names = "--end", paramLabel = "<time>",
      description = "End of the range, exclusive (RFC 3339). Default with --start: now.")
  String end;

  @Option(names = "--dependencies.uninstrumented-key", paramLabel = "<tag>", defaultValue = "peer.service",
      description = "Tag of a leaf span naming the uninstrumented service it calls; empty to ignore. "
          + "Default: ${DEFAULT-VALUE}.")
  String uninstrumentedKey = "peer.service";

  @Option(names = "--force",
      description = "Run even on a backend that derives links from spans at query time (memory, rocksdb), "
          + "where written links add to the derived ones.")
  boolean force;

  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  private final Clock clock;

  DependenciesCommand(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Integer call() {
    Instant now = clock.instant();
    Instant from;
    Instant to;
    if (start != null || end != null) {
      if (date != null) {
        throw new ParameterException(spec.commandLine(), "Give either DATE or --start/--end, not both");
      }
      if (start == null) {
        throw new ParameterException(spec.commandLine(), "--end needs --start");
      }
      from = instant("--start", start);
      to = end == null ? now : instant("--end", end);
    } else {
      LocalDate day;
      try {
        day = date == null ? LocalDate.ofInstant(now, ZoneOffset.UTC) : LocalDate.parse(date);
      } catch (DateTimeParseException e) {
        throw new ParameterException(spec.commandLine(), "DATE: \"" + date + "\" (expected: YYYY-MM-DD)");
      }
      from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      to = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      if (to.isAfter(now)) {
        to = now;
      }
    }
    if (!to.isAfter(from)) {
      throw new ParameterException(spec.commandLine(),
          "the range " + from + " .. " + to + " is empty (expected: end after start, start in the past)");
    }
    storage.factory();
    PrintWriter out = spec.commandLine().getOut();
    try (Storage store = storage.createStorage()) {
      if (store.capabilities().contains(Capability.DEPENDENCIES_FROM_SPANS) && !force) {
        throw new ParameterException(spec.commandLine(), "the " + storage.type()
            + " backend derives dependency links from spans when they are read; written links would count "
            + "twice (use --force to write them anyway)");
      }
      store.start();
      DependencyJob.Result result =
          new DependencyJob(store.spanReader(), store.dependencyStore(), uninstrumentedKey).run(from, to);
      out.printf("Dependencies %s .. %s (storage %s): %d traces, %d spans, %d links, %d calls, written in %d ms%n",
          from, to, storage.type(), result.traces(), result.spans(), result.links().size(), result.calls(),
          result.took().toMillis());
      result.links().forEach(l -> out.printf("  %s -> %s: %d%n", l.parent(), l.child(), l.callCount()));
      out.flush();
      return 0;
    }
  }

  private Instant instant(String flag, String value) {
    try {
      return java.time.OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new ParameterException(spec.commandLine(),
          flag + ": \"" + value + "\" (expected: RFC 3339, e.g. 2026-11-24T00:00:00Z)");
    }
  }
}
