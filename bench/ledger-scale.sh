#!/usr/bin/env bash
# Issue 3's national-scale benchmark: 3,000 units x 24 entries. See bench/LedgerScaleBenchmark.java.
# Usage: bench/ledger-scale.sh   (via JAVA_OPTS: -Dunits=N; -Dservers=deployed,test, the default, or either alone)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java ${JAVA_OPTS:-} -cp "$CP" bench/LedgerScaleBenchmark.java
