#!/usr/bin/env bash
# The cost of the protocol edge: gale replicate with an external source (a program speaking the Airbyte Protocol on
# stdout, bench/GaleBenchSource.java run as `source-gale-bench` from the PATH) beside the built-in Sample Data source
# emitting the same users records, each into Dev Null and into PostgreSQL, in the same run. Prints a Markdown table.
#   bench/external.sh                     5M records, 1 run
#   ROWS=500000 bench/external.sh         500k records, 3 runs (RUNS defaults to 1 from 5M records up, else 3)
# Runs as root (the PostgreSQL cluster runs as the postgres OS user). Needs a gale whose replicate resolves
# airbyte/source-gale-bench to the program source-gale-bench on the PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/java-home.sh"
. "$root/bench/lib.sh"

rows="${ROWS:-5000000}"
[[ "$rows" =~ ^[0-9]+$ ]] && [ "$rows" -ge 1 ] || bench_die "ROWS must be a positive whole number, got '$rows'"
runs="${RUNS:-$([ "$rows" -ge 5000000 ] && echo 1 || echo 3)}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || bench_die "RUNS must be a positive whole number, got '$runs'"

log() { echo "[$(date +%T)] $*" >&2; }

bench_need_root
"$root/gale" --version >/dev/null   # builds when needed, outside the measurement
bench_workdir
bench_pg_start
log "cluster on 127.0.0.1:$PG_PORT in $PG_DATA"

# The external source: compiled once (no measurement pays for javac), on the PATH under its short name.
mkdir -p "$BENCH_WORK/classes" "$BENCH_WORK/bin"
"$JAVA_HOME/bin/javac" -d "$BENCH_WORK/classes" "$root/bench/GaleBenchSource.java"
ln -s "$root/bench/bin/source-gale-bench" "$BENCH_WORK/bin/source-gale-bench"
export GALE_BENCH_CLASSES="$BENCH_WORK/classes"
export PATH="$BENCH_WORK/bin:$PATH"

# Both sources emit `rows` users with a state every 1000 records; Sample Data with its default 4 generating threads.
config_of() { # file, records
  echo "{\"count\": $2, \"seed\": 1, \"records_per_slice\": 1000}" >"$1"
}
config_of "$BENCH_WORK/source.json" "$rows"
config_of "$BENCH_WORK/warmup.json" 1000
echo '{"test_destination": {"test_destination_type": "SILENT"}}' >"$BENCH_WORK/devnull.json"
cat >"$BENCH_WORK/postgres.json" <<EOF
{"host": "127.0.0.1", "port": $PG_PORT, "database": "dst", "schema": "public", "username": "postgres",
 "ssl_mode": {"mode": "disable"}}
EOF

fresh_target() {
  bench_psql -d postgres -c "DROP DATABASE IF EXISTS dst" -c "CREATE DATABASE dst"
}

begin() {
  bench_psql -d postgres -c "CHECKPOINT"
  server_before=$(bench_server_cpu)
  busy_before=$(bench_busy_cpu)
  start=$(bench_now)
}

# Appends "name wall client_cpu client_rss_kb server_cpu others_cpu" to the results (as bench/pg_to_pg.sh does).
results="$BENCH_WORK/results"
: >"$results"
finish() { # name, time file
  local end server busy client
  end=$(bench_now)
  server=$(bench_server_cpu)
  busy=$(bench_busy_cpu)
  client="$(bench_times_of "$2")"
  echo "$1 $start $end $client $server_before $server $busy_before $busy" | awk '{wall = $3 - $2;
    server = $7 - $6; print $1, wall, $4, $5, server, ($9 - $8) - $4 - server}' >>"$results"
}

# gale replicate as a user runs it: the ./gale launcher with its JVM flags, start-up included.
gale_replicate() { # source, source config, destination, destination config
  gale_command=("$root/gale" replicate --source "$1" --source-config "$2" --stream users
    --destination "$3" --destination-config "$4" --sync-mode full_refresh --destination-sync-mode overwrite)
}

run_gale() { # name, source, destination, destination config
  gale_replicate "$2" "$BENCH_WORK/source.json" "$3" "$4"
  begin
  bench_time "$BENCH_WORK/time.gale" "${gale_command[@]}" >"$BENCH_WORK/gale.out" 2>"$BENCH_WORK/gale.err" \
    || { cat "$BENCH_WORK/gale.out" >&2; tail -n 30 "$BENCH_WORK/gale.err" >&2; bench_die "gale replicate ($1) failed"; }
  finish "$1" "$BENCH_WORK/time.gale"
  log "  $(head -n 1 "$BENCH_WORK/gale.out")"
  grep -q "Sync succeeded: $rows records" "$BENCH_WORK/gale.out" \
    || bench_die "$1: gale replicate did not report $rows records: $(head -n 1 "$BENCH_WORK/gale.out")"
}

