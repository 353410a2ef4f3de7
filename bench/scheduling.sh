#!/usr/bin/env bash
# Scheduling at scale: N connections on a cron schedule all due in the same minute, Sample Data (one user, the users
# stream) into Dev Null, on the embedded default (H2) and on PostgreSQL. Measures the scheduling lag (due time to job
# created, read from the jobs rows to the microsecond) and the jobs completed per second from the due time to the
# last job's end. Beside it, in the same run and on the same store, the baseline: the same with BASELINE connections,
# where the scheduler and the queue have next to nothing to do. Prints a Markdown table.
#   bench/scheduling.sh                         10,000 connections, baseline 100, both stores, 4 workers
#   CONNECTIONS=2000 STORES=h2 bench/scheduling.sh
# Environment: CONNECTIONS, BASELINE, STORES ("h2 postgresql"), WORKERS (GALE_WORKERS of the server, default 4),
# CREATE_RATE (connections/create calls a second to expect, for the due time; see below).
# Runs as root for PostgreSQL (the cluster runs as the postgres OS user).
#
# The connections are created through the Config API (connections/create, parallel curl), as a user would. Each
# gets the cron expression of one minute of one day and year ("0 M H D Mon ? Y", UTC), the same for all, chosen
# from the expected creation rate so that creating all of them ends before it: every connection is due exactly then
# and never again, and a connection created late would never run (the script then fails; set a lower CREATE_RATE).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/java-home.sh"
. "$root/bench/lib.sh"

connections="${CONNECTIONS:-10000}"
baseline="${BASELINE:-100}"
stores="${STORES:-h2 postgresql}"
workers="${WORKERS:-4}"
[[ "$connections" =~ ^[1-9][0-9]*$ ]] || bench_die "CONNECTIONS must be a positive whole number, got '$connections'"
[[ "$baseline" =~ ^[1-9][0-9]*$ ]] || bench_die "BASELINE must be a positive whole number, got '$baseline'"
[[ "$workers" =~ ^[1-9][0-9]*$ ]] || bench_die "WORKERS must be a positive whole number, got '$workers'"
command -v jq >/dev/null || bench_die "jq is needed (apt-get install jq)"
[[ " $stores " == *" postgresql "* ]] && bench_need_root

log() { echo "[$(date -u +%T)] $*" >&2; }

"$root/gale" --version >/dev/null   # builds when needed, outside the measurement
dist="$root/gale-app/target"
bench_workdir
"$JAVA_HOME/bin/javac" -d "$BENCH_WORK/classes" "$root/bench/JobTimes.java"
job_times() { # jdbc url, user, password file or -
  "$JAVA_HOME/bin/java" -cp "$BENCH_WORK/classes:$dist/lib/*" JobTimes "$@"
}

if [[ " $stores " == *" postgresql "* ]]; then
  bench_pg_start
  log "cluster on 127.0.0.1:$PG_PORT"
fi

port="$(bench_free_port)"
api="http://127.0.0.1:$port/api/v1"
server_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
trap 'status=$?; stop_server; (exit "$status"); bench_cleanup' EXIT

call() { curl -sS --fail-with-body -u airbyte:password -H 'Content-Type: application/json' -X POST "$api/$1" -d "${2:-{\}}"; }

