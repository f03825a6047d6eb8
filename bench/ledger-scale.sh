#!/usr/bin/env bash
# The ledger at national scale (issues 3 and 15): 3,000 units x 24 entries, 200,000 schools in the tree. See bench/LedgerScaleBenchmark.java.
# Usage: bench/ledger-scale.sh   (via JAVA_OPTS: -Dunits=N; -Dschools=N; -Dservers=deployed,test, the default, or either alone)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java ${JAVA_OPTS:-} -cp "$CP" bench/LedgerScaleBenchmark.java
