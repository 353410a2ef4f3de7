#!/usr/bin/env bash
# Server start to first healthy answer, and idle RSS, on the embedded default (H2 file store).
# Beside it, in the same run, the floor: the JDK's bare HTTP server answering the same health path.
#   bench/startup.sh [runs]        (default 5 runs; prints a Markdown table)
#   COMPARE=DIR bench/startup.sh   also measures DIR's ./gale server the same way, in the same runs (another checkout,
#                                  such as the commit before a change: `git archive <commit> | tar -x -C DIR`)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/java-home.sh"
. "$root/bench/lib.sh"
runs="${1:-5}"
port=18765
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$root/gale" --version >/dev/null   # builds when needed, outside the measurement
compare="${COMPARE:-}"
[ -z "$compare" ] || "$compare/gale" --version >/dev/null
"$JAVA_HOME/bin/javac" -d "$work/baseline" "$root/bench/BaselineServer.java"


started="$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
declare -a gale_first_ms gale_first_rss gale_again_ms gale_again_rss base_ms base_rss
declare -a other_first_ms other_first_rss other_again_ms other_again_rss
for i in $(seq "$runs"); do
  data="$work/data-$i"
  read -r ms rss < <(bench_measure_start "$root/gale" server --port "$port" --data-dir "$data"); gale_first_ms+=("$ms"); gale_first_rss+=("$rss")
  read -r ms rss < <(bench_measure_start "$root/gale" server --port "$port" --data-dir "$data"); gale_again_ms+=("$ms"); gale_again_rss+=("$rss")
  if [ -n "$compare" ]; then
    read -r ms rss < <(bench_measure_start "$compare/gale" server --port "$port" --data-dir "$data-other"); other_first_ms+=("$ms"); other_first_rss+=("$rss")
    read -r ms rss < <(bench_measure_start "$compare/gale" server --port "$port" --data-dir "$data-other"); other_again_ms+=("$ms"); other_again_rss+=("$rss")
  fi
  read -r ms rss < <(bench_measure_start "$JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$work/baseline" BaselineServer "$port"); base_ms+=("$ms"); base_rss+=("$rss")
done

b_ms=$(bench_median "${base_ms[@]}"); b_rss=$(bench_median "${base_rss[@]}")
row() { # name ms rss
  printf '| %s | %s | %s | %s | %s |\n' "$1" "$2" "$(awk -v a="$2" -v b="$b_ms" 'BEGIN {printf "%.1fx", a/b}')" "$3" "$(awk -v a="$3" -v b="$b_rss" 'BEGIN {printf "%.1fx", a/b}')"
}
echo "Median of $runs runs, $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
echo "Started $started; ended with load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| server | start to healthy (ms) | vs baseline | idle RSS (MB) | vs baseline |"
echo "|---|---|---|---|---|"
row "Gale, first start (new H2 store, migrations)" "$(bench_median "${gale_first_ms[@]}")" "$(bench_median "${gale_first_rss[@]}")"
row "Gale, restart (existing store)" "$(bench_median "${gale_again_ms[@]}")" "$(bench_median "${gale_again_rss[@]}")"
if [ -n "$compare" ]; then
  row "Gale of $compare, first start" "$(bench_median "${other_first_ms[@]}")" "$(bench_median "${other_first_rss[@]}")"
  row "Gale of $compare, restart" "$(bench_median "${other_again_ms[@]}")" "$(bench_median "${other_again_rss[@]}")"
fi
row "Baseline: JDK HttpServer, one health path" "$b_ms" "$b_rss"
