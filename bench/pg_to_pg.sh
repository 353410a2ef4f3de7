#!/usr/bin/env bash
# PostgreSQL -> PostgreSQL: gale replicate beside the native binary COPY pipe and pgloader, plus gale replicate
# PostgreSQL -> Local JSON, all on one throwaway PostgreSQL 15 cluster in the same run. Prints a Markdown table.
#   bench/pg_to_pg.sh                     10M rows of firenibble, 1 run
#   ROWS=1000000 bench/pg_to_pg.sh        1M rows, 3 runs (RUNS defaults to 1 from 10M rows up, else 3)
# Runs as root (the cluster runs as the postgres OS user); installs pgloader from Debian when missing.
# FIRENIBBLE_SQL names the table generator (default ../shared/bench/firenibble.sql beside the repository).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/java-home.sh"
. "$root/bench/lib.sh"

rows="${ROWS:-10000000}"
[[ "$rows" =~ ^[0-9]+$ ]] && [ "$rows" -ge 3 ] || bench_die "ROWS must be a whole number of at least 3, got '$rows'"
runs="${RUNS:-$([ "$rows" -ge 10000000 ] && echo 1 || echo 3)}"
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || bench_die "RUNS must be a positive whole number, got '$runs'"
firenibble="${FIRENIBBLE_SQL:-$root/../shared/bench/firenibble.sql}"
[ -r "$firenibble" ] || bench_die "cannot read the table generator $firenibble (set FIRENIBBLE_SQL)"

log() { echo "[$(date +%T)] $*" >&2; }

bench_need_root
bench_need_pgloader
"$root/gale" --version >/dev/null   # builds when needed, outside the measurement
bench_workdir
bench_pg_start
log "cluster on 127.0.0.1:$PG_PORT in $PG_DATA; loading $rows rows of firenibble..."
bench_psql -d postgres -c "CREATE DATABASE src"
bench_psql -d src -v rows="$rows" -f "$firenibble" >/dev/null
# Vacuum now sets the hint bits and visibility map that the first full scan would otherwise write while measured;
# the count then reads the table into the OS cache (10M rows are about 3 GB).
bench_psql -d src -c "VACUUM (FREEZE, ANALYZE) firenibble"
bench_value src "SELECT count(*) FROM firenibble" >/dev/null

# The targets get the source's columns and types but, like Gale's tables, no key or index: this measures moving
# the data, not building a primary key afterwards.
copy_ddl="$(bench_value src "SELECT 'CREATE TABLE firenibble_copy (' || string_agg(quote_ident(attname) || ' '
  || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) || ')' FROM pg_attribute
  WHERE attrelid = 'firenibble'::regclass AND attnum > 0 AND NOT attisdropped")"

# Three rows spot-checked in every result: each value as text in the source's types (Gale's typed tables widen
# integer to bigint and double precision to numeric; the casts undo that without rounding).
mid=$(( rows / 2 + 1 ))
spot_expr="concat_ws('|', id::bigint, a_big::bigint, b_big::bigint, c_int::bigint, d_dbl::float8, e_dbl::float8,
  f_dbl::float8, g_dbl::float8, h_txt::text, i_txt::text, j_date::date, k_date::date, l_date::date, m_txt::text,
  n_txt::text, o_txt::text)"
spot_of() { # database, FROM clause
  bench_value "$1" "SELECT string_agg($spot_expr, ' / ' ORDER BY id) FROM $2 WHERE id IN (1, $mid, $rows)"
}
expected="$(spot_of src firenibble)"

verify_table() { # label, database, table
  local count got
  count="$(bench_value "$2" "SELECT count(*) FROM $3")"
  [ "$count" = "$rows" ] || bench_die "$1: $3 holds $count rows, expected $rows"
  got="$(spot_of "$2" "$3")"
  [ "$got" = "$expected" ] || bench_die "$1: rows 1, $mid and $rows of $3 differ from the source: '$got' vs '$expected'"
}

# The JSON lines are read back by PostgreSQL itself into the source table's types, then compared like the tables.
verify_json() { # label, file
  local count records got
  [ -f "$2" ] || bench_die "$1: no file $2"
  count="$(wc -l < "$2")"
  [ "$count" = "$rows" ] || bench_die "$1: $2 holds $count lines, expected $rows"
  records="$(grep -E "\"_airbyte_data\":\\{\"id\":(1|$mid|$rows)," "$2" | jq -cs 'map(._airbyte_data)')"
  got="$(spot_of src "json_populate_recordset(NULL::firenibble, \$json\$$records\$json\$)")"
  [ "$got" = "$expected" ] || bench_die "$1: records 1, $mid and $rows of $2 differ from the source: '$got' vs '$expected'"
}

