#!/usr/bin/env bash
# PostgreSQL -> the lake: gale replicate to S3 as Parquet/snappy (local-s3-rest on loopback) and to DuckDB, beside
# the two baselines in the same run: PostgreSQL's native binary COPY read of the table, and DuckDB writing the same
# rows to Parquet/snappy itself. Prints a Markdown table.
#   bench/pg_to_lake.sh                     10M rows of firenibble, 1 run
#   ROWS=1000000 bench/pg_to_lake.sh        1M rows, 3 runs (RUNS defaults to 1 from 10M rows up, else 3)
#   ONLY="gale_s3" bench/pg_to_lake.sh       only some of native, duckdb_parquet, gale_s3, gale_duckdb (a probe; the
#                                           ratios need both baselines)
# Runs as root (the cluster runs as the postgres OS user). FIRENIBBLE_SQL names the table generator (default
# ../shared/bench/firenibble.sql beside the repository).
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

only=" ${ONLY:-native duckdb_parquet gale_s3 gale_duckdb} "
wanted() { [[ "$only" == *" $1 "* ]]; }
log() { echo "[$(date +%T)] $*" >&2; }

bench_need_root
"$root/gale" --version >/dev/null   # builds when needed, outside the measurement
bench_workdir

# The helper program runs on the S3 module's test class path: local-s3-rest, the AWS SDK and DuckDB's driver.
"$root/mvnw" -f "$root/pom.xml" -B -ntp -q -o -pl gale-connectors/s3 -am dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_WORK/tools.cp" >/dev/null \
  || bench_die "could not resolve the class path of the S3 module's tests (run ./gale test once)"
tools_command=("$JAVA_HOME/bin/java" -Xmx2g --enable-native-access=ALL-UNNAMED -cp "$(cat "$BENCH_WORK/tools.cp")" "$root/bench/LakeTools.java")
tools() { "${tools_command[@]}" "$@"; }

bench_pg_start
log "cluster on 127.0.0.1:$PG_PORT in $PG_DATA; loading $rows rows of firenibble..."
bench_psql -d postgres -c "CREATE DATABASE src"
bench_psql -d src -v rows="$rows" -f "$firenibble" >/dev/null
bench_psql -d src -c "VACUUM (FREEZE, ANALYZE) firenibble"
bench_value src "SELECT count(*) FROM firenibble" >/dev/null

# The S3 server: its own process, so that its CPU and memory are not counted as the client's.
s3_port="$(bench_free_port)"
mkdir -p "$BENCH_WORK/s3"
coproc S3_SERVER { tools s3-server "$s3_port" "$BENCH_WORK/s3" lake 2>"$BENCH_WORK/s3.log"; }
read -r -t 60 ready <&"${S3_SERVER[0]}" && [ "$ready" = ready ] \
  || { cat "$BENCH_WORK/s3.log" >&2; bench_die "the S3 server did not start"; }
s3_endpoint="http://127.0.0.1:$s3_port"
s3_pid="$(pgrep -P "$S3_SERVER_PID" java | head -n 1)"
[ -n "$s3_pid" ] || bench_die "cannot find the S3 server's process"
log "S3 on $s3_endpoint (process $s3_pid)"
# The S3 server's CPU is counted apart: it shares the cores with the client and PostgreSQL, and its work grows with
# the bytes stored (it copies each part's body as it arrives and hashes it).
s3_cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f\n", ($14 + $15) / hz}' "/proc/$s3_pid/stat"; }

# DuckDB's baseline reads the rows from its own file; loading it is not measured.
if wanted duckdb_parquet; then
  log "loading the same rows into DuckDB for its Parquet baseline..."
  bench_psql -d src -c "COPY firenibble TO STDOUT (FORMAT csv)" >"$BENCH_WORK/firenibble.csv"
  duck_ddl="$(bench_value src "SELECT 'CREATE TABLE firenibble (' || string_agg(quote_ident(attname) || ' '
    || CASE format_type(atttypid, atttypmod) WHEN 'double precision' THEN 'DOUBLE'
       WHEN 'character varying(32)' THEN 'VARCHAR' ELSE format_type(atttypid, atttypmod) END, ', ' ORDER BY attnum)
    || ')' FROM pg_attribute WHERE attrelid = 'firenibble'::regclass AND attnum > 0 AND NOT attisdropped")"
  tools duckdb-load "$BENCH_WORK/baseline.duckdb" "$BENCH_WORK/firenibble.csv" "$duck_ddl"
  rm -f "$BENCH_WORK/firenibble.csv"
