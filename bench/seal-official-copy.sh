#!/usr/bin/env bash
# Issue 21, point 5: sealing a ledger's official copy (render + sign, OFD and PDF) and verifying it, against rendering
# alone in the same run; also the whole sign-off with and without an electronic seal. See bench/SealBenchmark.java.
# Usage: bench/seal-official-copy.sh   (via JAVA_OPTS: -Druns=N)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "load before: $(uptime)"
java ${JAVA_OPTS:-} -cp "$CP" bench/SealBenchmark.java
echo "load after: $(uptime)"
