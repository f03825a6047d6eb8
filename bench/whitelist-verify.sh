#!/usr/bin/env bash
# Latency of the public whitelist verification page (/public/whitelist/{code}), the page a school gate hits,
# against the running jar on loopback with the demo data, three ways in one run:
#   cached:   one item's page, served from the page cache after its first request;
#   rendered: a code never asked for before on every request (each a copy of that item, listed straight in
#             the database before the timing), so neither the page cache nor the listing cache answers;
#   nginx:    the baseline, nginx on loopback serving the same page's bytes as a static file.
# Each at a fixed 1,000 requests per second, open loop over 32 keep-alive connections (latency from when each
# request was due, so queueing shows), with the rate achieved; then each closed loop over 16 connections (most
# requests per second). The load generator is bench/WhitelistVerifyBenchmark.java; the machine load is printed
# too, since the CPUs are shared, and so is the CPU time per rendered page (closed loop, after its warm-up).
# The rendering is warmed up first for RENDER_WARMUP seconds (60): on two cores the JIT compiler is still compiling the
# application a minute into the load, and a p99 measured before it is done measures the compiler.
# Usage: bench/whitelist-verify.sh [port] [warmup-s] [measure-s]   (needs nginx: apt-get install nginx-light;
# APP_JAVA_OPTS adds options to the application's JVM, e.g. -Xlog:gc:file=/tmp/gc.log)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/demo-app.sh
. bench/nginx-page.sh
PORT=${1:-8083}
WARMUP=${2:-10}
MEASURE=${3:-15}
RENDER_WARMUP=${RENDER_WARMUP:-60}
NGINX_PORT=$((PORT + 10000))
command -v nginx > /dev/null || { echo "nginx is not installed (apt-get install nginx-light)" >&2; exit 1; }
start_demo_app "$PORT"
CODE=
for _ in $(seq 1 180); do # the server answers before the demo data are in: wait for a listed item
  CODE=$(curl -sf "http://127.0.0.1:$PORT/public/whitelist" | grep -o '/public/whitelist/[A-Z0-9]\{4\}-[A-Z0-9]\{4\}' | head -1 || true)
  [ -n "$CODE" ] && break
  sleep 1
done
[ -n "$CODE" ] || { echo "no verification code found on /public/whitelist" >&2; exit 1; }
mkdir -p "$WORK/www" "$WORK/nginx-tmp"
curl -sf -H 'Accept-Language: zh-CN' -o "$WORK/www/page.html" "http://127.0.0.1:$PORT$CODE"
echo "page: $CODE ($(stat -c %s "$WORK/www/page.html") bytes)"

# The rendered pages' codes: copies of the same item, enough for warm-up and measurement at 1,000/s and for
# the closed loop at up to 4,000/s.
COUNT=$(( (WARMUP + MEASURE) * 5000 + RENDER_WARMUP * 4000 + 2000 ))
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
java -cp "$WORK/app/lib/*" bench/WhitelistVerifyBenchmark.java seed "$WORK/pg" "${CODE##*/}" "$COUNT" "$WORK/codes"
FIRST=$(head -1 "$WORK/codes")
echo "rendered: /public/whitelist/$FIRST and $((COUNT - 1)) more ($(curl -s -o /dev/null -w '%{http_code}, %{size_download} bytes' \
     -H 'Accept-Language: zh-CN' "http://127.0.0.1:$PORT/public/whitelist/$(sed -n 2p "$WORK/codes")"))"

serve_page_with_nginx

bench() { java bench/WhitelistVerifyBenchmark.java "$@"; }
echo "load before: $(uptime)"
# Rendering warmed up first (closed loop, codes no measurement asks for), so that no open-loop run starts on a JIT that
# has not compiled the rendering path: a backlog built in a cold warm-up would be measured as the page's latency.
tail -n +$(( (WARMUP + MEASURE) * 1000 + 1 )) "$WORK/codes" > "$WORK/codes-closed" # not asked for by the open loop
head -n $((RENDER_WARMUP * 4000)) "$WORK/codes-closed" > "$WORK/codes-closed-warmup"
tail -n +$((RENDER_WARMUP * 4000 + 1)) "$WORK/codes-closed" > "$WORK/codes-closed-measured"
java -Dcodes="$WORK/codes-closed-warmup" bench/WhitelistVerifyBenchmark.java max "http://127.0.0.1:$PORT/public/whitelist/_CODE_" 16 "$RENDER_WARMUP" 0 > /dev/null
bench rate "http://127.0.0.1:$PORT$CODE" 1000 "$WARMUP" "$MEASURE"
java -Dcodes="$WORK/codes" bench/WhitelistVerifyBenchmark.java rate "http://127.0.0.1:$PORT/public/whitelist/_CODE_" 1000 "$WARMUP" "$MEASURE"
bench rate "http://127.0.0.1:$NGINX_PORT$CODE" 1000 "$WARMUP" "$MEASURE"
bench max "http://127.0.0.1:$PORT$CODE" 16 "$WARMUP" "$MEASURE"
# CPU time the application's JVM and its PostgreSQL processes used (ms): on shared cores, CPU per page varies
# less with the others' load than pages per second do.
cpu() {
  local pm tck=$(getconf CLK_TCK) pg=0
  pm=$(head -1 "$WORK/pg/postmaster.pid")
  for pid in $pm $(pgrep -P "$pm"); do pg=$((pg + $(awk '{print $14 + $15}' /proc/$pid/stat 2>/dev/null || echo 0))); done
  echo $(( $(awk '{print $14 + $15}' /proc/$APP/stat) * 1000 / tck )) $((pg * 1000 / tck))
}
read -r J0 P0 < <(cpu)
java -Dcodes="$WORK/codes-closed-measured" bench/WhitelistVerifyBenchmark.java max "http://127.0.0.1:$PORT/public/whitelist/_CODE_" 16 0 "$MEASURE" \
  | tee "$WORK/rendered-closed"
read -r J1 P1 < <(cpu)
N=$(grep -o '[0-9]* requests' "$WORK/rendered-closed" | grep -o '[0-9]*')
echo "rendered, closed loop: CPU per page $(( (J1 - J0) * 1000 / N )) µs in the JVM (JIT and GC included), $(( (P1 - P0) * 1000 / N )) µs in PostgreSQL"
bench max "http://127.0.0.1:$NGINX_PORT$CODE" 16 "$WARMUP" "$MEASURE"
echo "load after: $(uptime)"
