# Sourced by ./gale and by the container image's launcher (deploy/bin/gale): the JVM options of each gale command,
# written once so that the image cannot drift from what the launcher runs and the tests measure.

# Prints the default JVM options of `gale COMMAND`, its class-data archive in ARCHIVE_DIR; the server's AOT cache is
# looked for in AOT_DIR (ARCHIVE_DIR unless given: the image keeps it beside its jars).
#   gale_jvm_options COMMAND ARCHIVE_DIR [AOT_DIR]
gale_jvm_options() {
  local command="$1" archives="$2" aot_cache="${3:-$2}/gale-server.aot"
  # The class-data archive (written when the first process of a command after a build stops) saves most of the class
  # loading at later starts.
  gale_cds_archive() { echo "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$archives/$1 -Xlog:cds=off -Xlog:cds+dynamic=off"; }
  case "$command" in
    server)
      # The AOT cache (JDK 25; made by gale_train_server_cache) holds the classes a start loads already parsed and
      # linked: it starts about a quarter sooner than the class-data archive, and takes 30 MB less memory. Without
      # one (a build by hand), the archive.
      if [ -f "$aot_cache" ]; then
        echo "$(gale_server_vm_options) -XX:AOTCache=$aot_cache -Xlog:aot=off -Xlog:cds=off"
      else
        echo "$(gale_server_vm_options) $(gale_cds_archive gale.jsa)"
      fi
      ;;
    replicate)
      # Moving data wants the optimizing compiler (C1 alone cost about 20% more CPU a row). A fixed heap keeps the
      # memory of a sync independent of the machine's RAM, and the engine's short queue keeps it independent of the
      # table size. Serial GC grows the old generation to its limit before it collects it, so the limit is what the
      # process takes: 320 MB holds the largest default buffers (S3 Parquet: a 128 MB row group and the upload parts;
      # about 470 MB of RSS in all) for 5-10% more CPU than 1 GB (more young collections), and a destination whose
      # configuration needs more says so at check. The command's own archive (written when the first replicate after
      # a build ends) saves about 0.35 s of start-up (0.7 s on a busy machine).
      echo "-XX:+UseSerialGC -Xss512k -Xmn64m -Xmx320m $(gale_cds_archive gale-replicate.jsa)"
      ;;
    worker)
      # A worker process only moves data: the optimizing compiler, as for replicate, but no fixed heap, since it runs
      # several syncs at once.
      echo "-XX:+UseSerialGC -Xss512k $(gale_cds_archive gale-worker.jsa)"
      ;;
    *)
      echo "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
      ;;
  esac
}

# Serial GC suits a server that mostly waits, and C1 alone compiles soon enough for it. The JVM asks for a collection
# to unload code each time the compiled code grows by 15% of the code cache's reserve; with C1's 48 MB that came
# within the first seconds of load, and Serial GC makes it a full collection (0.2-0.4 s that every request in flight
# waited, on a busy machine). A reserve of 128 MB (address space, not memory) leaves the 8 MB C1 compiles no reason.
gale_server_vm_options() { echo "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:ReservedCodeCacheSize=128m"; }

# Makes the server's AOT cache at CACHE: a training run of `gale server` (on a scratch data directory and a free port,
# in an empty environment so that no configured store is touched) answers its health check a few times and stops; the
# JVM writes the cache as it exits. The output of the run is shown only when no cache comes out of it.
#   gale_train_server_cache JAVA CLASSPATH CACHE
gale_train_server_cache() {
  local java="$1" classpath="$2" cache="$3" scratch pid port="" _
  scratch="$(mktemp -d)"
  rm -f "$cache"
  env -i PATH="$PATH" HOME="$scratch" "$java" $(gale_server_vm_options) -XX:AOTCacheOutput="$cache" \
    -Xlog:aot=off -Xlog:cds=off -cp "$classpath" dev.gale.app.GaleCommand server --port 0 --data-dir "$scratch/data" \
    >"$scratch/out" 2>&1 &
  pid=$!
  for _ in $(seq 1200); do
    port="$(sed -n 's|^ *API: *http://localhost:\([0-9]*\)/.*|\1|p' "$scratch/out")"
    if [ -n "$port" ] || ! kill -0 "$pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  if [ -n "$port" ]; then
    for _ in 1 2 3; do
      gale_http_get "$port" /api/v1/health >/dev/null || true
    done
  fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || true
  if [ ! -f "$cache" ]; then
    echo "gale: no AOT cache came out of the training run (the server starts without it):" >&2
    cat "$scratch/out" >&2
  fi
  rm -rf "$scratch"
}

# GET http://127.0.0.1:PORT/PATH in plain bash (the image has no curl); prints the response.
#   gale_http_get PORT PATH
gale_http_get() {
  local connection
  exec {connection}<>"/dev/tcp/127.0.0.1/$1" || return 1
  printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$2" >&"$connection"
  timeout 5 cat <&"$connection"
  exec {connection}>&-
}

# The JVM refuses a class-data archive or AOT cache once a jar it was made from changes, and does not write a new one:
# drops such files from ARCHIVE_DIR, so that the next run writes fresh archives (AOT caches come from training runs).
#   gale_drop_stale_archives ARCHIVE_DIR JAR LIB_DIR
gale_drop_stale_archives() {
  local archive
  for archive in "$1"/*.jsa "$1"/*.aot; do
    if [ -f "$archive" ] && [ -n "$(find "$2" "$3" -newer "$archive" -print -quit)" ]; then
      rm -f "$archive"
    fi
  done
}
