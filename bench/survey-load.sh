#!/usr/bin/env bash
# The burden survey under load (issue 20, point 7), against the running jar on loopback with the demo data:
#   answers:  teachers' answers POSTed to /public/survey/{token} (each with its own single-use code, over every school link
#             of 海淀区 and 朝阳区) at a fixed RATE a second (1,000), open loop over 32 keep-alive connections, latency from
#             when each was due (bench/WhitelistVerifyBenchmark.java in its POST mode); then checked: the open wave gained
#             exactly one answer per request;
#   baselines in the same run: nginx on loopback serving the thank-you page's bytes at the same rate; for comparison, the
#             same writes an answer makes in plain JDBC, one transaction per answer, at the same rate
#             (bench/SurveyBenchmark.java sql);
#   results:  a closed wave of 1,000,000 answers made by set-based SQL, its results pages as the city admin by HTTP, against
#             the same reads in plain SQL and GET /login (bench/SurveyBenchmark.java aggregate).
# The answer path is warmed up first for ANSWER_WARMUP seconds (60) at 600 a second: on two cores the JIT compiler is still
# at work a minute into the load. Usage: bench/survey-load.sh [port] [warmup-s] [measure-s]
# (needs nginx: apt-get install nginx-light; RATE=N sets the answers' rate, ANSWERS=N the results wave's size)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/demo-app.sh
. bench/nginx-page.sh
PORT=${1:-8084}
WARMUP=${2:-10}
MEASURE=${3:-15}
ANSWER_WARMUP=${ANSWER_WARMUP:-60}
ANSWERS=${ANSWERS:-1000000}
RATE=${RATE:-1000}
NGINX_PORT=$((PORT + 10000))
command -v nginx > /dev/null || { echo "nginx is not installed (apt-get install nginx-light)" >&2; exit 1; }
start_demo_app "$PORT"
for _ in $(seq 1 180); do
  curl -sf -o /dev/null "http://127.0.0.1:$PORT/login" && break
  sleep 1
done
java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" > /dev/null
survey() { java -cp "$WORK/app/lib/*" bench/SurveyBenchmark.java "$@"; }
survey count "$WORK/pg" > /dev/null # waits for the demo's open wave
sleep 15 # the rest of the demo data
COUNT=$(((ANSWER_WARMUP + 1) * 600 + (WARMUP + MEASURE) * RATE + 10))
survey seed "$WORK/pg" "$COUNT" "$WORK/codes" "$WORK/body"

# The public pages' CSRF token lives in a cookie (no session): one form page gives the cookie and the form's masked token.
FIRST_TOKEN=$(head -1 "$WORK/codes" | cut -d' ' -f1)
curl -sf -c "$WORK/cookies" -H 'Accept-Language: zh-CN' -o "$WORK/form.html" "http://127.0.0.1:$PORT/public/survey/$FIRST_TOKEN"
CSRF=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/form.html" | head -1 | sed 's/.*value="//; s/"$//')
XSRF=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$WORK/cookies")
[ -n "$CSRF" ] && [ -n "$XSRF" ] || { echo "no CSRF token on the answer page" >&2; exit 1; }
printf '_csrf=%s&%s' "$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$CSRF")" "$(cat "$WORK/body")" > "$WORK/form"

# One answer by curl: its thank-you page is nginx's bytes (and shows the form is accepted); its code is then used up.
read -r TOKEN CODE < <(head -1 "$WORK/codes")
mkdir -p "$WORK/www" "$WORK/nginx-tmp"
curl -sf -b "XSRF-TOKEN=$XSRF" -H 'Accept-Language: zh-CN' -H 'Content-Type: application/x-www-form-urlencoded' \
     --data-binary "$(sed "s/_CODE_/$CODE/" "$WORK/form")" -o "$WORK/www/page.html" "http://127.0.0.1:$PORT/public/survey/$TOKEN"
grep -q '谢谢您的参与' "$WORK/www/page.html" || { echo "the answer was not accepted:"; sed -n '1,80p' "$WORK/www/page.html"; exit 1; } >&2
echo "thank-you page: $(stat -c %s "$WORK/www/page.html") bytes; form: $(stat -c %s "$WORK/form") bytes"
tail -n +2 "$WORK/codes" > "$WORK/codes-rest"
head -n $(((ANSWER_WARMUP + 1) * 600)) "$WORK/codes-rest" > "$WORK/codes-warmup"
tail -n +$(((ANSWER_WARMUP + 1) * 600 + 1)) "$WORK/codes-rest" > "$WORK/codes-measured"

serve_page_with_nginx

load() { java -Dbody="$WORK/form" -Dcookie="XSRF-TOKEN=$XSRF" "$@"; }
echo "load before: $(uptime)"
load -Dcodes="$WORK/codes-warmup" bench/WhitelistVerifyBenchmark.java rate "http://127.0.0.1:$PORT/public/survey/_TOKEN_" 600 "$ANSWER_WARMUP" 1 > /dev/null
BEFORE=$(survey count "$WORK/pg")
COMMITS_BEFORE=$(survey commits "$WORK/pg")
load -Dcodes="$WORK/codes-measured" bench/WhitelistVerifyBenchmark.java rate "http://127.0.0.1:$PORT/public/survey/_TOKEN_" "$RATE" "$WARMUP" "$MEASURE"
AFTER=$(survey count "$WORK/pg")
COMMITS=$(( $(survey commits "$WORK/pg") - COMMITS_BEFORE ))
echo "answers recorded by the open wave during that run: $((AFTER - BEFORE)) of $(( RATE * (WARMUP + MEASURE) / 32 * 32 )) sent"
echo "transactions committed in the database meanwhile (every kind, the count queries' included): $COMMITS, $(( (AFTER - BEFORE) / (COMMITS > 0 ? COMMITS : 1) )) answers each on average"
java bench/WhitelistVerifyBenchmark.java rate "http://127.0.0.1:$NGINX_PORT/public/survey/thanks" "$RATE" "$WARMUP" "$MEASURE"
survey sql "$WORK/pg" "$RATE" 16 "$WARMUP" "$MEASURE"
echo "load after the answers: $(uptime)"
survey aggregate "$WORK/pg" "http://127.0.0.1:$PORT" "$ANSWERS" 20
echo "load after: $(uptime)"
