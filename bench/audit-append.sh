#!/usr/bin/env bash
# Issue 12, point 8: the cost of the keyed audit hash (format 3) against format 2. See bench/AuditAppendBenchmark.java.
# Usage: bench/audit-append.sh   (via JAVA_OPTS: -Drows=N, default 20000 per format and way)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java ${JAVA_OPTS:-} -cp "$CP" bench/AuditAppendBenchmark.java
