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
. "$root/bench/lib.sh"
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

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", a/b}'; }

declare -a g_ms g_rss o_ms o_rss j_ms j_rss d_ms d_rss
for i in $(seq "$runs"); do
  rm -rf "$work/data" "$work/data-other"
  bench_measure_start "${gale[@]}" >/dev/null   # first start: migrations and built-ins; the restarts are measured
  read -r ms rss < <(bench_measure_start "${gale[@]}"); g_ms+=("$ms"); g_rss+=("$rss")
  if [ -n "$compare" ]; then
    bench_measure_start "${other[@]}" >/dev/null
    read -r ms rss < <(bench_measure_start "${other[@]}"); o_ms+=("$ms"); o_rss+=("$rss")
  fi
  read -r ms rss < <(bench_measure_start "${jetty[@]}"); j_ms+=("$ms"); j_rss+=("$rss")
  read -r ms rss < <(bench_measure_start "${jdk[@]}"); d_ms+=("$ms"); d_rss+=("$rss")
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
  bench_launch "$@"
  curl -sf -u airbyte:password -H 'Content-Type: application/json' -d '{}' \
    "http://127.0.0.1:$port/api/v1/workspaces/list" >/dev/null || { echo "workspaces/list failed" >&2; exit 1; }
  curl -sf -u airbyte:password -H 'Content-Type: application/json' -d '{"configTypes":["sync"]}' \
    "http://127.0.0.1:$port/api/v1/jobs/list" >/dev/null || { echo "jobs/list failed" >&2; exit 1; }
  echo "$(throughput "$workspaces" /api/v1/workspaces/list) $(throughput "$jobs" /api/v1/jobs/list) $(bench_rss_mb)"
  bench_halt
}
bench_launch "${jetty[@]}"
read -r jw_rps jw_p50 jw_p99 jw_bad < <(throughput "$workspaces" /api/v1/workspaces/list)
bench_halt
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
jm=$(bench_median "${j_ms[@]}"); jr=$(bench_median "${j_rss[@]}")
rows=("Gale (./gale server)|$(bench_median "${g_ms[@]}")|$(bench_median "${g_rss[@]}")")
[ -z "$compare" ] || rows+=("Gale of $compare|$(bench_median "${o_ms[@]}")|$(bench_median "${o_rss[@]}")")
rows+=("Bare Jetty 12, one answer|$jm|$jr" "Bare JDK HttpServer, one answer|$(bench_median "${d_ms[@]}")|$(bench_median "${d_rss[@]}")")
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
