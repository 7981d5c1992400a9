package io.spoor.server;

import io.spoor.storage.StorageException;
import io.spoor.storage.elasticsearch.ElasticsearchIndexTools;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code spoor es}: index maintenance for the elasticsearch/opensearch storage, the equivalents of
 * Jaeger's {@code es-index-cleaner} and {@code es-rollover}, for operators who run them from cron. The
 * collector can do the same itself ({@code --es.retention}, {@code --es.rollover.*}).
 */
@Command(
    name = "es",
    mixinStandardHelpOptions = true,
    description = "Elasticsearch/OpenSearch index maintenance, as Jaeger's es-index-cleaner and es-rollover.",
    subcommands = {EsCommand.IndexCleaner.class, EsCommand.Rollover.class},
    footerHeading = SpoorCommand.FOOTER_HEADING,
    footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
final class EsCommand implements Runnable {
  @Spec
  @SuppressWarnings("unused")
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs one tool call, printing the indices it touched; a cluster error is one line and exit code 1. */
  static int run(CommandSpec spec, EsConnectionOptions connection, String verb,
      Function<ElasticsearchIndexTools, List<String>> call) {
    PrintWriter out = spec.commandLine().getOut();
    try (ElasticsearchIndexTools tools = ElasticsearchIndexTools.create(connection.settings())) {
      List<String> indices = call.apply(tools);
      indices.forEach(i -> out.println(verb + " " + i));
      out.println(indices.size() + " " + (indices.size() == 1 ? "index" : "indices") + " " + verb);
      out.flush();
      return 0;
    } catch (StorageException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(spec.qualifiedName() + ": failed: " + e.getMessage());
      err.flush();
      return StartupErrors.FAILURE;
    }
  }

  @Command(
      name = "index-cleaner",
      mixinStandardHelpOptions = true,
      description = {"Delete Jaeger indices created before midnight UTC tomorrow minus --days days "
          + "(Jaeger's es-index-cleaner): daily indices [prefix-]jaeger-{span,service,dependencies,sampling}-DATE, "
          + "or with --rollover the rollover indices jaeger-*-NNNNNN. Indices behind a write alias are kept."},
      footerHeading = SpoorCommand.FOOTER_HEADING,
      footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
  static final class IndexCleaner implements Callable<Integer> {
    @Option(names = "--days", paramLabel = "<n>", required = true,
        description = "Keep indices created in the last n days (0: delete all but today's and tomorrow's).")
    int days;

    @Option(names = "--rollover", description = "Clean rollover indices (jaeger-span-000001...) instead of daily ones.")
    boolean rollover;

    @Mixin
    EsConnectionOptions connection;

    @Spec
    @SuppressWarnings("unused")
    CommandSpec spec;

    @Override
    public Integer call() {
      if (days < 0) {
        throw new IllegalArgumentException("--days: " + days + " (expected: >= 0)");
      }
      return run(spec, connection, "deleted", tools -> tools.cleanIndices(days, rollover));
    }
  }

  @Command(
      name = "rollover",
      mixinStandardHelpOptions = true,
      description = {"Manage rollover indices and aliases (Jaeger's es-rollover):",
          "  init      put the templates and create jaeger-{span,service,dependencies}-000001 behind the "
              + "read and write aliases (run once, before collectors use --es.use-aliases)",
          "  rollover  roll each write alias over to a new index when --conditions hold",
          "  lookback  take indices created more than --unit-count --unit ago out of the read aliases"},
      footerHeading = SpoorCommand.FOOTER_HEADING,
      footer = {SpoorCommand.FOOTER_ENVIRONMENT, SpoorCommand.FOOTER_EXIT_CODES})
  static final class Rollover implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "init|rollover|lookback", description = "What to do.")
    String action;

    @Option(names = "--conditions", paramLabel = "<json>", defaultValue = "{\"max_age\": \"2d\"}",
        description = "Rollover conditions as Elasticsearch takes them. Default: ${DEFAULT-VALUE}.")
    String conditions;

    @Option(names = "--unit", paramLabel = "<unit>", defaultValue = "days",
        description = "Lookback unit: seconds, minutes, hours, days, weeks, months, years. Default: ${DEFAULT-VALUE}.")
    String unit;

    @Option(names = "--unit-count", paramLabel = "<n>", defaultValue = "1",
        description = "Lookback: how many units the read aliases keep. Default: ${DEFAULT-VALUE}.")
    int unitCount;

    @Mixin
    EsConnectionOptions connection;

    @Spec
    @SuppressWarnings("unused")
    CommandSpec spec;

    @Override
    public Integer call() {
      switch (action) {
        case "init":
          return run(spec, connection, "created", ElasticsearchIndexTools::init);
        case "rollover":
          return run(spec, connection, "created", tools -> tools.rollover(conditions));
        case "lookback":
          Duration age = lookback();
          return run(spec, connection, "unaliased", tools -> tools.lookback(age));
        default:
          throw new IllegalArgumentException("action: \"" + action + "\" (expected: init, rollover or lookback)");
      }
    }

    private Duration lookback() {
      if (unitCount < 0) {
        throw new IllegalArgumentException("--unit-count: " + unitCount + " (expected: >= 0)");
      }
      Duration one = switch (unit.toLowerCase(Locale.ROOT)) {
        case "seconds" -> Duration.ofSeconds(1);
        case "minutes" -> Duration.ofMinutes(1);
        case "hours" -> Duration.ofHours(1);
        case "days" -> Duration.ofDays(1);
        case "weeks" -> Duration.ofDays(7);
        case "months" -> Duration.ofDays(30);
        case "years" -> Duration.ofDays(365);
        default -> throw new IllegalArgumentException("--unit: \"" + unit
            + "\" (expected: seconds, minutes, hours, days, weeks, months or years)");
      };
      return one.multipliedBy(unitCount);
    }
  }
}
