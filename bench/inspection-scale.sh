#!/usr/bin/env bash
# Issue 5's national-scale rule check: 50,000 items, 200,000 schools, 2,000,000 visits, then 2x and 4x.
# Also times the plan page that shows the check (issue 15, point 4), against the check alone.
# See bench/InspectionScaleBenchmark.java. Usage: bench/inspection-scale.sh   (sizes: -Dscales=1,2,4 via JAVA_OPTS)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
uptime
java -Xmx8g ${JAVA_OPTS:-} -cp "$CP" bench/InspectionScaleBenchmark.java
uptime
