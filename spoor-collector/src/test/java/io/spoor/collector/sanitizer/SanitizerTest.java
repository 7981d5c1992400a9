package io.spoor.collector.sanitizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import org.junit.jupiter.api.Test;

class SanitizerTest {
  private final Span.Builder base = Span.newBuilder().traceId(TraceId.of(1)).spanId(SpanId.of(1))
      .operationName("op").process(Process.of("svc"));

  @Test
  void emptyServiceNameGetsJaegersReplacementAndAWarning() {
    Span s = new EmptyServiceNameSanitizer().sanitize(base.process(Process.of(" ", KeyValue.of("h", "x"))).build());
    assertThat(s.serviceName()).isEqualTo("empty-service-name");
    assertThat(s.process().tags()).containsExactly(KeyValue.of("h", "x"));
    assertThat(s.warnings()).containsExactly("service name was empty; replaced with empty-service-name");
  }

  @Test
  void cleanSpansAreReturnedAsTheyAre() {
    Span clean = base.addTag(KeyValue.of("k", "v")).build();
    assertThat(SpanSanitizer.standard(10).sanitize(clean)).isSameAs(clean);
  }

  @Test
  void longStringValuesAreTruncatedInTagsAndLogs() {
    Span s = new TagValueLengthSanitizer(5).sanitize(base
        .addTag(KeyValue.of("body", "0123456789")).addTag(KeyValue.of("n", 12345678L))
        .addLog(Log.of(1, KeyValue.of("msg", "abcdefgh"))).build());
    assertThat(s.tags()).containsExactly(KeyValue.of("body", "01234"), KeyValue.of("n", 12345678L));
    assertThat(s.logs().get(0).fields()).containsExactly(KeyValue.of("msg", "abcde"));
    assertThat(s.warnings()).containsExactly(
        "tag body truncated from 10 to 5 characters", "tag msg truncated from 8 to 5 characters");
  }

  @Test
  void truncationNeverSplitsASurrogatePair() {
    Span s = new TagValueLengthSanitizer(2).sanitize(base.addTag(KeyValue.of("e", "a\uD83D\uDE00b")).build());
    assertThat(s.tags().get(0).stringValue()).isEqualTo("a");
  }

  @Test
  void unpairedSurrogatesAreReplaced() {
    Span s = new TextSanitizer().sanitize(base.operationName("op\uD800")
        .addTag(KeyValue.of("k\uDC00", 5L)).addTag(KeyValue.of("ok", "fine \uD83D\uDE00")).build());
    assertThat(s.operationName()).isEqualTo("op\uFFFD");
    assertThat(s.tags()).containsExactly(KeyValue.of("k\uFFFD", 5L), KeyValue.of("ok", "fine \uD83D\uDE00"));
    assertThat(s.warnings()).containsExactly("invalid UTF-16 text replaced with U+FFFD");
  }
}
