package io.spoor.storage.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.spoor.storage.elasticsearch.IndexNames.Kind;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IndexNamesTest {
  private static long millis(String date) {
    return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + 3_600_000;
  }

  @Test
  void dailyNamesWithPrefixAndSeparator() {
    IndexNames names = new IndexNames("prod", ".", false);
    assertThat(names.writeIndex(Kind.SPAN, millis("2026-01-02"))).isEqualTo("prod-jaeger-span-2026.01.02");
    assertThat(names.writeIndex(Kind.SERVICE, millis("2026-01-02"))).isEqualTo("prod-jaeger-service-2026.01.02");
    assertThat(names.dayOf(Kind.SPAN, "prod-jaeger-span-2026.01.02")).isEqualTo(LocalDate.of(2026, 1, 2));
    assertThat(names.dayOf(Kind.SPAN, "prod-jaeger-span-000001")).isNull();
    assertThat(new IndexNames("", "-", false).daily(Kind.DEPENDENCIES, LocalDate.of(2026, 12, 31)))
        .isEqualTo("jaeger-dependencies-2026-12-31");
  }

  @Test
  void readIndicesListTheDaysNewestFirstOrAWildcard() {
    IndexNames names = new IndexNames("", "-", false);
    assertThat(names.readIndices(Kind.SPAN, millis("2026-02-27"), millis("2026-03-01")))
        .isEqualTo("jaeger-span-2026-03-01,jaeger-span-2026-02-28,jaeger-span-2026-02-27");
    assertThat(names.readIndices(Kind.SPAN, millis("2025-01-01"), millis("2026-03-01"))).isEqualTo("jaeger-span-*");
  }

  @Test
  void aliasModeReadsAndWritesThroughAliases() {
    IndexNames names = new IndexNames("p", "-", true);
    assertThat(names.writeIndex(Kind.SPAN, 0)).isEqualTo("p-jaeger-span-write");
    assertThat(names.readIndices(Kind.SERVICE, 0, 1)).isEqualTo("p-jaeger-service-read");
    assertThat(names.firstRolloverIndex(Kind.DEPENDENCIES)).isEqualTo("p-jaeger-dependencies-000001");
  }

  @Test
  void serviceDocumentIdsAreJaegersFnv64a() {
    // FNV-64a of the empty string is the offset basis
    assertThat(EsSpanWriter.serviceId("", "")).isEqualTo("cbf29ce484222325");
    // FNV-64a("a") = af63dc4c8601ec8c
    assertThat(EsSpanWriter.serviceId("a", "")).isEqualTo("af63dc4c8601ec8c");
    assertThat(EsSpanWriter.serviceId("a", "b")).isEqualTo(EsSpanWriter.serviceId("ab", ""));
  }
}