fresh_target() {
  bench_psql -d postgres -c "DROP DATABASE IF EXISTS dst" -c "CREATE DATABASE dst"
}

# Every measurement starts from the same place, the previous one's dirty pages and WAL written out, and notes its
# clocks: wall time, the cluster's CPU and the whole machine's.
begin() {
  bench_psql -d postgres -c "CHECKPOINT"
  server_before=$(bench_server_cpu)
  busy_before=$(bench_busy_cpu)
  start=$(bench_now)
}

# Appends "name wall client_cpu client_rss_kb server_cpu others_cpu" to the results, from the clocks and the GNU
# time files of the client processes (CPU adds up; so do the peaks of processes that run side by side).
results="$BENCH_WORK/results"
: >"$results"
finish() { # name, time files...
  local name=$1 end server busy client
  shift
  end=$(bench_now)
  server=$(bench_server_cpu)
  busy=$(bench_busy_cpu)
  client="$(for file in "$@"; do bench_times_of "$file"; done | awk '{cpu += $1; rss += $2} END {print cpu, rss}')"
  echo "$name $start $end $client $server_before $server $busy_before $busy" | awk '{wall = $3 - $2;
    server = $7 - $6; print $1, wall, $4, $5, server, ($9 - $8) - $4 - server}' >>"$results"
}

measure_native() {
  fresh_target
  bench_psql -d dst -c "$copy_ddl"
  begin
  bench_time "$BENCH_WORK/time.out" "${BENCH_PSQL[@]}" -d src -c "COPY firenibble TO STDOUT (FORMAT binary)" \
    | bench_time "$BENCH_WORK/time.in" "${BENCH_PSQL[@]}" -d dst -c "COPY firenibble_copy FROM STDIN (FORMAT binary)"
  finish native "$BENCH_WORK/time.out" "$BENCH_WORK/time.in"
  verify_table "native pipe" dst firenibble_copy
}

measure_pgloader() {
  fresh_target
  cat >"$BENCH_WORK/pg.load" <<EOF
LOAD DATABASE
  FROM pgsql://postgres@127.0.0.1:$PG_PORT/src
  INTO pgsql://postgres@127.0.0.1:$PG_PORT/dst
  WITH include drop, create tables, create no indexes, no foreign keys, reset no sequences,
       prefetch rows = 10000, batch rows = 10000
  INCLUDING ONLY TABLE NAMES MATCHING 'firenibble' IN SCHEMA 'public';
EOF
  begin
  bench_time "$BENCH_WORK/time.pgloader" pgloader --root-dir "$BENCH_WORK/pgloader" "$BENCH_WORK/pg.load" \
    >"$BENCH_WORK/pgloader.log" 2>&1 || { tail -n 30 "$BENCH_WORK/pgloader.log" >&2; bench_die "pgloader failed"; }
  finish pgloader "$BENCH_WORK/time.pgloader"
  verify_table pgloader dst public.firenibble
}

cat >"$BENCH_WORK/source.json" <<EOF
{"host": "127.0.0.1", "port": $PG_PORT, "database": "src", "username": "postgres", "schemas": ["public"],
 "ssl_mode": {"mode": "disable"}, "replication_method": {"method": "Standard"}}
EOF
cat >"$BENCH_WORK/postgres.json" <<EOF
{"host": "127.0.0.1", "port": $PG_PORT, "database": "dst", "schema": "public", "username": "postgres",
 "ssl_mode": {"mode": "disable"}}
EOF
echo '{"destination_path": "/local/json"}' >"$BENCH_WORK/json.json"

# gale replicate as a user runs it: the ./gale launcher with its JVM flags (or GALE_JAVA_OPTS), start-up included.
# Sets gale_command, an array, for running under bench_time.
gale_replicate() { # stream, destination, destination config
  gale_command=(env GALE_LOCAL_ROOT="$BENCH_WORK/local" "$root/gale" replicate
    --source airbyte/source-postgres --source-config "$BENCH_WORK/source.json" --stream "$1"
    --destination "$2" --destination-config "$3" --sync-mode full_refresh --destination-sync-mode overwrite)
}