start_server() { # store, data dir
  local env=(GALE_WORKERS="$workers")
  if [ "$1" = postgresql ]; then
    env+=(GALE_DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/gale" GALE_DATABASE_USER=postgres GALE_DATABASE_PASSWORD=)
  fi
  env "${env[@]}" "$root/gale" server --port "$port" --data-dir "$2" >"$BENCH_WORK/server.log" 2>&1 &
  server_pid=$!
  until curl -sf "$api/health" >/dev/null; do
    kill -0 "$server_pid" 2>/dev/null || { tail -n 40 "$BENCH_WORK/server.log" >&2; bench_die "the server did not start"; }
    sleep 0.1
  done
}

# The body of connections/create for every connection; sets source and destination up first.
connection_body() { # cron expression
  local workspace source_id destination_id catalog
  workspace=$(call workspaces/list | jq -r '.workspaces[0].workspaceId')
  source_id=$(call sources/create "$(jq -n --arg ws "$workspace" '{workspaceId: $ws, name: "sample",
    sourceDefinitionId: "dfd88b22-b603-4c3d-aad7-3701784586b1", connectionConfiguration: {count: 1, seed: 1}}')" \
    | jq -r .sourceId)
  destination_id=$(call destinations/create "$(jq -n --arg ws "$workspace" '{workspaceId: $ws, name: "null",
    destinationDefinitionId: "a7bcc9d8-13b3-4e49-b80d-d020b90045e3",
    connectionConfiguration: {test_destination: {test_destination_type: "SILENT"}}}')" | jq -r .destinationId)
  catalog=$(call sources/discover_schema "$(jq -n --arg s "$source_id" '{sourceId: $s}')" \
    | jq '.catalog | .streams |= map(.config.syncMode = "full_refresh" | .config.destinationSyncMode = "overwrite"
      | .config.selected = (.stream.name == "users"))')
  jq -n --arg s "$source_id" --arg d "$destination_id" --argjson c "$catalog" --arg cron "$1" \
    '{sourceId: $s, destinationId: $d, syncCatalog: $c, status: "active", scheduleType: "cron",
      scheduleData: {cron: {cronExpression: $cron, cronTimeZone: "UTC"}}}'
}

# Creates COUNT connections with one curl process, 4 requests in flight; fails unless every answer is a 200.
create_connections() { # count, body file
  local config="$BENCH_WORK/curl.conf" i
  : >"$config"
  for i in $(seq "$1"); do
    [ "$i" -eq 1 ] || echo next >>"$config"
    printf 'url = "%s/connections/create"\nuser = "airbyte:password"\nheader = "Content-Type: application/json"\n' \
      "$api" >>"$config"
    printf 'data-binary = "@%s"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\n' "$2" >>"$config"
  done
  curl -sS --no-progress-meter --parallel --parallel-max 4 -K "$config" >"$BENCH_WORK/codes" || true
  local ok
  ok=$(grep -c '^200$' "$BENCH_WORK/codes" || true)
  [ "$ok" = "$1" ] || bench_die "$ok of $1 connections/create calls answered 200: $(sort "$BENCH_WORK/codes" | uniq -c | tr '\n' ' ')"
}

cron_of() { date -u -d "@$1" +'0 %-M %-H %-d %-m ? %Y'; }

# Connections per second expected, for choosing the due minute: CREATE_RATE, else the rate of the last creation but
# at least 80/s (the baseline's few connections meet a server not yet warm, and creating 10,000 ran at about 100/s on
# 2 busy cores).
create_rate="${CREATE_RATE:-80}"
[[ "$create_rate" =~ ^[1-9][0-9]*$ ]] || bench_die "CREATE_RATE must be a positive whole number, got '$create_rate'"

