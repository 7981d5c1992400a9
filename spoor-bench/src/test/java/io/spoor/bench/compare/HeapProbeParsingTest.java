package io.spoor.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class HeapProbeParsingTest {

  @Test
  void prometheusSumsTheHeapPoolsOnly() {
    String exposition = """
        # HELP jvm_memory_used_bytes The amount of used memory
        # TYPE jvm_memory_used_bytes gauge
        jvm_memory_used_bytes{area="nonheap",id="Metaspace",} 5.038668E7
        jvm_memory_used_bytes{area="heap",id="G1 Survivor Space",} 3462016.0
        jvm_memory_used_bytes{area="heap",id="G1 Old Gen",} 1.9357696E7
        jvm_memory_used_bytes{area="heap",id="G1 Eden Space",} 5242880.0
        jvm_memory_committed_bytes{area="heap",id="G1 Eden Space",} 9.9E7
        """;

    assertThat(PrometheusHeapProbe.parse(exposition)).hasValue(3462016L + 19357696L + 5242880L);
  }

  @Test
  void prometheusWithoutTheMetricIsEmpty() {
    assertThat(PrometheusHeapProbe.parse("jvm_threads_live_threads 12.0\n")).isEqualTo(OptionalLong.empty());
    assertThat(PrometheusHeapProbe.parse("jvm_memory_used_bytes{area=\"heap\",id=\"x\",} NaNish\n")).isEmpty();
  }

  @Test
  void jcmdReadsTheFirstUsedFigure() {
    String heapInfo = """
        12345:
         garbage-first heap   total 262144K, used 23552K [0x00000000c0000000, 0x0000000100000000)
          region size 1024K, 3 young (3072K), 0 survivors (0K)
         Metaspace       used 8016K, committed 8192K, reserved 1114112K
        """;

    assertThat(JcmdHeapProbe.parse(heapInfo)).hasValue(23552L * 1024);
    assertThat(JcmdHeapProbe.parse("12345:\nAttach failed\n")).isEmpty();
  }
}