fi

# Three rows spot-checked in every result, compared by PostgreSQL in the source's types.
mid=$(( rows / 2 + 1 ))
spot_expr="concat_ws('|', id::bigint, a_big::bigint, b_big::bigint, c_int::bigint, d_dbl::float8, e_dbl::float8,
  f_dbl::float8, g_dbl::float8, h_txt::text, i_txt::text, j_date::date, k_date::date, l_date::date, m_txt::text,
  n_txt::text, o_txt::text)"
# Airbyte's DuckDB destination (and Gale's) types numbers DECIMAL(38,9): its doubles are compared to within the
# rounding to 9 digits (PostgreSQL's own float8::numeric keeps only 15 significant digits, so rounding both sides
# there could differ in the last digit).
spot_expr_decimal="concat_ws('|', id::bigint, a_big::bigint, b_big::bigint, c_int::bigint, h_txt::text, i_txt::text,
  j_date::date, k_date::date, l_date::date, m_txt::text, n_txt::text, o_txt::text)"
spot_of() { # FROM clause in the source database, [expression]
  bench_value src "SELECT string_agg(${2:-$spot_expr}, ' / ' ORDER BY id) FROM $1 WHERE id IN (1, $mid, $rows)"
}
expected="$(spot_of firenibble)"
expected_decimal="$(spot_of firenibble "$spot_expr_decimal")"

# What DuckDB reads in a result (a FROM clause, and a database file to attach as db) must be the source's rows;
# a DuckDB database is Gale's DuckDB destination, with numbers as decimals.
verify_with_duckdb() { # label, FROM clause, [database file]
  local out count got expression=$spot_expr want=$expected
  if [ -n "${3:-}" ]; then
    expression=$spot_expr_decimal
    want=$expected_decimal
  fi
  out="$(tools spot "$2" "1, $mid, $rows" ${3:+"$3"})" || bench_die "$1: DuckDB could not read the result"
  count="$(sed -n 1p <<<"$out")"
  [ "$count" = "$rows" ] || bench_die "$1: DuckDB reads $count rows, expected $rows"
  local records="json_populate_recordset(NULL::firenibble, \$json\$$(sed -n 2p <<<"$out")\$json\$)"
  got="$(spot_of "$records" "$expression")"
  [ "$got" = "$want" ] || bench_die "$1: rows 1, $mid and $rows differ from the source: '$got' vs '$want'"
  local close
  close="$(bench_value src "SELECT count(*) = 3 AND bool_and(abs(s.d_dbl - r.d_dbl) <= 1e-9 AND abs(s.e_dbl - r.e_dbl)
    <= 1e-9 AND abs(s.f_dbl - r.f_dbl) <= 1e-9 AND abs(s.g_dbl - r.g_dbl) <= 1e-9) FROM firenibble s JOIN $records r
    USING (id)")"
  [ "$close" = t ] || bench_die "$1: the numbers of rows 1, $mid and $rows are not the source's to 9 digits"
}

# Clocks of a measurement: wall time, the cluster's CPU and the whole machine's (see bench/pg_to_pg.sh).
begin() {
  bench_psql -d postgres -c "CHECKPOINT"
  sync
  server_before=$(bench_server_cpu)
  s3_before=$(s3_cpu)
  busy_before=$(bench_busy_cpu)
  start=$(bench_now)
}

results="$BENCH_WORK/results"
: >"$results"
finish() { # name, client_cpu_seconds, client_rss_kb
  local end server busy s3
  end=$(bench_now)
  server=$(bench_server_cpu)
  s3=$(s3_cpu)
  busy=$(bench_busy_cpu)
  echo "$1 $start $end $2 $3 $server_before $server $busy_before $busy $s3_before $s3" | awk '{wall = $3 - $2;
    server = $7 - $6; s3 = $11 - $10; print $1, wall, $4, $5, server, ($9 - $8) - $4 - server - s3, s3}' >>"$results"
}