measure_postgres() { # name, source
  fresh_target
  run_gale "$1" "$2" airbyte/destination-postgres "$BENCH_WORK/postgres.json"
  local count
  count="$(bench_value dst "SELECT count(DISTINCT id) FROM public.users")"
  [ "$count" = "$rows" ] || bench_die "$1: public.users holds $count distinct ids, expected $rows"
}

# The generator alone into /dev/null: the ceiling of the external rows, far above them if it is not the bottleneck.
measure_generator() {
  begin
  bench_time "$BENCH_WORK/time.generator" source-gale-bench read --config "$BENCH_WORK/source.json" \
    --catalog /dev/null >/dev/null
  finish generator "$BENCH_WORK/time.generator"
}

# Unmeasured: binaries into the OS cache, the class-data archive ./gale writes at its first replicate after a
# build, and a check that this gale resolves the external source's short name at all.
log "warming up: each pipeline once on 1000 records"
for source in airbyte/source-faker airbyte/source-gale-bench; do
  gale_replicate "$source" "$BENCH_WORK/warmup.json" airbyte/destination-dev-null "$BENCH_WORK/devnull.json"
  "${gale_command[@]}" >/dev/null 2>"$BENCH_WORK/gale.err" \
    || { tail -n 30 "$BENCH_WORK/gale.err" >&2; bench_die "the warm-up sync from $source failed" \
      "(airbyte/source-gale-bench needs a gale replicate that runs source-gale-bench from the PATH)"; }
done

# Interleaved, so that a noisy neighbour or a warming cache touches every contender alike.
for run in $(seq "$runs"); do
  log "run $run of $runs: the generator alone into /dev/null"
  measure_generator
  log "run $run of $runs: Sample Data -> Dev Null"
  run_gale builtin_devnull airbyte/source-faker airbyte/destination-dev-null "$BENCH_WORK/devnull.json"
  log "run $run of $runs: external -> Dev Null"
  run_gale external_devnull airbyte/source-gale-bench airbyte/destination-dev-null "$BENCH_WORK/devnull.json"
  log "run $run of $runs: Sample Data -> PostgreSQL"
  measure_postgres builtin_pg airbyte/source-faker
  log "run $run of $runs: external -> PostgreSQL"
  measure_postgres external_pg airbyte/source-gale-bench
done
bench_psql -d postgres -c "DROP DATABASE IF EXISTS dst"

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
column_of() { awk -v n="$1" -v c="$2" '$1 == n {print $c}' "$results"; }
row() { # name, label, name of the row it is compared with
  local wall all cpu rss server others base
  wall="$(column_of "$1" 2 | median)"
  all="$(column_of "$1" 2 | awk '{printf "%s%.1f", (NR > 1 ? ", " : ""), $1}')"
  cpu="$(column_of "$1" 3 | median)"
  rss="$(column_of "$1" 4 | sort -n | tail -n 1)"
  server="$(column_of "$1" 5 | median)"
  others="$(awk -v n="$1" '$1 == n {print $6 / $2}' "$results" | median)"
  base="$(column_of "$3" 2 | median)"
  awk -v label="$2" -v wall="$wall" -v all="$all" -v cpu="$cpu" -v rss="$rss" -v server="$server" \
    -v others="$others" -v rows="$rows" -v base="$base" 'BEGIN {
      printf "| %s | %.1f (%s) | %.0f | %.2f | %.2f | %.0f | %.2f | %.1f |\n", label, wall, all, rows / wall,
        base / wall, cpu * 1e6 / rows, rss / 1024, server * 1e6 / rows, others}'
}

echo "ROWS=$rows RUNS=$runs bench/external.sh, $(date -u +'%Y-%m-%d %H:%M UTC'); medians of $runs run(s), peak RSS the highest"
echo "$(bench_environment); $rows users records"
echo
echo "| pipeline | wall s (each run) | records/s | records/s vs built-in | client CPU µs/record | client peak RSS MB | server CPU µs/record | others' load (cores) |"
echo "|---|---|---|---|---|---|---|---|"
row generator "the external source alone: source-gale-bench read > /dev/null" generator
row builtin_devnull "gale replicate Sample Data → Dev Null" builtin_devnull
row external_devnull "gale replicate external source → Dev Null" builtin_devnull
row builtin_pg "gale replicate Sample Data → PostgreSQL (full refresh, overwrite)" builtin_pg
row external_pg "gale replicate external source → PostgreSQL (full refresh, overwrite)" builtin_pg
