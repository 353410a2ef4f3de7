#!/usr/bin/env bash
# Server start to first healthy answer, and idle RSS, on the embedded default (H2 file store).
# Beside it, in the same run, the floor: the JDK's bare HTTP server answering the same health path.
#   bench/startup.sh [runs]        (default 5 runs; prints a Markdown table)
#   COMPARE=DIR bench/startup.sh   also measures DIR's ./gale server the same way, in the same runs (another checkout,
#                                  such as the commit before a change: `git archive <commit> | tar -x -C DIR`)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/java-home.sh"
runs="${1:-5}"
port=18765
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/gale" --version >/dev/null   # builds when needed, outside the measurement
compare="${COMPARE:-}"
[ -z "$compare" ] || "$compare/gale" --version >/dev/null
"$JAVA_HOME/bin/javac" -d "$work/baseline" "$root/bench/BaselineServer.java"

now_ms() { date +%s%3N; }

# Starts "$@" in the background, waits for the health answer; prints "<ms to healthy> <idle RSS MB>".
measure() {
  local start pid ms rss
  start=$(now_ms)
  "$@" >"$work/server.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "server died:" >&2; cat "$work/server.log" >&2; exit 1; }
    sleep 0.01
  done
  ms=$(( $(now_ms) - start ))
  sleep 5   # idle: after start-up work (JIT, pools) settles
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$ms $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

started="$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
declare -a gale_first_ms gale_first_rss gale_again_ms gale_again_rss base_ms base_rss
declare -a other_first_ms other_first_rss other_again_ms other_again_rss
for i in $(seq "$runs"); do
  data="$work/data-$i"
  read -r ms rss < <(measure "$root/gale" server --port "$port" --data-dir "$data"); gale_first_ms+=("$ms"); gale_first_rss+=("$rss")
  read -r ms rss < <(measure "$root/gale" server --port "$port" --data-dir "$data"); gale_again_ms+=("$ms"); gale_again_rss+=("$rss")
  if [ -n "$compare" ]; then
    read -r ms rss < <(measure "$compare/gale" server --port "$port" --data-dir "$data-other"); other_first_ms+=("$ms"); other_first_rss+=("$rss")
    read -r ms rss < <(measure "$compare/gale" server --port "$port" --data-dir "$data-other"); other_again_ms+=("$ms"); other_again_rss+=("$rss")
  fi
  read -r ms rss < <(measure "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$work/baseline" BaselineServer "$port"); base_ms+=("$ms"); base_rss+=("$rss")
done

m() { printf '%s\n' "$@" | median; }
b_ms=$(m "${base_ms[@]}"); b_rss=$(m "${base_rss[@]}")
row() { # name ms rss
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$2" "$(awk -v a="$2" -v b="$b_ms" 'BEGIN {printf "%.1fx", a/b}')" "$3" "$(awk -v a="$3" -v b="$b_rss" 'BEGIN {printf "%.1fx", a/b}')"
}
echo "Median of $runs runs, $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "Started $started; ended with load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| server | start to healthy (ms) | vs baseline | idle RSS (MB) | vs baseline |"
echo "|---|---|---|---|---|"
row "Gale, first start (new H2 store, migrations)" "$(m "${gale_first_ms[@]}")" "$(m "${gale_first_rss[@]}")"
row "Gale, restart (existing store)" "$(m "${gale_again_ms[@]}")" "$(m "${gale_again_rss[@]}")"
if [ -n "$compare" ]; then
  row "Gale of $compare, first start" "$(m "${other_first_ms[@]}")" "$(m "${other_first_rss[@]}")"
  row "Gale of $compare, restart" "$(m "${other_again_ms[@]}")" "$(m "${other_again_rss[@]}")"
fi
row "Baseline: JDK HttpServer, one health path" "$b_ms" "$b_rss"