measure_native() {
  begin
  bench_time "$BENCH_WORK/time.copy" "${BENCH_PSQL[@]}" -d src -c "COPY firenibble TO STDOUT (FORMAT binary)" \
    >/dev/null
  finish native $(bench_times_of "$BENCH_WORK/time.copy")
}

measure_duckdb_parquet() {
  rm -f "$BENCH_WORK/baseline.parquet"
  begin
  local figures
  figures="$(bench_time "$BENCH_WORK/time.duck" "${tools_command[@]}" duckdb-parquet "$BENCH_WORK/baseline.duckdb" \
    "$BENCH_WORK/baseline.parquet")"
  # Only DuckDB's COPY is measured, from the figures the tool prints, not the JVM's start or the file's opening;
  # the others' load is taken over the whole process (its CPU as GNU time counts it), the only window /proc gives.
  local end busy process
  end=$(bench_now)
  busy=$(bench_busy_cpu)
  process="$(bench_times_of "$BENCH_WORK/time.duck")"
  echo "duckdb_parquet $figures ${process#* } $(bench_server_cpu) $server_before $start $end $busy_before $busy \
    ${process% *}" | awk '{server = $5 - $6; print $1, $2, $3, $4, server,
      (($10 - $9) - $11 - server) / ($8 - $7) * $2, 0}' >>"$results"
  verify_with_duckdb "DuckDB COPY TO parquet" "read_parquet('$BENCH_WORK/baseline.parquet')"
  rm -f "$BENCH_WORK/baseline.parquet"
}

cat >"$BENCH_WORK/source.json" <<EOF
{"host": "127.0.0.1", "port": $PG_PORT, "database": "src", "username": "postgres", "schemas": ["public"],
 "ssl_mode": {"mode": "disable"}, "replication_method": {"method": "Standard"}}
EOF
cat >"$BENCH_WORK/s3.json" <<EOF
{"s3_bucket_name": "lake", "s3_bucket_path": "bronze", "s3_bucket_region": "us-east-1",
 "access_key_id": "bench", "secret_access_key": "bench-secret", "s3_endpoint": "$s3_endpoint",
 "format": {"format_type": "Parquet", "compression_codec": "SNAPPY"}}
EOF
echo '{"destination_path": "/local/lake.duckdb"}' >"$BENCH_WORK/duckdb.json"

gale_replicate() { # stream, destination, destination config
  gale_command=(env GALE_LOCAL_ROOT="$BENCH_WORK/local" "$root/gale" replicate
    --source airbyte/source-postgres --source-config "$BENCH_WORK/source.json" --stream "$1"
    --destination "$2" --destination-config "$3" --sync-mode full_refresh --destination-sync-mode overwrite)
}

run_gale() { # name, destination, destination config
  gale_replicate public.firenibble "$2" "$3"
  begin
  bench_time "$BENCH_WORK/time.gale" "${gale_command[@]}" >"$BENCH_WORK/gale.out" 2>"$BENCH_WORK/gale.err" \
    || { cat "$BENCH_WORK/gale.out" >&2; tail -n 30 "$BENCH_WORK/gale.err" >&2; bench_die "gale replicate ($1) failed"; }
  finish "$1" $(bench_times_of "$BENCH_WORK/time.gale")
  log "  $(head -n 1 "$BENCH_WORK/gale.out")"
}

measure_gale_s3() {
  run_gale gale_s3 airbyte/destination-s3 "$BENCH_WORK/s3.json"
  rm -rf "$BENCH_WORK/download"
  local objects
  objects="$(tools s3-download "$s3_endpoint" lake bronze/public/firenibble/ "$BENCH_WORK/download")"
  log "  $objects Parquet object(s) under s3://lake/bronze/public/firenibble/"
  verify_with_duckdb "gale replicate to S3" "read_parquet('$BENCH_WORK/download/*.parquet')"
  rm -rf "$BENCH_WORK/download"
}

