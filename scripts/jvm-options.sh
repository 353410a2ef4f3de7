# Sourced by ./gale and by the container image's launcher (deploy/bin/gale): the JVM options of each gale command,
# written once so that the image cannot drift from what the launcher runs and the tests measure.

# Prints the default JVM options of `gale COMMAND`, its class-data archive in ARCHIVE_DIR.
#   gale_jvm_options COMMAND ARCHIVE_DIR
gale_jvm_options() {
  local command="$1" archives="$2"
  # The class-data archive (written when the first process of a command after a build stops) saves most of the class
  # loading at later starts.
  gale_cds_archive() { echo "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=$archives/$1 -Xlog:cds=off -Xlog:cds+dynamic=off"; }
  case "$command" in
    server)
      # Serial GC suits a server that mostly waits.
      echo "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k $(gale_cds_archive gale.jsa)"
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

# The JVM refuses a class-data archive once a jar it was made from changes, and does not write a new one: drops such
# archives from ARCHIVE_DIR, so that the next run writes fresh ones.
#   gale_drop_stale_archives ARCHIVE_DIR JAR LIB_DIR
gale_drop_stale_archives() {
  local jsa
  for jsa in "$1"/*.jsa; do
    if [ -f "$jsa" ] && [ -n "$(find "$2" "$3" -newer "$jsa" -print -quit)" ]; then
      rm -f "$jsa"
    fi
  done
}
