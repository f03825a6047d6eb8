#!/usr/bin/env bash
# Footprint of Jianfu on this machine: time from process start to the login page being served, and
# memory once started, with the embedded PostgreSQL.
#   cold:      empty data directory (initdb, migrations, demo data)
#   warm:      the same data directory again (every restart after the first)
#   warm+CDS:  the same, from the extracted jar with a class-data-sharing archive (Spring Boot's
#              documented `-Djarmode=tools extract` + `-XX:SharedArchiveFile`), as a deployment would
# Baseline, measured in the same run: the embedded PostgreSQL alone, started and stopped on the warm
# data directory by the same library from a class compiled before the timing (bench/EmbeddedPostgresAlone.java):
# the part of start-up that is the database server.
# Memory is PSS (proportional set size), so PostgreSQL's shared buffers are not counted once per
# backend process as RSS would.
# Usage: bench/startup.sh [runs]   (builds the jar first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PORT=18080
. bench/demo-app.sh
bench_jar
WORK=$(mktemp -d)
trap 'pkill -f "$WORK" 2>/dev/null || true; rm -rf "$WORK"' EXIT

now_ms() { date +%s%3N; }
pss_kb() { awk '/^Pss:/ {print $2}' /proc/"$1"/smaps_rollup 2>/dev/null || echo 0; }

postgres_pss_mb() { # the embedded server daemonises: find it through its pid file, then its children
  local master total=0 p
  master=$(head -1 "$1/postmaster.pid")
  for p in "$master" $(ps -o pid= --ppid "$master"); do
    total=$((total + $(pss_kb "$p")))
  done
  echo $((total / 1024))
}

start_once() { # $1 data dir, then java options and jar; prints "ms java_mb total_mb"
  local dir=$1; shift
  local t0 pid ms
  t0=$(now_ms)
  java "$@" --spring.profiles.active=demo --server.port=$PORT \
       --jianfu.database.embedded.data-directory="$dir" --jianfu.audit.key-file="$WORK/audit.key" \
       --jianfu.audit.checkpoint-file="$WORK/audit-checkpoints.log" > "$WORK/app.log" 2>&1 &
  pid=$!
  until curl -fs -o /dev/null "http://localhost:$PORT/login"; do
    sleep 0.05
    if ! kill -0 $pid 2>/dev/null || [ $(( $(now_ms) - t0 )) -gt 120000 ]; then
      echo "the application did not come up" >&2; tail -30 "$WORK/app.log" >&2; kill $pid 2>/dev/null; exit 1
    fi
  done
  ms=$(( $(now_ms) - t0 ))
  sleep 3 # let the demo-data runner and the first request settle before reading memory
  local java_mb pg_mb
  java_mb=$(( $(pss_kb $pid) / 1024 ))
  pg_mb=$(postgres_pss_mb "$dir")
  echo "$ms $java_mb $((java_mb + pg_mb))"
  kill $pid; wait $pid 2>/dev/null || true
  wait_for_postgres_to_stop "$dir"
}

wait_for_postgres_to_stop() { # a stopped Jianfu stops its server; a halted one leaves it running
  local i
  for i in $(seq 100); do [ -f "$1/postmaster.pid" ] || return 0; sleep 0.1; done
  kill -TERM "$(head -1 "$1/postmaster.pid")" 2>/dev/null || true
  for i in $(seq 300); do [ -f "$1/postmaster.pid" ] || return 0; sleep 0.1; done
  echo "PostgreSQL in $1 did not stop" >&2; exit 1
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "jar: $JAR, runs: $RUNS, cores: $(nproc), java: $(java -version 2>&1 | head -1)"
: > "$WORK/cold"; : > "$WORK/warm"; : > "$WORK/cds"; : > "$WORK/base"
for i in $(seq "$RUNS"); do
  rm -rf "$WORK/pg"
  start_once "$WORK/pg" -jar "$JAR" >> "$WORK/cold"
  start_once "$WORK/pg" -jar "$JAR" >> "$WORK/warm"
done

# Class-data sharing: extract, one training run that stops after refresh, then timed starts.
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
APP=$(ls "$WORK"/app/*.jar)
java -XX:ArchiveClassesAtExit="$WORK/app/jianfu.jsa" -Dspring.context.exit=onRefresh -jar "$APP" \
     --spring.profiles.active=demo --server.port=$PORT --jianfu.database.embedded.data-directory="$WORK/pg" \
     --jianfu.audit.key-file="$WORK/audit.key" --jianfu.audit.checkpoint-file="$WORK/audit-checkpoints.log" \
     > "$WORK/training.log" 2>&1 || true
if [ -f "$WORK/pg/postmaster.pid" ]; then echo "the training run left its PostgreSQL running" >&2; exit 1; fi
for i in $(seq "$RUNS"); do
  start_once "$WORK/pg" -XX:SharedArchiveFile="$WORK/app/jianfu.jsa" -Xlog:cds=off -jar "$APP" >> "$WORK/cds"
done

# Baseline: the embedded PostgreSQL alone on the warm data directory, compiled first so that no compiler
# runs inside the timing.
javac -cp "$WORK/app/lib/*" -d "$WORK/baseline" bench/EmbeddedPostgresAlone.java
for i in $(seq "$RUNS"); do
  t0=$(now_ms)
  java -cp "$WORK/baseline:$WORK/app/lib/*" EmbeddedPostgresAlone "$WORK/pg" > /dev/null
  echo $(( $(now_ms) - t0 )) >> "$WORK/base"
done

row() { printf "%-44s %8s %s\n" "$1" "$2" "$3"; }
row "measure (median of $RUNS)" "value" ""
row "cold start to login page" "$(cut -d' ' -f1 "$WORK/cold" | median)" ms
row "warm start to login page" "$(cut -d' ' -f1 "$WORK/warm" | median)" ms
row "warm start to login page, with CDS" "$(cut -d' ' -f1 "$WORK/cds" | median)" ms
row "baseline: embedded PostgreSQL alone" "$(median < "$WORK/base")" ms
row "memory (PSS) java, warm" "$(cut -d' ' -f2 "$WORK/warm" | median)" MiB
row "memory (PSS) java + postgres, warm" "$(cut -d' ' -f3 "$WORK/warm" | median)" MiB
row "memory (PSS) java + postgres, cold" "$(cut -d' ' -f3 "$WORK/cold" | median)" MiB
row "memory (PSS) java + postgres, warm+CDS" "$(cut -d' ' -f3 "$WORK/cds" | median)" MiB
for f in cold warm cds; do echo "raw $f (ms javaMiB totalMiB):"; cat "$WORK/$f"; done
echo "raw baseline (ms):"; cat "$WORK/base"
