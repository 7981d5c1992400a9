package io.spoor.bench.query;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import org.junit.jupiter.api.Test;

class QueryApiTest {
  private static final URI BASE = URI.create("http://127.0.0.1:16686");
  private static final String ID = "0123456789abcdef0123456789abcdef";
  private static final SearchWindow WINDOW = new SearchWindow(1_700_000_000_000_500L, 1_700_000_060_000_001L);

  @Test
  void spoorUsesJaegersApiWithMicrosecondWindow() {
    assertThat(QueryApi.SPOOR.traceUri(BASE, ID)).hasToString("http://127.0.0.1:16686/api/traces/" + ID);
    assertThat(QueryApi.SPOOR.searchUri(URI.create("http://127.0.0.1:16686/"), "my service", 20, WINDOW))
        .hasToString("http://127.0.0.1:16686/api/traces?service=my+service&limit=20"
            + "&start=1700000000000500&end=1700000060000001");
  }

  @Test
  void zipkinUsesItsV2ApiWithMillisecondEndAndLookback() {
    assertThat(QueryApi.ZIPKIN.traceUri(BASE, ID)).hasToString("http://127.0.0.1:16686/api/v2/trace/" + ID);
    assertThat(QueryApi.ZIPKIN.searchUri(BASE, "frontend", 20, WINDOW))
        .hasToString("http://127.0.0.1:16686/api/v2/traces?serviceName=frontend&limit=20"
            + "&endTs=1700000060001&lookback=60001");
  }

  @Test
  void countsSpoorsSpansAndTraces() throws IOException {
    byte[] trace = "{\"data\":[{\"traceID\":\"a\",\"spans\":[{},{},{}],\"processes\":{}}],\"total\":0}".getBytes(UTF_8);
    byte[] search = "{\"data\":[{\"spans\":[]},{\"spans\":[]}],\"errors\":null}".getBytes(UTF_8);

    assertThat(QueryApi.SPOOR.spansOfTrace(trace)).isEqualTo(3);
    assertThat(QueryApi.SPOOR.tracesOfSearch(search)).isEqualTo(2);
  }

  @Test
  void countsZipkinsSpansAndTraces() throws IOException {
    assertThat(QueryApi.ZIPKIN.spansOfTrace("[{\"id\":\"1\"},{\"id\":\"2\"}]".getBytes(UTF_8))).isEqualTo(2);
    assertThat(QueryApi.ZIPKIN.tracesOfSearch("[[{}],[{}],[{}]]".getBytes(UTF_8))).isEqualTo(3);
  }

  @Test
  void anAnswerOfTheWrongShapeIsAnError() {
    assertThatThrownBy(() -> QueryApi.SPOOR.spansOfTrace("{\"data\":[]}".getBytes(UTF_8)))
        .isInstanceOf(IOException.class).hasMessage("trace answer: 0 traces in data (expected: 1)");
    assertThatThrownBy(() -> QueryApi.SPOOR.tracesOfSearch("{\"errors\":[]}".getBytes(UTF_8)))
        .isInstanceOf(IOException.class).hasMessage("data: missing (expected: a JSON array)");
    assertThatThrownBy(() -> QueryApi.ZIPKIN.spansOfTrace("{}".getBytes(UTF_8)))
        .isInstanceOf(IOException.class).hasMessage("answer: OBJECT (expected: a JSON array)");
  }
}
