#!/usr/bin/env bash
# A small sync end to end: from the API call that triggers it (connections/sync) to the job reading "succeeded",
# on the embedded default, Sample Data (1,000 users; products and purchases too) into Local JSON.
# Beside it, in the same run, the floor of any API answer: a workspaces/list round trip to the same server.
#   bench/sync_latency.sh [syncs]     (default 20; prints a Markdown table)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$root/scripts/java-home.sh"
syncs="${1:-20}"
port=18767
api="http://127.0.0.1:$port/api/v1"
work="$(mktemp -d)"
server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
command -v jq >/dev/null || { echo "bench: jq is needed (apt-get install jq)" >&2; exit 1; }

"$root/gale" --version >/dev/null   # builds when needed, outside the measurement
GALE_LOCAL_ROOT="$work/local" "$root/gale" server --port "$port" --data-dir "$work/data" >"$work/server.log" 2>&1 &
server_pid=$!
until curl -sf "$api/health" >/dev/null; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.05
done

call() { curl -sf -u airbyte:password -H 'Content-Type: application/json' -X POST "$api/$1" -d "${2:-{\}}"; }
now_us() { date +%s%6N; }

workspace=$(call workspaces/list | jq -r '.workspaces[0].workspaceId')
source_id=$(call sources/create "$(jq -n --arg ws "$workspace" '{workspaceId: $ws, name: "sample",
  sourceDefinitionId: "dfd88b22-b603-4c3d-aad7-3701784586b1", connectionConfiguration: {count: 1000, seed: 1}}')" | jq -r .sourceId)
destination_id=$(call destinations/create "$(jq -n --arg ws "$workspace" '{workspaceId: $ws, name: "json",
  destinationDefinitionId: "a625d593-bba5-4a1c-a53d-2d246268a816", connectionConfiguration: {destination_path: "/local/bench"}}')" | jq -r .destinationId)
catalog=$(call sources/discover_schema "$(jq -n --arg s "$source_id" '{sourceId: $s}')" \
  | jq '.catalog | .streams |= map(.config.syncMode = "full_refresh" | .config.destinationSyncMode = "overwrite" | .config.selected = true)')
connection_id=$(call connections/create "$(jq -n --arg s "$source_id" --arg d "$destination_id" --argjson c "$catalog" \
  '{sourceId: $s, destinationId: $d, syncCatalog: $c, status: "active"}')" | jq -r .connectionId)

declare -a sync_ms list_ms
records=""
for i in $(seq "$syncs"); do
  start=$(now_us)
  call workspaces/list >/dev/null
  list_ms+=("$(( ($(now_us) - start) ))")

  start=$(now_us)
  job=$(call connections/sync "$(jq -n --arg c "$connection_id" '{connectionId: $c}')" | jq -r .job.id)
  while :; do
    info=$(call jobs/get "{\"id\": $job}")
    status=$(jq -r .job.status <<<"$info")
    case "$status" in
      succeeded) break ;;
      failed|cancelled) echo "sync $job ended $status" >&2; jq . <<<"$info" >&2; exit 1 ;;
    esac
    sleep 0.005
  done
  sync_ms+=("$(( ($(now_us) - start) ))")
  records=$(jq -r '.attempts[-1].attempt.recordsSynced // .job.aggregatedStats.recordsCommitted' <<<"$info")
done

median_ms() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {m = (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'; }
s=$(median_ms "${sync_ms[@]}"); l=$(median_ms "${list_ms[@]}")
echo "Median of $syncs syncs, $(nproc) cores, $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $records records a sync"
echo
echo "| what | median (ms) | vs baseline |"
echo "|---|---|---|"
echo "| Sync of Sample Data (1,000 users, all streams) to Local JSON: connections/sync to succeeded | $s | $(awk -v a="$s" -v b="$l" 'BEGIN {printf "%.0fx", a/b}') |"
echo "| Baseline: workspaces/list round trip to the same server | $l | 1x |"
