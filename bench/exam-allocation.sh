#!/usr/bin/env bash
# Invigilation allocation at city scale (issue 22, point 7): 150,000 teachers, 1,600 schools, 20,000 room-sessions needing
# 40,000 invigilators; the staged-flow allocator against the greedy baseline in the same run, time and gap to the lower
# bound. See src/test/java/org/jianfu/exam/ExamAllocationBench.java. Usage: bench/exam-allocation.sh
# (via JAVA_OPTS: -Dteachers=N -Dschools=N -Drooms=N -Ddays=N -Dhosts=N -Dseed=N)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "load before: $(uptime)"
java -Xmx4g ${JAVA_OPTS:-} -cp "$CP" org.jianfu.exam.ExamAllocationBench
echo "load after: $(uptime)"
