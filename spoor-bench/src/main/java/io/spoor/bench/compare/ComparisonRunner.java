package io.spoor.bench.compare;

import static java.util.Objects.requireNonNull;

import io.spoor.bench.load.LoadReport;
import io.spoor.bench.load.LoadRun;
import io.spoor.bench.load.LoadSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs load points against a collector, each against a fresh child process so that one point's stored spans
 * and garbage do not weigh on the next: pick free loopback ports, start, wait for health, sample the heap
 * while the load runs, stop.
 */
public final class ComparisonRunner {
  private static final Duration HEAP_SAMPLE_PERIOD = Duration.ofSeconds(1);

  private final Path logDirectory;
  private final String heap;
  private final Duration startupTimeout;
  private final PrintStream progress;
  private final Path javaHome;

  /**
   * @param heap the children's {@code -Xmx}, e.g. {@code 1g}
   * @param javaHome the JDK whose {@code java} and {@code jcmd} start and probe the children
   */
  public ComparisonRunner(Path logDirectory, String heap, Duration startupTimeout, Path javaHome,
      PrintStream progress) {
    this.logDirectory = requireNonNull(logDirectory, "logDirectory");
    this.heap = requireNonNull(heap, "heap");
    this.startupTimeout = requireNonNull(startupTimeout, "startupTimeout");
    this.javaHome = requireNonNull(javaHome, "javaHome");
    this.progress = requireNonNull(progress, "progress");
  }

  /** Runs {@code base} at each concurrency against {@code collector}; never throws for a collector failure. */
  public SideResult run(CollectorUnderTest collector, LoadSettings base, List<Integer> concurrencies)
      throws InterruptedException {
    Optional<String> missing = collector.missingPrerequisite();
    if (missing.isPresent()) {
      return new SideResult(collector.name(), List.of(), missing.get());
    }
    List<PointResult> points = new ArrayList<>();
    for (int concurrency : concurrencies) {
      try {
        points.add(runPoint(collector, base.withConcurrency(concurrency)));
      } catch (IOException | RuntimeException e) {
        return new SideResult(collector.name(), points, "c=" + concurrency + ": " + e.getMessage());
      }
    }
    return new SideResult(collector.name(), points, null);
  }

  private PointResult runPoint(CollectorUnderTest collector, LoadSettings settings)
      throws IOException, InterruptedException {
    CollectorUnderTest.Launch launch = collector.resolve(freePort(), freePort(), heap,
        javaHome.resolve("bin").resolve("java"));
    Path log = logDirectory.resolve(collector.name() + "-c" + settings.concurrency() + ".log");
    progress.printf("%s c=%d: starting %s%n", collector.name(), settings.concurrency(),
        String.join(" ", launch.command()));
    try (ChildProcess child = ChildProcess.start(launch.command(), launch.environment(), log)) {
      child.awaitHealthy(launch.health(), startupTimeout);
      List<HeapProbe> probes = new ArrayList<>();
      if (launch.metrics() != null) {
        probes.add(new PrometheusHeapProbe(launch.metrics()));
      }
      probes.add(new JcmdHeapProbe(javaHome.resolve("bin").resolve("jcmd"), child.pid()));
      HeapSampler sampler = new HeapSampler(probes, HEAP_SAMPLE_PERIOD);
      LoadReport report;
      sampler.start();
      try {
        report = LoadRun.run(settings.withTarget(launch.ingestBase()));
      } finally {
        sampler.close();
      }
      progress.printf("%s %s, peak heap %s (%s)%n", collector.name(), report.summaryLine(),
          ComparisonReport.mebibytes(sampler.peakBytes()), sampler.source());
      return new PointResult(report, sampler.peakBytes(), sampler.source());
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
