package io.spoor.ingester;

import io.spoor.storage.Storage;
import io.spoor.storage.kafka.SpanEncoding;
import io.spoor.storage.tck.AbstractFixtureQueriesTest;
import io.spoor.storage.tck.AbstractSpanStoreTest;
import io.spoor.storage.tck.AbstractTraceSearchTest;
import io.spoor.testkit.kafka.KafkaBroker;
import io.spoor.testkit.kafka.KafkaExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The storage TCK with every write going kafka writer → real broker → ingester → memory store, in both
 * encodings: Jaeger's fixture traces come out of Kafka as they went in. Dependencies are not written
 * through Kafka (they never are), so that suite is not run here.
 */
@ExtendWith(KafkaExtension.class)
class KafkaPipelineTckIT {
  private static String brokers;

  @BeforeAll
  static void broker(KafkaBroker kafka) {
    brokers = kafka.bootstrapServers();
  }

  /** A write is readable once the ingester consumed it: allow for a loaded 2-core machine. */
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  @Nested
  class ProtobufFixtureQueries extends AbstractFixtureQueriesTest {
    @Override
    protected Storage createStorage() {
      return new KafkaPipelineStorage(brokers, "tck-fixtures-proto", SpanEncoding.PROTOBUF);
    }

    @Override
    protected Duration readTimeout() {
      return READ_TIMEOUT;
    }
  }

  @Nested
  class JsonFixtureQueries extends AbstractFixtureQueriesTest {
    @Override
    protected Storage createStorage() {
      return new KafkaPipelineStorage(brokers, "tck-fixtures-json", SpanEncoding.JSON);
    }

    @Override
    protected Duration readTimeout() {
      return READ_TIMEOUT;
    }
  }

  @Nested
  class SpanStore extends AbstractSpanStoreTest {
    @Override
    protected Storage createStorage() {
      return new KafkaPipelineStorage(brokers, "tck-span-store", SpanEncoding.PROTOBUF);
    }

    @Override
    protected Duration readTimeout() {
      return READ_TIMEOUT;
    }
  }

  @Nested
  class TraceSearch extends AbstractTraceSearchTest {
    @Override
    protected Storage createStorage() {
      return new KafkaPipelineStorage(brokers, "tck-search", SpanEncoding.JSON);
    }

    @Override
    protected Duration readTimeout() {
      return READ_TIMEOUT;
    }
  }
}
