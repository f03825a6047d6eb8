#!/usr/bin/env bash
# Issue 17, point 9: a district's figures for requirements 18–21 with a large province's registers. See bench/StaffingScaleBenchmark.java.
# Usage: bench/staffing-scale.sh   (via JAVA_OPTS: -Druns=N, default 30)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "load before: $(uptime)"
java -Xmx4g ${JAVA_OPTS:-} -cp "$CP" bench/StaffingScaleBenchmark.java
echo "load after: $(uptime)"
