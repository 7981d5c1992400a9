package io.spoor.dependencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.spoor.model.DependencyLink;
import io.spoor.model.KeyValue;
import io.spoor.model.SpanId;
import io.spoor.model.SpanRef;
import io.spoor.model.Trace;
import io.spoor.model.TraceId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyLinkerTest {
  private static List<org.assertj.core.groups.Tuple> links(DependencyLinker linker) {
    return linker.links().stream()
        .map(l -> tuple(l.parent(), l.child(), l.callCount()))
        .toList();
  }

  @Test
  void hotRodTraceLinksEveryCrossServiceCallAndUninstrumentedPeers() {
    DependencyLinker linker = new DependencyLinker().add(Trace.of(Traces.hotRod(1, 0).spans()));
    assertThat(links(linker)).containsExactly(
        tuple("customer", "mysql", 1L),
        tuple("driver", "redis", 2L),
        tuple("frontend", "customer", 1L),
        tuple("frontend", "driver", 1L),
        tuple("frontend", "route", 3L));
    assertThat(linker.traces()).isEqualTo(1);
    assertThat(linker.spans()).isEqualTo(15);
  }

  @Test
  void countsAddUpOverTraces() {
    DependencyLinker linker = new DependencyLinker();
    for (int i = 1; i <= 4; i++) {
      linker.add(Trace.of(Traces.hotRod(i, 0).spans()));
    }
    assertThat(linker.links()).extracting(DependencyLink::callCount).containsExactly(4L, 8L, 4L, 4L, 12L);
  }

  @Test
  void withoutAnUninstrumentedKeyPeersAreIgnored() {
    DependencyLinker linker = new DependencyLinker(null).add(Trace.of(Traces.hotRod(1, 0).spans()));
    assertThat(linker.links()).extracting(DependencyLink::child).doesNotContain("mysql", "redis");
  }

  @Test
  void peerServiceOnASpanWithChildrenIsNotALeafCall() {
    Traces t = new Traces(7, 0)
        .span(1, 0, "a", "client", KeyValue.of("peer.service", "b"))
        .span(2, 1, "b", "server");
    assertThat(links(new DependencyLinker().add(Trace.of(t.spans())))).containsExactly(tuple("a", "b", 1L));
  }

  @Test
  void zipkinSharedSpansLinkClientToServerOnce() {
    // Zipkin B3: the server reuses the client's span id; its children reference the shared id.
    Traces t = new Traces(9, 0)
        .span(1, 0, "web", "server")
        .span(2, 1, "web", "client")
        .span(2, 1, "api", "server")
        .span(3, 2, "api", "client")
        .span(3, 2, "db", "server");
    assertThat(links(new DependencyLinker().add(Trace.of(t.spans()))))
        .containsExactly(tuple("api", "db", 1L), tuple("web", "api", 1L));
  }

  @Test
  void followsFromCountsAndSameServiceAndForeignTracesDoNot() {
    Traces t = new Traces(5, 0)
        .span(1, 0, "producer", "producer")
        .followsFrom(2, 1, "consumer")
        .span(3, 2, "consumer", null)
        .add(4, List.of(SpanRef.childOf(TraceId.of(999), SpanId.of(1))), "elsewhere", null)
        .span(5, 77, "orphan", null);
    assertThat(links(new DependencyLinker(null).add(Trace.of(t.spans()))))
        .containsExactly(tuple("producer", "consumer", 1L));
  }
}