measure_gale_duckdb() {
  rm -rf "$BENCH_WORK/local"
  run_gale gale_duckdb airbyte/destination-duckdb "$BENCH_WORK/duckdb.json"
  verify_with_duckdb "gale replicate to DuckDB" db.public.firenibble "$BENCH_WORK/local/lake.duckdb"
  rm -rf "$BENCH_WORK/local"
}

log "warming up: each client once on 1000 rows"
bench_psql -d src -c "CREATE TABLE warmup AS SELECT * FROM firenibble LIMIT 1000"
bench_psql -d src -c "COPY warmup TO STDOUT (FORMAT binary)" >/dev/null
for destination in "airbyte/destination-s3 $BENCH_WORK/s3.json" "airbyte/destination-duckdb $BENCH_WORK/duckdb.json"; do
  gale_replicate public.warmup ${destination}
  "${gale_command[@]}" >/dev/null 2>"$BENCH_WORK/gale.err" \
    || { tail -n 30 "$BENCH_WORK/gale.err" >&2; bench_die "the warm-up sync failed"; }
done
bench_psql -d src -c "DROP TABLE warmup"

for run in $(seq "$runs"); do
  if wanted native; then log "run $run of $runs: native binary COPY read"; measure_native; fi
  if wanted duckdb_parquet; then log "run $run of $runs: DuckDB COPY TO parquet"; measure_duckdb_parquet; fi
  if wanted gale_s3; then log "run $run of $runs: gale replicate -> S3 Parquet/snappy"; measure_gale_s3; fi
  if wanted gale_duckdb; then log "run $run of $runs: gale replicate -> DuckDB"; measure_gale_duckdb; fi
done
exec {S3_SERVER[1]}>&-

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
column_of() { awk -v n="$1" -v c="$2" '$1 == n {print $c}' "$results"; }
slower_baseline="$( (column_of native 2 | median; column_of duckdb_parquet 2 | median) | sort -n | tail -n 1)"
row() { # name, label
  wanted "$1" || return 0
  local wall all cpu rss server others s3
  wall="$(column_of "$1" 2 | median)"
  all="$(column_of "$1" 2 | awk '{printf "%s%.1f", (NR > 1 ? ", " : ""), $1}')"
  cpu="$(column_of "$1" 3 | median)"
  rss="$(column_of "$1" 4 | sort -n | tail -n 1)"
  server="$(column_of "$1" 5 | median)"
  others="$(awk -v n="$1" '$1 == n {print $6 / $2}' "$results" | median)"
  s3="$(column_of "$1" 7 | median)"
  awk -v label="$2" -v wall="$wall" -v all="$all" -v cpu="$cpu" -v rss="$rss" -v server="$server" \
    -v others="$others" -v s3="$s3" -v rows="$rows" -v base="$slower_baseline" 'BEGIN {
      printf "| %s | %.1f (%s) | %.0f | %.2f | %.2f | %.0f | %.2f | %.2f | %.1f |\n", label, wall, all, rows / wall,
        base / wall, cpu * 1e6 / rows, rss / 1024, server * 1e6 / rows, s3 * 1e6 / rows, others}'
}

echo "ROWS=$rows RUNS=$runs bench/pg_to_lake.sh, $(date -u +'%Y-%m-%d %H:%M UTC'); medians of $runs run(s), peak RSS the highest"
echo "$(bench_environment); $rows rows of firenibble"
echo
echo "| pipeline | wall s (each run) | rows/s | vs slower baseline | client CPU µs/row | client peak RSS MB | server CPU µs/row | S3 server CPU µs/row | others' load (cores) |"
echo "|---|---|---|---|---|---|---|---|---|"
row native "baseline: psql COPY TO STDOUT (FORMAT binary) > /dev/null"
row duckdb_parquet "baseline: DuckDB COPY firenibble TO parquet (snappy), from its own file"
row gale_s3 "gale replicate PostgreSQL → S3 Parquet/snappy (local S3 on loopback)"
row gale_duckdb "gale replicate PostgreSQL → DuckDB"
