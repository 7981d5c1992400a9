package io.spoor.bench.query;

import static java.util.Objects.requireNonNull;

import io.spoor.bench.load.LatencyHistogram;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Times GET requests one after another over one HTTP/1.1 connection, from sending the request to having
 * read the whole body. Each answer is checked after its clock has stopped, so that parsing is not timed:
 * a non-200 status or an I/O error counts as failed, an answer with fewer items than expected as incomplete.
 */
final class QueryTimer {
  /** One request and what its answer must hold. */
  record Probe(URI uri, int expectedItems) {
    Probe {
      requireNonNull(uri, "uri");
    }
  }

  /** Counts the items of an answer body (spans of a trace, traces of a search). */
  @FunctionalInterface
  interface ItemCounter {
    int count(byte[] body) throws IOException;
  }

  private final HttpClient client;
  private final Duration timeout;

  QueryTimer(Duration timeout) {
    this.timeout = requireNonNull(timeout, "timeout");
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  /** Sends the probes untimed, for the JIT and the caches of both sides; answers are not checked. */
  void warmUp(List<Probe> probes) throws InterruptedException {
    for (Probe probe : probes) {
      try {
        client.send(request(probe), HttpResponse.BodyHandlers.discarding());
      } catch (IOException ignored) {
        // a warm-up failure shows again in the timed requests
      }
    }
  }

  LatencySummary time(List<Probe> probes, ItemCounter counter) throws InterruptedException {
    LatencyHistogram histogram = new LatencyHistogram();
    Tally tally = new Tally();
    for (Probe probe : probes) {
      HttpRequest request = request(probe);
      long start = System.nanoTime();
      HttpResponse<byte[]> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      } catch (IOException e) {
        histogram.recordNanos(System.nanoTime() - start);
        tally.failed(probe.uri() + ": " + e);
        continue;
      }
      histogram.recordNanos(System.nanoTime() - start);
      tally.check(probe, response, counter);
    }
    return new LatencySummary(histogram.count(), histogram.percentileMillis(50), histogram.percentileMillis(99),
        histogram.maxMillis(), tally.failed, tally.incomplete,
        tally.counted == 0 ? 0 : (double) tally.items / tally.counted, tally.firstProblem);
  }

  /** The checks of one series' answers. */
  private static final class Tally {
    long failed;
    long incomplete;
    long items;
    long counted;
    String firstProblem = "";

    void check(Probe probe, HttpResponse<byte[]> response, ItemCounter counter) {
      if (response.statusCode() != 200) {
        failed(probe.uri() + ": status " + response.statusCode());
        return;
      }
      int count;
      try {
        count = counter.count(response.body());
      } catch (IOException e) {
        failed(probe.uri() + ": " + e.getMessage());
        return;
      }
      items += count;
      counted++;
      if (count < probe.expectedItems()) {
        incomplete++;
        problem(probe.uri() + ": " + count + " items (expected: " + probe.expectedItems() + ")");
      }
    }

    void failed(String problem) {
      failed++;
      problem(problem);
    }

    private void problem(String problem) {
      if (firstProblem.isEmpty()) {
        firstProblem = problem;
      }
    }
  }

  private HttpRequest request(Probe probe) {
    return HttpRequest.newBuilder(probe.uri()).timeout(timeout).header("Accept", "application/json").GET().build();
  }
}
