# Sourced by the benchmarks that run the jar.
#   bench_jar: sets JAR to the built jar's absolute path (building it first when it is missing);
#   start_demo_app PORT: sets WORK to a new directory and runs the jar there with the demo data on PORT (APP_JAVA_OPTS adds
#     JVM options), APP to its pid and NGINX to empty; a trap stops both and removes WORK on exit. It does not wait for the
#     application: each caller waits for what it needs (the login page, a listed item).
bench_jar() {
  JAR=$(ls target/jianfu-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$JAR" ]; then ./mvnw -B -q package -DskipTests; JAR=$(ls target/jianfu-*.jar | grep -v original | head -1); fi
  JAR=$(realpath "$JAR")
}

start_demo_app() {
  bench_jar
  WORK=$(mktemp -d)
  chmod 755 "$WORK"
  java -Xmx512m ${APP_JAVA_OPTS:-} -jar "$JAR" --spring.profiles.active=demo --server.port="$1" \
       --jianfu.database.embedded.data-directory="$WORK/pg" --jianfu.audit.key-file="$WORK/audit.key" \
       --jianfu.audit.checkpoint-file="$WORK/audit-checkpoints.log" --jianfu.roster.key-file="$WORK/roster.key" > "$WORK/app.log" 2>&1 &
  APP=$!
  NGINX=
  trap '[ -n "$NGINX" ] && kill $NGINX 2>/dev/null; kill $APP 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"' EXIT
}
