#!/usr/bin/env bash
# Issue 17, point 9: the roster import of 150,000 teachers through the pages. See bench/RosterImportBenchmark.java.
# Usage: bench/roster-import.sh   (via JAVA_OPTS: -Dschools=N -DperSchool=M, default 1,500 x 100)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "load before: $(uptime)"
java -Xmx4g ${JAVA_OPTS:-} -cp "$CP" bench/RosterImportBenchmark.java
echo "load after: $(uptime)"
