/**
 * A real Apache Kafka broker (KRaft) for integration tests: {@link io.spoor.testkit.kafka.KafkaBroker}
 * runs one as a forked JVM, {@link io.spoor.testkit.kafka.KafkaExtension} shares one per module test run.
 */
package io.spoor.testkit.kafka;
