package io.spoor.query.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spoor.model.TraceId;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchParametersTest {
  private static final long NOW_MS = 1_700_000_000_000L;
  private final SearchParameters parser =
      new SearchParameters(Clock.fixed(Instant.ofEpochMilli(NOW_MS), ZoneOffset.UTC));

  private static Map<String, List<String>> params(String... kv) {
    Map<String, List<String>> m = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.computeIfAbsent(kv[i], k -> new java.util.ArrayList<>()).add(kv[i + 1]);
    }
    return m;
  }

  @Test
  void fullJaegerSearch() {
    SearchRequest r = parser.parse(params(
        "service", "frontend", "operation", "GET /", "limit", "20",
        "start", "1000", "end", "5000", "minDuration", "1.5ms", "maxDuration", "2s",
        "tags", "{\"error\":\"true\",\"http.status_code\":\"500\"}", "tag", "host:a:1"));
    TraceQuery q = r.query();
    assertThat(r.isLookup()).isFalse();
    assertThat(q.serviceName()).isEqualTo("frontend");
    assertThat(q.operationName()).isEqualTo("GET /");
    assertThat(q.limit()).isEqualTo(20);
    assertThat(q.startTimeMinNanos()).isEqualTo(1_000_000);
    assertThat(q.startTimeMaxNanos()).isEqualTo(5_000_000);
    assertThat(q.durationMinNanos()).isEqualTo(1_500_000);
    assertThat(q.durationMaxNanos()).isEqualTo(2_000_000_000L);
    assertThat(q.tags()).containsExactly(TagFilter.equalTo("error", "true"),
        TagFilter.equalTo("http.status_code", "500"), TagFilter.equalTo("host", "a:1"));
  }

  @Test
  void defaultsAndLookback() {
    TraceQuery q = parser.parse(params()).query();
    assertThat(q.serviceName()).isNull();
    assertThat(q.limit()).isEqualTo(100);
    assertThat(q.startTimeMaxNanos()).isEqualTo(NOW_MS * 1_000_000);
    assertThat(q.startTimeMinNanos()).isEqualTo((NOW_MS - 2 * 86_400_000L) * 1_000_000);
    TraceQuery hour = parser.parse(params("lookback", "1h")).query();
    assertThat(hour.startTimeMinNanos()).isEqualTo((NOW_MS - 3_600_000L) * 1_000_000);
    TraceQuery week = parser.parse(params("lookback", "1w")).query();
    assertThat(week.startTimeMinNanos()).isEqualTo((NOW_MS - 7 * 86_400_000L) * 1_000_000);
  }

  @Test
  void traceIdLookupAndRaw() {
    SearchRequest r = parser.parse(params("traceID", "11", "traceID", "00000000000000010000000000000002", "raw", "true"));
    assertThat(r.traceIds()).containsExactly(TraceId.of(0x11), TraceId.of(1, 2));
    assertThat(r.raw()).isTrue();
  }

  @Test
  void extendedTagExpressions() {
    TraceQuery q = parser.parse(params("tags", "error http.status_code!=200 peer=~\"db-.*\" msg=\"a \\\"b\\\" c\"")).query();
    assertThat(q.tags()).containsExactly(TagFilter.exists("error"), TagFilter.notEqualTo("http.status_code", "200"),
        TagFilter.matchingRegex("peer", "db-.*"), TagFilter.equalTo("msg", "a \"b\" c"));
  }

  @Test
  void errorsNameTheParameter() {
    assertThatThrownBy(() -> parser.parse(params("tags", "{\"a\":")))
        .hasMessageStartingWith("malformed 'tags' parameter, cannot unmarshal JSON:");
    assertThatThrownBy(() -> parser.parse(params("tag", "novalue")))
        .hasMessage("malformed 'tag' parameter, expecting key:value, received: novalue");
    assertThatThrownBy(() -> parser.parse(params("start", "yesterday")))
        .hasMessageStartingWith("unable to parse param 'start': yesterday");
    assertThatThrownBy(() -> parser.parse(params("minDuration", "5")))
        .hasMessageStartingWith("unable to parse param 'minDuration':");
    assertThatThrownBy(() -> parser.parse(params("minDuration", "2s", "maxDuration", "1s")))
        .hasMessage("'maxDuration' should be greater than 'minDuration'");
    assertThatThrownBy(() -> parser.parse(params("limit", "ten")))
        .hasMessageStartingWith("unable to parse param 'limit'");
    assertThatThrownBy(() -> parser.parse(params("traceID", "xyz")))
        .hasMessageStartingWith("malformed 'traceID' parameter: trace id: \"xyz\"");
    assertThatThrownBy(() -> parser.parse(params("tags", "a=~(")))
        .hasMessageContaining("is invalid");
    assertThatThrownBy(() -> parser.parse(params("tags", "a=\"open")))
        .hasMessageContaining("expected: a closing double quote");
    assertThatThrownBy(() -> parser.parse(params("lookback", "forever")))
        .hasMessageStartingWith("unable to parse param 'lookback': forever");
  }
}