run_gale() { # name, destination, destination config
  gale_replicate public.firenibble "$2" "$3"
  begin
  bench_time "$BENCH_WORK/time.gale" "${gale_command[@]}" \
    >"$BENCH_WORK/gale.out" 2>"$BENCH_WORK/gale.err" \
    || { cat "$BENCH_WORK/gale.out" >&2; tail -n 30 "$BENCH_WORK/gale.err" >&2; bench_die "gale replicate ($1) failed"; }
  finish "$1" "$BENCH_WORK/time.gale"
  log "  $(head -n 1 "$BENCH_WORK/gale.out")"
}

measure_gale_postgres() {
  fresh_target
  run_gale gale_pg airbyte/destination-postgres "$BENCH_WORK/postgres.json"
  verify_table "gale replicate to PostgreSQL" dst public.firenibble
}

measure_gale_json() {
  rm -rf "$BENCH_WORK/local"
  run_gale gale_json airbyte/destination-local-json "$BENCH_WORK/json.json"
  verify_json "gale replicate to Local JSON" "$BENCH_WORK/local/json/public/_airbyte_raw_firenibble.jsonl"
  rm -rf "$BENCH_WORK/local"
}

# Unmeasured, each client once on a small table: binaries into the OS cache, and the class-data archive that the
# ./gale launcher writes at the first replicate after a build (a user's second sync finds it).
log "warming up: each client once on 1000 rows"
bench_psql -d src -c "CREATE TABLE warmup AS SELECT * FROM firenibble LIMIT 1000"
fresh_target
bench_psql -d src -c "COPY warmup TO STDOUT (FORMAT binary)" >/dev/null
pgloader --version >/dev/null
gale_replicate public.warmup airbyte/destination-postgres "$BENCH_WORK/postgres.json"
"${gale_command[@]}" >/dev/null 2>"$BENCH_WORK/gale.err" \
  || { tail -n 30 "$BENCH_WORK/gale.err" >&2; bench_die "the warm-up sync failed"; }
bench_psql -d src -c "DROP TABLE warmup"

# Interleaved, so that a noisy neighbour or a warming cache touches every contender alike.
for run in $(seq "$runs"); do
  log "run $run of $runs: native pipe"
  measure_native
  log "run $run of $runs: pgloader"
  measure_pgloader
  log "run $run of $runs: gale replicate -> PostgreSQL"
  measure_gale_postgres
  log "run $run of $runs: gale replicate -> Local JSON"
  measure_gale_json
done
bench_psql -d postgres -c "DROP DATABASE IF EXISTS dst"

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
column_of() { awk -v n="$1" -v c="$2" '$1 == n {print $c}' "$results"; }
native_wall="$(column_of native 2 | median)"
row() { # name, label
  local wall all cpu rss server others
  wall="$(column_of "$1" 2 | median)"
  all="$(column_of "$1" 2 | awk '{printf "%s%.1f", (NR > 1 ? ", " : ""), $1}')"
  cpu="$(column_of "$1" 3 | median)"
  rss="$(column_of "$1" 4 | sort -n | tail -n 1)"
  server="$(column_of "$1" 5 | median)"
  others="$(awk -v n="$1" '$1 == n {print $6 / $2}' "$results" | median)"
  awk -v label="$2" -v wall="$wall" -v all="$all" -v cpu="$cpu" -v rss="$rss" -v server="$server" \
    -v others="$others" -v rows="$rows" -v native="$native_wall" 'BEGIN {
      printf "| %s | %.1f (%s) | %.0f | %.0f%% | %.2f | %.0f | %.2f | %.1f |\n", label, wall, all, rows / wall,
        100 * native / wall, cpu * 1e6 / rows, rss / 1024, server * 1e6 / rows, others}'
}

echo "ROWS=$rows RUNS=$runs bench/pg_to_pg.sh, $(date -u +'%Y-%m-%d %H:%M UTC'); medians of $runs run(s), peak RSS the highest"
echo "$(bench_environment); $rows rows of firenibble"
echo
echo "| pipeline | wall s (each run) | rows/s | rows/s vs native | client CPU µs/row | client peak RSS MB | server CPU µs/row | others' load (cores) |"
echo "|---|---|---|---|---|---|---|---|"
row native "native: psql COPY TO STDOUT binary \| psql COPY FROM STDIN binary"
row pgloader "pgloader PostgreSQL → PostgreSQL"
row gale_pg "gale replicate PostgreSQL → PostgreSQL (full refresh, overwrite)"
row gale_json "gale replicate PostgreSQL → Local JSON (full refresh, overwrite)"
