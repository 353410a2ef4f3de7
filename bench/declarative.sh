#!/usr/bin/env bash
# A paginated declarative stream into Dev Null: gale replicate with the REST API source (run on the manifest
# interpreter) beside a plain Java client that fetches and parses the same pages, in the same run, at ROWS records and
# at ROWS/10 (peak memory should not grow with the records). Prints a Markdown table.
#   bench/declarative.sh                  1M records in pages of 1,000, 3 runs
#   ROWS=100000 RUNS=1 bench/declarative.sh
# Needs no root and no database: the API is bench/PagedApiServer.java on 127.0.0.1, serving bodies built before it
# starts. Needs GNU time at /usr/bin/time and curl.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/java-home.sh"
. "$root/bench/lib.sh"

rows="${ROWS:-1000000}"
page_size="${PAGE_SIZE:-1000}"
runs="${RUNS:-3}"
[[ "$rows" =~ ^[0-9]+$ ]] && [ "$rows" -ge 10 ] || bench_die "ROWS must be a whole number of at least 10, got '$rows'"
[[ "$page_size" =~ ^[1-9][0-9]*$ ]] || bench_die "PAGE_SIZE must be a positive whole number, got '$page_size'"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || bench_die "RUNS must be a positive whole number, got '$runs'"
[ -x /usr/bin/time ] || bench_die "no GNU time at /usr/bin/time (Debian package time)"
command -v curl >/dev/null || bench_die "no curl"
small=$(( rows / 10 ))

log() { echo "[$(date +%T)] $*" >&2; }

"$root/gale" --version >/dev/null   # builds when needed, outside the measurement
dist="$root/gale-app/target"
java="$JAVA_HOME/bin/java"
bench_workdir
# The servers stop with the script, whichever way it ends; then the lib's clean-up removes the files.
server_pids=()
stop_servers() {
  local status=$? pid
  for pid in "${server_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  (exit "$status")
  bench_cleanup
}
trap stop_servers EXIT

# Compiled beforehand, so that no measurement pays for the source launcher's compilation.
"$JAVA_HOME/bin/javac" -d "$BENCH_WORK/classes" -cp "$dist/lib/*" "$root/bench/PagedApiServer.java" \
  "$root/bench/PagedApiClient.java"

# One server per size, each holding its pages ready: starts it and waits for it to serve. Sets server_port, server_pid.
start_server() { # records
  local attempt
  for attempt in 1 2 3 4 5; do
    server_port="$(bench_free_port)"
    "$java" -XX:+UseSerialGC -Xmx2g -cp "$BENCH_WORK/classes" PagedApiServer "$server_port" "$1" "$page_size" \
      >"$BENCH_WORK/server-$1.log" 2>&1 &
    server_pid=$!
    server_pids+=("$server_pid")
    while kill -0 "$server_pid" 2>/dev/null && ! grep -q '^ready' "$BENCH_WORK/server-$1.log"; do
      sleep 0.2
    done
    grep -q '^ready' "$BENCH_WORK/server-$1.log" && return
    grep -q "Address already in use" "$BENCH_WORK/server-$1.log" && [ "$attempt" -lt 5 ] \
      || { cat "$BENCH_WORK/server-$1.log" >&2; bench_die "the API server did not start"; }
  done
}

# CPU seconds a process has used so far (user and system).
process_cpu() { # pid
  awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f\n", ($14 + $15) / hz}' "/proc/$1/stat"
}

log "building pages: $rows and $small records of $page_size a page..."
start_server "$rows"
large_port=$server_port
large_pid=$server_pid
start_server "$small"
small_port=$server_port
small_pid=$server_pid

echo '{"test_destination": {"test_destination_type": "SILENT"}}' >"$BENCH_WORK/dev-null.json"
source_config() { # port
  cat >"$BENCH_WORK/source-$1.json" <<EOF
{"url": "http://127.0.0.1:$1/v1/orders", "records_path": "data", "primary_key": "id",
 "pagination": {"pagination_type": "page_number", "page_size": $page_size, "page_size_param": "per_page"}}
EOF
}
source_config "$large_port"
source_config "$small_port"

# Both clients run with the JVM flags ./gale gives replicate (GALE_JAVA_OPTS replaces them for Gale), so that the
# heap and the collector are alike; Gale also has its class-data archive, written by the warm-up.
baseline_opts="-XX:+UseSerialGC -Xss512k -Xmn64m -Xmx320m"
gale_command() { # port
  command_line=("$root/gale" replicate --source gale/source-rest-api --source-config "$BENCH_WORK/source-$1.json"
    --destination airbyte/destination-dev-null --destination-config "$BENCH_WORK/dev-null.json")
}
baseline_command() { # port
  command_line=("$java" $baseline_opts -cp "$BENCH_WORK/classes:$dist/lib/*" PagedApiClient
    "http://127.0.0.1:$1/v1/orders" "$page_size")
}

