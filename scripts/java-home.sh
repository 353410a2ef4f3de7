# Sourced by ./gale, ./mvnw callers and .ci/run: exports JAVA_HOME pointing at a JDK 21 or newer.
# Looks at JAVA_HOME first, then the usual install locations; says clearly when there is none.

gale_java_feature_version() {
  # Prints the feature version (17, 21, 25...) of the java binary given, or nothing. A JDK's release file says it
  # without starting a JVM (a third of a second or more, for each JDK looked at, before every gale command); read with
  # the shell's own builtins, as forks are slow on a busy machine.
  local release="${1%/bin/java}/release" line version
  if [ -f "$release" ]; then
    while IFS= read -r line; do
      case "$line" in
        JAVA_VERSION=\"[0-9]*)
          version="${line#JAVA_VERSION=\"}"
          version="${version%%[!0-9]*}"
          echo "$version"
          return 0
          ;;
      esac
    done < "$release"
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n1
}

gale_find_java_home() {
  local candidate version
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* \
                   /Library/Java/JavaVirtualMachines/*/Contents/Home "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$(gale_java_feature_version "$candidate/bin/java")
    if [ -n "$version" ] && [ "$version" -ge 21 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! GALE_JAVA_HOME=$(gale_find_java_home); then
  echo "gale: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm, /opt/java, /opt/jdk*)." >&2
  echo "gale: install one (for example 'apt-get install openjdk-21-jdk-headless') or set JAVA_HOME to it." >&2
  return 1 2>/dev/null || exit 1
fi
export JAVA_HOME="$GALE_JAVA_HOME"
export PATH="$JAVA_HOME/bin:$PATH"
# Maven's own Guice warns about sun.misc.Unsafe on JDK 24+; the flag that silences it does not exist before 23.
if [ "$(gale_java_feature_version "$JAVA_HOME/bin/java")" -ge 24 ]; then
  case " ${MAVEN_OPTS:-} " in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow" ;; esac
fi
