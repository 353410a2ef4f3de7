#!/usr/bin/env bash
# Gale's HTTP layer (Jetty 12): start to healthy and idle RSS of `./gale server`, then request throughput of two
# Config API list calls with wrk, each beside the same figures of a bare Jetty server set up as Gale sets it up
# (bench/JettyBaselineServer.java), in the same run. The JDK's bare HttpServer (bench/BaselineServer.java) is
# measured for start and memory too: the floor the earlier figures of bench/startup.sh are quoted against.
#   bench/http.sh [runs] [seconds]   (default 3 start runs, 10 s of wrk per endpoint; prints Markdown tables)
#   COMPARE=DIR bench/http.sh ...    also measures DIR's ./gale server the same way (another checkout, such as the
#                                    commit before a change: `git archive <commit> | tar -x -C DIR`)
# Needs wrk: when it is absent, Debian's package is installed with apt-get (as root).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/java-home.sh"
runs="${1:-3}"
seconds="${2:-10}"
port=18766
connections=32
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! command -v wrk >/dev/null; then
  echo "bench: installing wrk (Debian package)..." >&2
  apt-cache show wrk >/dev/null 2>&1 || apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2 || { echo "bench: could not install wrk" >&2; exit 1; }
fi

"$root/gale" --version >/dev/null   # builds when needed, outside the measurement
lib="$root/gale-app/target/lib"
# Jetty and the SLF4J API alone: without a logging backend Jetty stays quiet, as Gale's WARN level keeps it.
jetty_cp="$(ls "$lib"/jetty-*.jar "$lib"/slf4j-api-*.jar | tr '\n' ':')"
"$JAVA_HOME/bin/javac" -d "$work/jetty" -cp "$jetty_cp" "$root/bench/JettyBaselineServer.java"
"$JAVA_HOME/bin/javac" -d "$work/jdk" "$root/bench/BaselineServer.java"
# The flags ./gale gives a server (Serial GC, C1 only, small stacks), for the baselines too.
jvm=("$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k)
jetty=("${jvm[@]}" -cp "$work/jetty:$jetty_cp" JettyBaselineServer "$port")
jdk=("${jvm[@]}" -cp "$work/jdk" BaselineServer "$port")
gale=("$root/gale" server --port "$port" --data-dir "$work/data")
compare="${COMPARE:-}"
if [ -n "$compare" ]; then
  "$compare/gale" --version >/dev/null
  other=("$compare/gale" server --port "$port" --data-dir "$work/data-other")
fi

now_ms() { date +%s%3N; }

# Starts "$@" in the background and waits for the health answer; sets PID and MS (to healthy).
launch() {
  local start
  # The previous server's port may linger a moment after its process is gone.
  while [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]; do sleep 0.05; done
  start=$(now_ms)
  "$@" >"$work/server.log" 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { echo "server died:" >&2; cat "$work/server.log" >&2; exit 1; }
    sleep 0.01
  done
  MS=$(( $(now_ms) - start ))
}

halt() { kill "$PID"; wait "$PID" 2>/dev/null || true; }

rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$PID/status"; }

# Start to healthy, then 5 s idle (start-up work settled) and the resident memory: prints "<ms> <MB>".
measure_start() {
  launch "$@"
  sleep 5
  echo "$MS $(rss_mb)"
  halt
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
m() { printf '%s\n' "$@" | median; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a/b}'; }

declare -a g_ms g_rss o_ms o_rss j_ms j_rss d_ms d_rss
for i in $(seq "$runs"); do
  rm -rf "$work/data" "$work/data-other"
  measure_start "${gale[@]}" >/dev/null   # first start: migrations and built-ins; the restarts are measured
  read -r ms rss < <(measure_start "${gale[@]}"); g_ms+=("$ms"); g_rss+=("$rss")
  if [ -n "$compare" ]; then
    measure_start "${other[@]}" >/dev/null
    read -r ms rss < <(measure_start "${other[@]}"); o_ms+=("$ms"); o_rss+=("$rss")
  fi
  read -r ms rss < <(measure_start "${jetty[@]}"); j_ms+=("$ms"); j_rss+=("$rss")
  read -r ms rss < <(measure_start "${jdk[@]}"); d_ms+=("$ms"); d_rss+=("$rss")
done

# A wrk script that POSTs a JSON body with Gale's default Basic credentials (airbyte:password).
lua() {
  cat >"$work/$1.lua" <<LUA
wrk.method = "POST"
wrk.body = '$2'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic YWlyYnl0ZTpwYXNzd29yZA=="
LUA
  echo "$work/$1.lua"
}
workspaces="$(lua workspaces '{}')"
jobs="$(lua jobs '{"configTypes":["sync"],"pagination":{"pageSize":20}}')"

# wrk against the running server after a warm-up of a third of the time (C1 compiles the hot paths first); prints
# "<requests/s> <p50 ms> <p99 ms> <non-2xx>".
throughput() {
  local script=$1 path=$2 out="$work/wrk.out"
  wrk -t2 -c"$connections" -d"$(( seconds / 3 + 1 ))s" -s "$script" "http://127.0.0.1:$port$path" >/dev/null
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$script" "http://127.0.0.1:$port$path" >"$out"
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx/ { bad = $NF }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, bad }' "$out"
}

# Both list calls against a Gale server: prints two rows' figures and the RSS after them.
gale_throughput() {
  launch "$@"
  curl -sf -u airbyte:password -H 'Content-Type: application/json' -d '{}' \
    "http://127.0.0.1:$port/api/v1/workspaces/list" >/dev/null || { echo "workspaces/list failed" >&2; exit 1; }
  curl -sf -u airbyte:password -H 'Content-Type: application/json' -d '{"configTypes":["sync"]}' \
    "http://127.0.0.1:$port/api/v1/jobs/list" >/dev/null || { echo "jobs/list failed" >&2; exit 1; }
  echo "$(throughput "$workspaces" /api/v1/workspaces/list) $(throughput "$jobs" /api/v1/jobs/list) $(rss_mb)"
  halt
}
launch "${jetty[@]}"
read -r jw_rps jw_p50 jw_p99 jw_bad < <(throughput "$workspaces" /api/v1/workspaces/list)
halt
read -r gw_rps gw_p50 gw_p99 gw_bad gj_rps gj_p50 gj_p99 gj_bad busy_rss < <(gale_throughput "${gale[@]}")
if [ -n "$compare" ]; then
  read -r ow_rps ow_p50 ow_p99 ow_bad oj_rps oj_p50 oj_p99 oj_bad other_rss < <(gale_throughput "${other[@]}")
fi

echo "$(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1), wrk -t2 -c$connections -d${seconds}s"
echo
echo "Start to healthy and idle RSS, medians of $runs runs (Gale: a restart on its H2 store)"
echo
echo "| server | start to healthy (ms) | vs Jetty | idle RSS (MB) | vs Jetty |"
echo "|---|---|---|---|---|"
jm=$(m "${j_ms[@]}"); jr=$(m "${j_rss[@]}")
rows=("Gale (./gale server)|$(m "${g_ms[@]}")|$(m "${g_rss[@]}")")
[ -z "$compare" ] || rows+=("Gale of $compare|$(m "${o_ms[@]}")|$(m "${o_rss[@]}")")
rows+=("Bare Jetty 12, one answer|$jm|$jr" "Bare JDK HttpServer, one answer|$(m "${d_ms[@]}")|$(m "${d_rss[@]}")")
for row in "${rows[@]}"; do
  IFS='|' read -r name ms rss <<<"$row"
  echo "| $name | $ms | $(ratio "$ms" "$jm") | $rss | $(ratio "$rss" "$jr") |"
done
echo
echo "Throughput (Gale's RSS after both runs: $busy_rss MB)"
echo
echo "| what | requests/s | vs bare Jetty | p50 (ms) | p99 (ms) | non-2xx |"
echo "|---|---|---|---|---|---|"
echo "| Gale POST /api/v1/workspaces/list (Basic auth, 1 workspace) | $gw_rps | $(ratio "$gw_rps" "$jw_rps") | $gw_p50 | $gw_p99 | $gw_bad |"
echo "| Gale POST /api/v1/jobs/list (Basic auth, no jobs) | $gj_rps | $(ratio "$gj_rps" "$jw_rps") | $gj_p50 | $gj_p99 | $gj_bad |"
if [ -n "$compare" ]; then
  echo "| Gale of $compare: workspaces/list (RSS after both: $other_rss MB) | $ow_rps | $(ratio "$ow_rps" "$jw_rps") | $ow_p50 | $ow_p99 | $ow_bad |"
  echo "| Gale of $compare: jobs/list | $oj_rps | $(ratio "$oj_rps" "$jw_rps") | $oj_p50 | $oj_p99 | $oj_bad |"
fi
echo "| Bare Jetty 12, the same POST, fixed answer | $jw_rps | 1.00x | $jw_p50 | $jw_p99 | $jw_bad |"
