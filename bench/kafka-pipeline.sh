#!/usr/bin/env bash
# Collector → Kafka → ingester against the same OTLP load straight into the collector (no Kafka),
# both writing to the memory store, in one JVM beside a real Kafka broker (KRaft, forked by spoor-testkit).
# Prints throughput (spans/s) and end-to-end latency (request sent → trace's last span in storage).
#   bench/kafka-pipeline.sh [measured seconds, default 20] [client threads, default 4]
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -pl spoor-server -am -DskipTests test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-test.classpath >/dev/null
classpath="spoor-server/target/test-classes:spoor-server/target/classes:$(cat spoor-server/target/bench-test.classpath)"

cd spoor-server
exec java -Xmx1g -cp "${classpath//spoor-server\//}" io.spoor.server.KafkaPipelineBenchmark "$@"
