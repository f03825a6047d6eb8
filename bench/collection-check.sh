#!/usr/bin/env bash
# Checking a new collection for duplicates and overload at national size (issue 16, point 9): 200,000 schools, 50,000
# collections, a 2,000-field dictionary; a district's and the city's new collection, against the same reads in plain SQL.
# See bench/CollectionCheckBenchmark.java. Usage: bench/collection-check.sh   (via JAVA_OPTS: -Dschools=N -Dcollections=N
# -Ddictionary=N -Druns=N; -Ddata=DIR keeps the generated database for a later run)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
uptime
java -Xmx4g ${JAVA_OPTS:-} -cp "$CP" bench/CollectionCheckBenchmark.java
uptime
