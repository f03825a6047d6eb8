#!/usr/bin/env bash
# Throughput and latency of the public whitelist verification page (/public/whitelist/{code}), the page a
# school gate hits, against the running jar on loopback with the demo data. Baseline in the same run:
# /actuator/health (the same server, security filters and connection handling, no page, no database).
# Each URL is measured closed-loop (most requests per second) and open-loop at a fixed 1,000 requests per
# second over 32 keep-alive connections (latency from when each request was due, so queueing shows); the
# page also at 2,000 per second, to show the margin. The machine load is printed too, since the CPUs are
# shared.
# Usage: bench/whitelist-verify.sh [port] [connections] [warmup-s] [measure-s]
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-8083}
CONNECTIONS=${2:-16}
WARMUP=${3:-15}
MEASURE=${4:-20}
./mvnw -B -q package -DskipTests
JAR=$(realpath "$(ls target/jianfu-*.jar | grep -v original | head -1)")
WORK=$(mktemp -d)
java -Xmx512m -jar "$JAR" --spring.profiles.active=demo --server.port="$PORT" \
     --jianfu.database.embedded.data-directory="$WORK/pg" --jianfu.audit.key-file="$WORK/audit.key" \
     --jianfu.audit.checkpoint-file="$WORK/audit-checkpoints.log" > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null; rm -rf "$WORK"' EXIT
CODE=
for _ in $(seq 1 180); do # the server answers before the demo data are in: wait for a listed item
  CODE=$(curl -sf "http://127.0.0.1:$PORT/public/whitelist" | grep -o '/public/whitelist/[A-Z0-9]\{4\}-[A-Z0-9]\{4\}' | head -1 || true)
  [ -n "$CODE" ] && break
  sleep 1
done
[ -n "$CODE" ] || { echo "no verification code found on /public/whitelist" >&2; exit 1; }
echo "page: $CODE ($(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes' "http://127.0.0.1:$PORT$CODE"))"
echo "load before: $(uptime)"
# The page first: an overloaded baseline (the health check cannot take 1,000/s here) leaves a backlog
# that would otherwise land on the page's measurement.
for url in "$CODE" "/actuator/health"; do
  java bench/WhitelistVerifyBenchmark.java max "http://127.0.0.1:$PORT$url" "$CONNECTIONS" "$WARMUP" "$MEASURE"
  java bench/WhitelistVerifyBenchmark.java rate "http://127.0.0.1:$PORT$url" 1000 "$WARMUP" "$MEASURE"
done
java bench/WhitelistVerifyBenchmark.java rate "http://127.0.0.1:$PORT$CODE" 2000 "$WARMUP" "$MEASURE"
echo "load after: $(uptime)"
