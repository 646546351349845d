#!/usr/bin/env bash
# Builds RecruitDesk if needed and starts it. With no account configured it opens in demo mode on the embedded
# SmartRecruiters simulator. Any arguments go to the app (see README: --data-dir, --sr-url, --api-key, subcommands).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --gui
if [ ! -f target/recruitdesk.jar ] || [ -n "$(find src pom.xml -newer target/recruitdesk.jar -print -quit)" ]; then
  mvn -B -q -DskipTests package
fi
# The JVM options every way of starting the app shares (heap cap, collector): see that file.
jvm_options=(); while IFS= read -r word; do jvm_options+=("$word"); done < <(sed "s/#.*//" src/main/resources/dev/recruitdesk/app/jvm.options | awk "NF { print \$1 }")
# A class-data archive (AppCDS): the classes a start loads (JavaFX, the theme, H2, the app), parsed and verified
# once, which later starts map instead (People paints about a second sooner on 2 cores: README "Performance"). Made
# once per build by a training run of `screenshots` (every screen on demo data in a throw-away folder, then exit);
# the JVM ignores an archive that does not match the jar, and the app starts without one if making it failed.
archive=target/recruitdesk.jsa
if { [ ! -f "$archive" ] || [ target/recruitdesk.jar -nt "$archive" ]; } && command -v xvfb-run >/dev/null; then
  echo "Preparing a faster start (once per build, under a minute) ..." >&2
  training=$(mktemp -d)
  rm -f "$archive"
  xvfb-run -a java "${jvm_options[@]}" -XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar target/recruitdesk.jar screenshots --data-dir "$training/data" --out "$training/shots" >/dev/null 2>&1 \
    || rm -f "$archive"
  rm -rf "$training"
fi
if [ -f "$archive" ]; then
  jvm_options+=("-XX:SharedArchiveFile=$archive" "-Xlog:cds=off")
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${1:-}" != "simulator" ] && [ "${1:-}" != "sync" ]; then
  echo "No display found: starting under Xvfb (a virtual screen)." >&2
  exec xvfb-run -a -s "-screen 0 1440x900x24" java "${jvm_options[@]}" -jar target/recruitdesk.jar "$@"
fi
exec java "${jvm_options[@]}" -jar target/recruitdesk.jar "$@"
