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
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${1:-}" != "simulator" ] && [ "${1:-}" != "sync" ]; then
  echo "No display found: starting under Xvfb (a virtual screen)." >&2
  exec xvfb-run -a -s "-screen 0 1440x900x24" java "${jvm_options[@]}" -jar target/recruitdesk.jar "$@"
fi
exec java "${jvm_options[@]}" -jar target/recruitdesk.jar "$@"
