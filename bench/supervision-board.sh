#!/usr/bin/env bash
# The supervision board at national size (issue 18, point 8): 3,000 districts, 40 indicators, 5 years of stored values; the
# city's board and one district's page by HTTP on loopback, against the same reads in plain SQL.
# See bench/SupervisionBoardBenchmark.java. Usage: bench/supervision-board.sh   (via JAVA_OPTS: -Ddistricts=N -Druns=N)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "load before: $(uptime)"
java -Xmx4g ${JAVA_OPTS:-} -cp "$CP" bench/SupervisionBoardBenchmark.java
echo "load after: $(uptime)"