# Appends "name records wall client_cpu client_rss_kb server_cpu others_cpu" to the results; checks the count.
results="$BENCH_WORK/results"
: >"$results"
measure() { # name, records, port, server pid
  local name=$1 records=$2 port=$3 pid=$4 busy_before server_before start end count
  if [ "${name%%_*}" = gale ]; then gale_command "$port"; else baseline_command "$port"; fi
  server_before=$(process_cpu "$pid")
  busy_before=$(bench_busy_cpu)
  start=$(bench_now)
  bench_time "$BENCH_WORK/time" "${command_line[@]}" >"$BENCH_WORK/out" 2>"$BENCH_WORK/err" \
    || { cat "$BENCH_WORK/out" >&2; tail -n 30 "$BENCH_WORK/err" >&2; bench_die "$name failed"; }
  end=$(bench_now)
  if [ "${name%%_*}" = gale ]; then
    count="$(sed -n 's/^Sync succeeded: \([0-9]*\) records.*/\1/p' "$BENCH_WORK/out")"
  else
    count="$(cat "$BENCH_WORK/out")"
  fi
  [ "$count" = "$records" ] || bench_die "$name: read '$count' records, expected $records"
  echo "$name $records $start $end $(bench_times_of "$BENCH_WORK/time") $server_before $(process_cpu "$pid")" \
    "$busy_before $(bench_busy_cpu)" | awk '{wall = $4 - $3; server = $8 - $7;
      print $1, $2, wall, $5, $6, server, ($10 - $9) - $5 - server}' >>"$results"
}

# Unmeasured: each client once on the small API (binaries into the OS cache, Gale's class-data archive).
log "warming up: each client once on $small records"
measure gale_warmup "$small" "$small_port" "$small_pid"
measure baseline_warmup "$small" "$small_port" "$small_pid"
: >"$results"

# Interleaved, so that a noisy neighbour touches every contender alike.
for run in $(seq "$runs"); do
  for size in small large; do
    if [ "$size" = small ]; then records=$small port=$small_port pid=$small_pid
    else records=$rows port=$large_port pid=$large_pid; fi
    log "run $run of $runs: $records records, baseline"
    measure "baseline_$size" "$records" "$port" "$pid"
    log "run $run of $runs: $records records, gale replicate"
    measure "gale_$size" "$records" "$port" "$pid"
  done
done

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
column_of() { awk -v n="$1" -v c="$2" '$1 == n {print $c}' "$results"; }
row() { # name, baseline name, label
  local records wall all cpu rss server others baseline
  records="$(column_of "$1" 2 | head -n 1)"
  wall="$(column_of "$1" 3 | median)"
  all="$(column_of "$1" 3 | awk '{printf "%s%.1f", (NR > 1 ? ", " : ""), $1}')"
  cpu="$(column_of "$1" 4 | median)"
  rss="$(column_of "$1" 5 | sort -n | tail -n 1)"
  server="$(column_of "$1" 6 | median)"
  others="$(awk -v n="$1" '$1 == n {print $7 / $3}' "$results" | median)"
  baseline="$(column_of "$2" 3 | median)"
  awk -v label="$3" -v records="$records" -v wall="$wall" -v all="$all" -v cpu="$cpu" -v rss="$rss" \
    -v server="$server" -v others="$others" -v baseline="$baseline" 'BEGIN {
      printf "| %s | %d | %.1f (%s) | %.0f | %.2f | %.2f | %.0f | %.2f | %.1f |\n", label, records, wall, all,
        records / wall, baseline / wall, cpu * 1e6 / records, rss / 1024, server * 1e6 / records, others}'
}
peak() { column_of "$1" 5 | sort -n | tail -n 1; }

echo "ROWS=$rows PAGE_SIZE=$page_size RUNS=$runs bench/declarative.sh, $(date -u +'%Y-%m-%d %H:%M UTC');" \
  "medians of $runs run(s), peak RSS the highest"
echo "$(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(free -g \
  | awk '/^Mem:/ {print $2}') GB RAM; $("$java" -version 2>&1 | head -n 1)"
echo
echo "| client | records | wall s (each run) | records/s | records/s vs baseline | client CPU µs/record | client peak RSS MB | server CPU µs/record | others' load (cores) |"
echo "|---|---|---|---|---|---|---|---|---|"
row baseline_small baseline_small "baseline: JDK HttpClient + Jackson into maps, counting"
row gale_small baseline_small "gale replicate REST API → Dev Null (page number pagination)"
row baseline_large baseline_large "baseline: JDK HttpClient + Jackson into maps, counting"
row gale_large baseline_large "gale replicate REST API → Dev Null (page number pagination)"
echo
awk -v small="$(peak gale_small)" -v large="$(peak gale_large)" -v bs="$(peak baseline_small)" \
  -v bl="$(peak baseline_large)" -v s="$small" -v l="$rows" 'BEGIN {
    printf "Peak RSS from %d to %d records: Gale %.0f → %.0f MB (%.2fx), baseline %.0f → %.0f MB (%.2fx).\n",
      s, l, small / 1024, large / 1024, large / small, bs / 1024, bl / 1024, bl / bs}'