# One measurement: a fresh store, COUNT connections due in the same minute, until every job has ended.
# Appends "store count jobs p50_ms p99_ms max_ms jobs_per_s scheduled_in_s failed" to the results.
measure() { # store, count
  local store=$1 count=$2 data="$BENCH_WORK/data-$1-$2" url user password due margin start took
  if [ "$store" = postgresql ]; then
    bench_psql -d postgres -c "DROP DATABASE IF EXISTS gale" -c "CREATE DATABASE gale"
    url="jdbc:postgresql://127.0.0.1:$PG_PORT/gale" user=postgres password=-
  else
    url="jdbc:h2:file:$data/gale;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;AUTO_SERVER=TRUE" user=gale
    password="$data/store.password"
  fi
  start_server "$store" "$data"
  # Due at the start of a minute at least 30 s after creating them all would end at the expected rate, plus a quarter.
  margin=$(( 30 + 5 * count / (4 * create_rate) ))
  due=$(( ($(date +%s) + margin + 59) / 60 * 60 ))
  connection_body "$(cron_of "$due")" >"$BENCH_WORK/body.json"
  log "$store, $count connections due at $(date -u -d "@$due" +%T), creating them..."
  start=$(bench_now)
  create_connections "$count" "$BENCH_WORK/body.json"
  took=$(awk -v a="$start" -v b="$(bench_now)" 'BEGIN {print b - a}')
  local rate
  rate=$(awk -v n="$count" -v t="$took" 'BEGIN {print int(n / t)}')
  log "  created in ${took%.*} s ($rate/s)"
  [ -n "${CREATE_RATE:-}" ] || create_rate=$(( rate > 80 ? rate : 80 ))
  [ "$(date +%s)" -lt "$due" ] || bench_die "creating the connections ended after their due time; rerun"
  # Every job ended: succeeded, failed or cancelled. /metrics counts the store (cached 5 s), cheaply.
  local deadline=$(( due + 3600 )) ended=0
  until [ "$ended" -ge "$count" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || bench_die "$store: only $ended of $count jobs ended within an hour"
    sleep 5
    ended=$(curl -sf "http://127.0.0.1:$port/metrics" | awk '/^gale_jobs\{/ && /config_type="sync"/ &&
      /status="(succeeded|failed|cancelled)"/ {n += $NF} END {printf "%d", n}')
  done
  job_times "$url" "$user" "$password" >"$BENCH_WORK/jobs"
  stop_server
  awk -v due="$due" '{printf "%.3f\n", ($1 - due * 1e6) / 1000}' "$BENCH_WORK/jobs" | sort -n >"$BENCH_WORK/lags"
  awk -v store="$store" -v count="$count" -v due="$due" -v lags="$BENCH_WORK/lags" '
    {if ($2 > last) last = $2; if ($1 > created) created = $1; if ($3 != "succeeded") failed++}
    END {
      while ((getline line < lags) > 0) lag[++n] = line
      p50 = lag[int((n - 1) * 0.50) + 1]; p99 = lag[int((n - 1) * 0.99) + 1]
      printf "%s %d %d %.0f %.0f %.0f %.1f %.2f %d\n", store, count, n, p50, p99, lag[n],
        n / ((last - due * 1e6) / 1e6), (created - due * 1e6) / 1e6, failed
    }' "$BENCH_WORK/jobs" >>"$BENCH_WORK/results"
  tail -n 1 "$BENCH_WORK/results" | awk '{printf "  %d jobs, lag p50 %s ms p99 %s ms max %s ms, %s jobs/s, %d failed\n",
    $3, $4, $5, $6, $7, $9}' >&2
}

: >"$BENCH_WORK/results"
started="$(date -u +'%Y-%m-%d %H:%M UTC')"
load="$(uptime | sed 's/.*load average/load average/')"
for store in $stores; do
  measure "$store" "$baseline"
  measure "$store" "$connections"
done

echo "CONNECTIONS=$connections BASELINE=$baseline WORKERS=$workers STORES=\"$stores\" bench/scheduling.sh, $started ($load at the start)"
if [[ " $stores " == *" postgresql "* ]]; then
  echo "$(bench_environment)"
else
  echo "$(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
fi
echo
echo "| store | connections due in one minute | jobs | lag p50 (ms) | lag p99 (ms) | lag max (ms) | last job created (s after due) | jobs completed/s | failed |"
echo "|---|---|---|---|---|---|---|---|---|"
awk '{printf "| %s | %d | %d | %s | %s | %s | %s | %s | %d |\n", ($1 == "h2" ? "H2 (embedded)" : "PostgreSQL 15"),
  $2, $3, $4, $5, $6, $8, $7, $9}' "$BENCH_WORK/results"
