# Shared by the bench scripts (source it): a throwaway PostgreSQL 15 cluster, timing of client processes, and the
# environment line. Nothing happens until a function is called; bench_workdir installs the clean-up that stops the
# cluster and removes every temporary file on any exit, failures and Ctrl-C included.

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"

bench_die() {
  echo "bench: $*" >&2
  exit 1
}

# Root is needed to run the cluster as the postgres OS user (PostgreSQL refuses root) and to install pgloader.
bench_need_root() {
  [ "$(id -u)" -eq 0 ] || bench_die "run as root: the cluster runs as the postgres OS user through runuser"
  id postgres >/dev/null 2>&1 || bench_die "no 'postgres' OS user; install Debian's postgresql-15"
  [ -x "$PG_BIN/postgres" ] || bench_die "no PostgreSQL server binaries in $PG_BIN (Debian package postgresql-15, or set PG_BIN)"
  command -v psql >/dev/null || bench_die "no psql client (Debian package postgresql-client-15)"
  [ -x /usr/bin/time ] || bench_die "no GNU time at /usr/bin/time (Debian package time)"
}

# pgloader from Debian when missing (apt-get update first only when the package is unknown).
bench_need_pgloader() {
  command -v pgloader >/dev/null && return
  echo "bench: installing pgloader (Debian package)..." >&2
  if ! apt-cache show pgloader >/dev/null 2>&1; then
    apt-get update -qq >&2 || bench_die "apt-get update failed"
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgloader >&2 || bench_die "could not install pgloader"
}

# A temporary directory (BENCH_WORK), readable by the postgres user, removed at exit after the cluster stops.
bench_workdir() {
  BENCH_WORK="$(mktemp -d /tmp/gale-bench.XXXXXX)"
  chmod 755 "$BENCH_WORK"
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

bench_cleanup() {
  local status=$?
  trap - EXIT
  if [ -n "${PG_DATA:-}" ] && [ -f "$PG_DATA/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 \
      || runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1 \
      || echo "bench: could not stop the cluster in $PG_DATA" >&2
  fi
  [ -n "${BENCH_WORK:-}" ] && rm -rf "$BENCH_WORK"
  exit "$status"
}

# A port nobody listens on, from a random place in 54320-54419 (two runs at once rarely pick the same).
bench_free_port() {
  local offset port i
  offset=$(( RANDOM % 100 ))
  for i in $(seq 0 99); do
    port=$(( 54320 + (offset + i) % 100 ))
    if [ -z "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]; then
      echo "$port"
      return
    fi
  done
  bench_die "no free TCP port in 54320-54419"
}

# Starts a new cluster in BENCH_WORK on a free port of 127.0.0.1 with trust authentication; PostgreSQL's defaults
# otherwise (fsync, synchronous_commit and full_page_writes on, wal_level replica, shared_buffers 128MB).
# Sets PG_DATA and PG_PORT.
bench_pg_start() {
  local home="$BENCH_WORK/postgres"
  PG_DATA="$home/data"
  install -d -o postgres -g postgres -m 755 "$home"
  runuser -u postgres -- "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C \
    >"$BENCH_WORK/initdb.log" 2>&1 || { cat "$BENCH_WORK/initdb.log" >&2; bench_die "initdb failed"; }
  # Another process may take the port between the check and the start: then try another one.
  local attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT="$(bench_free_port)"
    if runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$home/postgres.log" -w -t 60 \
        -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$home" start >/dev/null; then
      break
    fi
    grep -q "Address already in use" "$home/postgres.log" && [ "$attempt" -lt 5 ] \
      || { cat "$home/postgres.log" >&2; bench_die "the cluster did not start"; }
    : >"$home/postgres.log"
  done
  BENCH_PSQL=(env PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres)
}

# psql over TCP to the cluster, as every client in the benchmarks connects; BENCH_PSQL is the command as an array,
# for running it under bench_time.
bench_psql() {
  "${BENCH_PSQL[@]}" "$@"
}

# One value from a query: bench_value DB SQL
bench_value() {
  bench_psql -d "$1" -At -c "$2"
}

bench_now() {
  date +%s.%N
}

# Runs a command under GNU time; OUT gets "user_seconds sys_seconds max_rss_kb" of the process and the children it
# waited for. Without -q, GNU time adds a line when the command fails; the figures are always on the last line.
bench_time() {
  local out=$1
  shift
  /usr/bin/time -q -f '%U %S %M' -o "$out" "$@"
}

# The figures bench_time wrote: bench_times_of FILE -> "cpu_seconds max_rss_kb"
bench_times_of() {
  tail -n 1 "$1" | awk '{printf "%.3f %d\n", $1 + $2, $3}'
}

# CPU seconds the cluster has used so far: the postmaster with every backend it has reaped, plus the processes
# still running (background writers, open connections). A backend's CPU counts once its connection has closed.
bench_server_cpu() {
  local postmaster ticks child
  postmaster="$(head -n 1 "$PG_DATA/postmaster.pid")"
  ticks="$(awk '{print $14 + $15 + $16 + $17}' "/proc/$postmaster/stat")"
  for child in $(pgrep -P "$postmaster"); do
    ticks=$(( ticks + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0) ))
  done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f\n", t / hz}'
}

# CPU seconds all processes of the machine have used so far (busy and stolen time), to tell how much of it went to
# others while a measurement ran: cores are shared, and a neighbour's build slows every contender.
bench_busy_cpu() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%.2f\n", ($2 + $3 + $4 + $7 + $8 + $9) / hz}' /proc/stat
}

# One line about where the figures come from.
bench_environment() {
  local cpu settings
  cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
  settings="$(bench_value postgres "SELECT string_agg(name || '=' || current_setting(name), ', ' ORDER BY name)
    FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_level', 'shared_buffers',
    'max_wal_size')")"
  echo "$(nproc) cores ($cpu), $(free -g | awk '/^Mem:/ {print $2}') GB RAM;" \
    "$("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1);" \
    "PostgreSQL $(bench_value postgres 'SHOW server_version') ($settings)"
}

# --- A server on the caller's $port, its output in $work/server.log ---

# Starts "$@" in the background and waits for its health answer; sets PID and MS (milliseconds to healthy).
bench_launch() {
  local start
  # The previous server's port may linger a moment after its process is gone.
  while [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]; do sleep 0.05; done
  start=$(date +%s%3N)
  "$@" >"$work/server.log" 2>&1 &
  PID=$!
  until curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1; do
    kill -0 "$PID" 2>/dev/null || { echo "server died:" >&2; cat "$work/server.log" >&2; exit 1; }
    sleep 0.01
  done
  MS=$(( $(date +%s%3N) - start ))
}

bench_halt() { kill "$PID"; wait "$PID" 2>/dev/null || true; }

bench_rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$PID/status"; }

# Start to healthy, then 5 s idle (start-up work, JIT and pools settled) and the resident memory: prints "<ms> <MB>".
bench_measure_start() {
  bench_launch "$@"
  sleep 5
  echo "$MS $(bench_rss_mb)"
  bench_halt
}

# The median of the numbers given as arguments.
bench_median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
