#!/usr/bin/env bash
# Issue 15, point 2: every page of every module at national size, by full HTTP request on loopback, against a budget of
# 300 ms and 2 MB a page. The data are built once into target/bench-national/ (-Ddata=DIR) and reused by later runs.
# See bench/PageBudgetBenchmark.java. Usage: bench/page-budget.sh   (via JAVA_OPTS: -Druns=N requests a page, default 5;
# -Dpages=/units,/admin only the pages under those paths)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "load before: $(uptime)"
java -Xmx6g ${JAVA_OPTS:-} -cp "$CP" bench/PageBudgetBenchmark.java
echo "load after: $(uptime)"
