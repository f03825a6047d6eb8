#!/usr/bin/env bash
# Issue 4's benchmark: ledger files for 17 districts. See bench/DocumentBenchmark.java.
# Usage: bench/document-speed.sh   (sample files are written to target/exports/)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
uptime
java ${JAVA_OPTS:-} -cp "$CP" bench/DocumentBenchmark.java
uptime
