# shellcheck shell=bash disable=SC2034  # script is set by the callers, repo_dir/packaging_dir are used by them
# Helpers shared by the bash packaging scripts (Linux and macOS). Sourced, not run.
# Callers set `script` (their short name, used in messages) before sourcing.

packaging_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$packaging_dir/.." && pwd)"

log() { echo "${script:-packaging}: $*" >&2; }
die() { echo "${script:-packaging}: FAILED: $*" >&2; exit 1; }

# Reads KEY from packaging/app.properties (KEY=value lines; '#' comments).
app_prop() {
  local value
  value="$(sed -n "s/^$1=//p" "$packaging_dir/app.properties" | head -n 1)"
  [[ -n $value ]] || die "app.properties has no $1"
  printf '%s' "$value"
}

# The JDK tool NAME, from JAVA_HOME when set (CI), else from PATH.
jdk_tool() {
  local candidate
  if [[ -n ${JAVA_HOME:-} && -x "$JAVA_HOME/bin/$1" ]]; then candidate="$JAVA_HOME/bin/$1"; else candidate="$(command -v "$1" || true)"; fi
  [[ -n $candidate ]] || die "$1 not found: install a full JDK 17 (Debian: openjdk-17-jdk) or set JAVA_HOME"
  printf '%s' "$candidate"
}

# The app's JVM options (src/main/resources/dev/recruitdesk/app/jvm.options, shared with scripts/run.sh and the
# bench) as jpackage arguments: "--java-options OPT" per option, one word a line (read them into an array).
java_options_args() {
  sed 's/#.*//' "$repo_dir/src/main/resources/dev/recruitdesk/app/jvm.options" | awk 'NF { print "--java-options"; print $1 }'
}

# Comma-separated module list from packaging/jlink-modules.txt (comments and blank lines dropped).
module_list() {
  sed 's/#.*//' "$packaging_dir/jlink-modules.txt" | awk 'NF { print $1 }' | paste -sd, -
}

# The application version for installers: the jar manifest's Implementation-Version cut to its numeric
# MAJOR[.MINOR[.PATCH]] head, because jpackage (and MSI/CFBundle) accept nothing else ("1.2.0-SNAPSHOT" -> "1.2.0").
app_version() { # app_version JAR
  local jar_tool tmp raw
  jar_tool="$(jdk_tool jar)"
  tmp="$(mktemp -d)"
  (cd "$tmp" && "$jar_tool" xf "$1" META-INF/MANIFEST.MF)
  raw="$(sed -n 's/^Implementation-Version: *//p' "$tmp/META-INF/MANIFEST.MF" | tr -d '\r')"
  rm -rf "$tmp"
  if [[ -z $raw ]]; then
    raw="$(cd "$repo_dir" && mvn -q -B help:evaluate -Dexpression=project.version -DforceStdout 2>/dev/null || true)"
  fi
  raw="$(printf '%s' "$raw" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')"
  [[ $raw =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "cannot read a numeric version from $1's manifest or the pom"
  printf '%s' "$raw"
}

# Seconds since the epoch with milliseconds, and the difference of two such stamps, for timing steps.
now() { local t; t="$(date +%s.%N)"; [[ $t == *N ]] && t="$(date +%s)"; printf '%s' "$t"; } # BSD date has no %N
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s", b - a }'; }
