#!/usr/bin/env bash
# Builds spoor-bench and runs the collector comparison (Spoor vs Zipkin's server, same load, same heap).
# Run from anywhere; arguments go to io.spoor.bench.CollectorComparison (try --help), e.g.
#   bench/collector-vs-zipkin.sh --duration 15s --concurrency 2,16
#   bench/collector-vs-zipkin.sh --mode overload
# Spoor's side starts spoor-server/target/spoor.jar; build it first (./mvnw -pl spoor-server -am package).
set -euo pipefail
cd "$(dirname "$0")/.."

zipkin_jar="${HOME}/.m2/repository/io/zipkin/zipkin-server/3.5.1/zipkin-server-3.5.1-exec.jar"
if [[ ! -f "${zipkin_jar}" ]]; then
  ./mvnw -B -q dependency:get -Dartifact=io.zipkin:zipkin-server:3.5.1:jar:exec
fi

# One reactor call, so that sibling modules (spoor-client) resolve to the jars it just built.
./mvnw -B -q -pl spoor-bench -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/bench.classpath >/dev/null
classpath="spoor-bench/target/classes:$(cat spoor-bench/target/bench.classpath)"

exec java -Xmx512m -cp "${classpath}" io.spoor.bench.CollectorComparison --zipkin-jar "${zipkin_jar}" "$@"
