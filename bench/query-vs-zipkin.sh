#!/usr/bin/env bash
# Builds spoor.jar and spoor-bench, then runs the query latency comparison: the same generated spans are
# loaded into Zipkin's server (in-memory) and into Spoor's all-in-one (memory), one after the other, and
# trace-by-id and service searches are timed against each. Arguments go to io.spoor.bench.QueryComparison
# (try --help), e.g.
#   bench/query-vs-zipkin.sh                              # 1,000,000 spans, -Xmx3g, 1000 by id + 200 searches
#   bench/query-vs-zipkin.sh --spans 20000 --heap 1g      # a quick try
# Set SKIP_BUILD=1 to reuse the jars already built.
set -euo pipefail
cd "$(dirname "$0")/.."

zipkin_jar="${HOME}/.m2/repository/io/zipkin/zipkin-server/3.5.1/zipkin-server-3.5.1-exec.jar"
if [[ ! -f "${zipkin_jar}" ]]; then
  ./mvnw -B -q dependency:get -Dartifact=io.zipkin:zipkin-server:3.5.1:jar:exec
fi

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
  ./mvnw -B -q -pl spoor-server -am package -DskipTests
  ./mvnw -B -q -pl spoor-bench -DskipTests package
fi
./mvnw -B -q -pl spoor-bench dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
classpath="spoor-bench/target/classes:$(cat spoor-bench/target/bench.classpath)"

exec java -Xmx1g -cp "${classpath}" io.spoor.bench.QueryComparison --zipkin-jar "${zipkin_jar}" "$@"
