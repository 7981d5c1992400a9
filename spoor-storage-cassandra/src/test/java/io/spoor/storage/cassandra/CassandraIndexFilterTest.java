package io.spoor.storage.cassandra;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import io.spoor.model.KeyValue;
import io.spoor.model.Log;
import io.spoor.model.Process;
import io.spoor.model.Span;
import io.spoor.model.SpanId;
import io.spoor.model.TraceId;
import io.spoor.storage.Storage;
import io.spoor.storage.TagFilter;
import io.spoor.storage.TraceQuery;
import io.spoor.testkit.cassandra.CassandraExtension;
import io.spoor.testkit.cassandra.CassandraServer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code --cassandra.index.*}: what is left out of {@code tag_index} is not written there, and a search
 * on it still finds the trace (through the service index, checked on the spans).
 */
@ExtendWith(CassandraExtension.class)
class CassandraIndexFilterTest {
  @Test
  void deniedKeysAndLogsStayOutOfTheTagIndexButRemainSearchable(CassandraServer node) {
    try (Storage storage = TestCassandra.storage(node, CassandraStorageTest.KEYSPACE,
            "cassandra.index.tag-denylist", "secret", "cassandra.index.logs", "false");
        CqlSession cql = CqlSession.builder().addContactPoint(node.contactPoint()).withLocalDatacenter(node.datacenter())
            .withAuthCredentials(node.username(), node.password()).build()) {
      storage.start();
      storage.purge();
      long now = System.currentTimeMillis() * 1000;
      Span span = Span.newBuilder().traceId(TraceId.of(0xf117)).spanId(SpanId.of(1)).operationName("op")
          .startTimeMicros(now).durationMicros(10)
          .process(Process.of("filter-service", KeyValue.of("host", "h1")))
          .addTag(KeyValue.of("secret", "s1")).addTag(KeyValue.of("http.method", "GET"))
          .addLog(new Log(now * 1000, List.of(KeyValue.of("event", "boom"))))
          .build();
      storage.spanWriter().write(List.of(span));

      assertThat(cql.execute("SELECT tag_key, tag_value FROM " + CassandraStorageTest.KEYSPACE + ".tag_index").all())
          .extracting(r -> r.getString(0) + "=" + r.getString(1))
          .containsExactlyInAnyOrder("host=h1", "http.method=GET");
      TraceQuery.Builder q = TraceQuery.newBuilder().serviceName("filter-service");
      for (TagFilter tag : List.of(TagFilter.equalTo("secret", "s1"), TagFilter.equalTo("event", "boom"),
          TagFilter.equalTo("http.method", "GET"), TagFilter.equalTo("host", "h1"))) {
        assertThat(storage.spanReader().findTraceIds(q.tags(List.of(tag)).build())).as(tag.toString())
            .containsExactly(TraceId.of(0xf117));
      }
      assertThat(storage.spanReader().findTraceIds(q.tags(List.of(TagFilter.equalTo("secret", "s2"))).build()))
          .isEmpty();
    }
  }
}
