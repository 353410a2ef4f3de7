#!/usr/bin/env bash
# Links the Java runtime the container image carries: the modules of deploy/jre-modules.txt, from the JDK that runs
# this script (JAVA_HOME, else the java on the PATH). Used by the Dockerfile and by ContainerRuntimeIT, so that the
# runtime tested is the runtime shipped.
#   deploy/build-runtime.sh OUTPUT_DIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
output="${1:?usage: build-runtime.sh OUTPUT_DIR}"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
modules="$(sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$here/jre-modules.txt" | tr -d '[:blank:]' | paste -sd, -)"
rm -rf "$output"
# --generate-cds-archive: the JDK's own class-data archive, without which the JVM cannot write the per-command
# archives the launcher asks for (scripts/jvm-options.sh).
"$jdk/bin/jlink" --add-modules "$modules" --output "$output" --strip-debug --no-man-pages --no-header-files \
  --compress zip-6 --generate-cds-archive
