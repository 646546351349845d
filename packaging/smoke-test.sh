#!/usr/bin/env bash
# Installs RecruitDesk's .deb on this machine and checks it as a user would meet it, then uninstalls it:
#   1. dpkg -i (apt-get install -f for missing dependencies); menu entry and icon are in place
#   2. the packaged runtime lists every module of packaging/jlink-modules.txt
#   3. an HTTPS call made by the packaged runtime (java.net.http) to a local TLS server with a self-signed EC
#      certificate succeeds (catches a runtime without jdk.crypto.ec, which jdeps cannot see)
#   4. the installed launcher, run as an unprivileged user (`nobody` when this script runs as root) with a fresh
#      temporary HOME, starts under Xvfb and paints a window that is not blank
#      (screenshot by ImageMagick `import`, judged by its number of colours and standard deviation); the app is
#      still running then, wrote nothing into the install folder, and created its per-user data folder
#   5. dpkg -r removes the package and leaves the user's data in place
# Exits non-zero with a one-line "smoke-test: FAILED: reason" on the first failure (and still uninstalls).
#
# Usage: packaging/smoke-test.sh [--deb FILE] [--skip-build] [--target DIR] [--out DIR] [--timeout SECONDS]
#                                [--no-data-check] [--keep] [--install-deps]
#   --deb FILE       test this .deb instead of building one with build-linux.sh --types deb
#   --skip-build     passed on to build-linux.sh (use the existing target/ instead of running Maven)
#   --target DIR     passed on to build-linux.sh
#   --out DIR        where the screenshot, the console output and the app's log files go (default: <repo>/target/smoke)
#   --timeout S      how long to wait for a painted window (default 120)
#   --no-data-check  don't require the per-user data folder (for a placeholder jar that writes no data)
#   --keep           leave the package installed afterwards
#   --install-deps   apt-get install what this test needs first (xvfb, xauth, libgtk-3-0, imagemagick, fakeroot,
#                    binutils; x11-utils is optional: with it the window class and window icon are reported)
# Needs: root (or sudo) for dpkg/apt-get; xvfb-run, /usr/bin/import and /usr/bin/convert (ImageMagick, by full path
# because a stand-in `convert` may come first on PATH), keytool and javac from a JDK 17.
set -euo pipefail
script="smoke-test"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

deb="" build_args=() out="$repo_dir/target/smoke" timeout=120 data_check=1 keep=0 install_deps=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --deb) deb="$(realpath -m "$2")"; shift ;;
    --skip-build) build_args+=(--skip-build) ;;
    --target) build_args+=(--target "$2"); shift ;;
    --out) out="$(realpath -m "$2")"; shift ;;
    --timeout) timeout="$2"; shift ;;
    --no-data-check) data_check=0 ;;
    --keep) keep=1 ;;
    --install-deps) install_deps=1 ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done

as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo -n "$@"; fi; }
package="$(app_prop PACKAGE_NAME)"
name="$(app_prop NAME)"
install_dir="/opt/$package"
convert_bin=/usr/bin/convert import_bin=/usr/bin/import

if [[ $install_deps -eq 1 ]]; then
  log "installing test dependencies with apt-get"
  as_root apt-get update -q >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    xvfb xauth x11-utils libgtk-3-0 imagemagick fakeroot binutils >/dev/null || die "apt-get install of test dependencies failed"
fi
command -v xvfb-run >/dev/null || die "xvfb-run missing (apt-get install xvfb xauth, or pass --install-deps)"
[[ -x $convert_bin && -x $import_bin ]] || die "ImageMagick missing (apt-get install imagemagick, or pass --install-deps)"
keytool_bin="$(jdk_tool keytool)"; javac_bin="$(jdk_tool javac)"; java_bin="$(jdk_tool java)"

scratch="$(mktemp -d)"
server_pid="" installed=0
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; fi
  if [[ $installed -eq 1 && $keep -eq 0 ]]; then as_root dpkg -r "$package" >/dev/null 2>&1 || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

# --- 0. the package -------------------------------------------------------------------------------------------
if [[ -z $deb ]]; then
  log "building the .deb (build-linux.sh --types deb ${build_args[*]})"
  build_out="$scratch/build"
  "$packaging_dir/build-linux.sh" --types deb --dest "$build_out" "${build_args[@]}" >&2 || die "build-linux.sh failed"
  deb="$(find "$build_out" -maxdepth 1 -name '*.deb' | head -n 1)"
fi
[[ -f $deb ]] || die "no .deb to test"
log "testing $deb ($(du -h "$deb" | cut -f1))"

# --- 1. install -----------------------------------------------------------------------------------------------
t0="$(now)"
installed=1
if ! as_root dpkg -i "$deb" > "$scratch/dpkg.log" 2>&1; then
  # dpkg leaves the package unconfigured when dependencies are missing; apt-get -f installs them and finishes it.
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -f -y -q >> "$scratch/dpkg.log" 2>&1 \
    || { tail -n 20 "$scratch/dpkg.log" >&2; die "dpkg -i / apt-get install -f failed"; }
fi
[[ "$(dpkg-query -W -f '${Status}' "$package" 2>/dev/null)" == "install ok installed" ]] \
  || { tail -n 20 "$scratch/dpkg.log" >&2; die "$package is not fully installed after dpkg -i"; }
log "installed in $(elapsed "$t0" "$(now)")"
launcher="$install_dir/bin/$name"
[[ -x $launcher ]] || die "launcher $launcher missing"
desktop_file="/usr/share/applications/$package-$name.desktop"
[[ -f $desktop_file ]] || die "menu entry $desktop_file missing"
grep -q '^Categories=Office;' "$desktop_file" || die "menu entry lacks Categories=Office;"
icon="$(sed -n 's/^Icon=//p' "$desktop_file")"
[[ -f $icon ]] || die "menu entry icon $icon missing"
exec_line="$(sed -n 's/^Exec=//p' "$desktop_file")"
[[ $exec_line == "$launcher" ]] || die "menu entry runs '$exec_line', not $launcher"

# --- 2. runtime modules ---------------------------------------------------------------------------------------
runtime_java="$install_dir/lib/runtime/bin/java"
[[ -x $runtime_java ]] || die "packaged runtime has no bin/java"
"$runtime_java" --list-modules | sed 's/@.*//' | sort > "$scratch/modules.txt"
for module in $(module_list | tr , ' '); do
  grep -qx "$module" "$scratch/modules.txt" || die "packaged runtime lacks module $module"
done
log "runtime has all $(module_list | tr , '\n' | wc -l) listed modules ($(wc -l < "$scratch/modules.txt") in all)"

# --- 3. HTTPS from the packaged runtime -------------------------------------------------------------------------
pass="smoke-$RANDOM$RANDOM"
"$keytool_bin" -genkeypair -alias probe -keyalg EC -groupname secp256r1 -validity 2 -dname "CN=127.0.0.1" \
  -ext "SAN=ip:127.0.0.1" -keystore "$scratch/server.p12" -storetype PKCS12 -storepass "$pass" >/dev/null 2>&1 \
  || die "keytool could not make the server key"
"$keytool_bin" -exportcert -alias probe -keystore "$scratch/server.p12" -storepass "$pass" -file "$scratch/server.cer" \
  >/dev/null 2>&1 || die "keytool could not export the certificate"
"$keytool_bin" -importcert -noprompt -alias probe -file "$scratch/server.cer" -keystore "$scratch/trust.p12" \
  -storetype PKCS12 -storepass "$pass" >/dev/null 2>&1 || die "keytool could not make the truststore"
# The packaged runtime has no jdk.compiler, so no single-file source launch: compile with this JDK for release 17.
"$javac_bin" --release 17 -d "$scratch/probe" "$packaging_dir/probes/HttpsProbe.java" || die "javac HttpsProbe failed"
"$java_bin" "$packaging_dir/probes/HttpsProbeServer.java" "$scratch/server.p12" "$pass" "$scratch/port" "recruitdesk-ok" 120 \
  > "$scratch/server.log" 2>&1 &
server_pid=$!
deadline=$((SECONDS + 60))
until [[ -s $scratch/port ]]; do
  kill -0 "$server_pid" 2>/dev/null || { cat "$scratch/server.log" >&2; die "local TLS server did not start"; }
  [[ $SECONDS -lt $deadline ]] || die "local TLS server gave no port within 60 s"
  sleep 0.2
done
url="https://127.0.0.1:$(cat "$scratch/port")/"
probe_result="$("$runtime_java" -Djavax.net.ssl.trustStore="$scratch/trust.p12" -Djavax.net.ssl.trustStorePassword="$pass" \
  -Djavax.net.ssl.trustStoreType=PKCS12 -cp "$scratch/probe" HttpsProbe "$url" recruitdesk-ok 2>&1)" \
  || { echo "$probe_result" | tail -n 5 >&2; die "HTTPS call from the packaged runtime failed"; }
kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; server_pid=""
log "HTTPS from packaged runtime: $probe_result"

# --- 4. start the installed app under Xvfb ------------------------------------------------------------------------
mkdir -p "$out"
rm -f "$out/screenshot.png" "$out/app.log"
# The app runs as an ordinary user would: not root (as root, writing into /opt would go unnoticed) but `nobody`,
# in a run folder of its own with a fresh HOME. Java takes user.home from the password database, not from $HOME,
# so it is passed as a system property too (JAVA_TOOL_OPTIONS reaches the jpackage launcher's JVM).
run="$scratch/run"
home="$run/home"
mkdir -p "$home"
chmod 711 "$scratch"
run_as=()
if [[ $EUID -eq 0 ]]; then
  chown -R nobody:nogroup "$run"
  run_as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
fi
touch "$scratch/before-start"
sleep 1 # file times have 1 s granularity on some file systems: anything the app writes is now strictly newer
# Everything runs inside one xvfb-run so that the screenshots see the app's display. The inner script polls until the
# screen is not blank (or the deadline passes), waits a moment for the rest of the window to paint, and grabs it.
cat > "$scratch/run-app.sh" <<'EOF'
#!/usr/bin/env bash
set -u
launcher="$1" out="$2" timeout="$3" scratch="$4"
"$launcher" > "$out/app.log" 2>&1 &
pid=$!
echo "$pid" > "$scratch/app.pid"
start=$SECONDS
status=blank
while (( SECONDS - start < timeout )); do
  sleep 1
  if ! kill -0 "$pid" 2>/dev/null; then status=exited; break; fi
  /usr/bin/import -window root "$scratch/probe.png" 2>/dev/null || continue
  colours="$(/usr/bin/convert "$scratch/probe.png" -format '%k' info:)"
  if (( colours > 16 )); then
    echo "$(( SECONDS - start ))" > "$scratch/first-paint"
    sleep 3
    if kill -0 "$pid" 2>/dev/null; then status=painted; else status=exited; fi
    /usr/bin/import -window root "$out/screenshot.png"
    wc -l < "$out/app.log" > "$scratch/log-lines" # what the app printed before it was told to stop
    # Window manager view of the app's windows (optional tool): WM_CLASS should match the menu entry's
    # StartupWMClass, and a window icon (_NET_WM_ICON) shows the app set its icons.
    if command -v xprop >/dev/null && command -v xwininfo >/dev/null; then
      for w in $(xwininfo -root -children 2>/dev/null | awk '/^ +0x/ { print $1 }'); do
        cls="$(xprop -id "$w" WM_CLASS 2>/dev/null)"
        [[ -z $cls || $cls == *"not found"* ]] && continue
        echo "$cls | $(xprop -id "$w" _NET_WM_ICON 2>/dev/null | head -n 1 | cut -c1-40)"
      done > "$scratch/windows.txt"
    fi
    break
  fi
done
[[ -f $out/screenshot.png ]] || cp "$scratch/probe.png" "$out/screenshot.png" 2>/dev/null
echo "$status" > "$scratch/app.status"
kill "$pid" 2>/dev/null
for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -9 "$pid" 2>/dev/null
exit 0
EOF
chmod +x "$scratch/run-app.sh"
t0="$(now)"
# A clean environment: no XDG_* folders inherited, so the app must fall back to $HOME/.local/share etc.
cp "$scratch/run-app.sh" "$run/run-app.sh"
"${run_as[@]}" env -i PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" HOME="$home" LANG=C.UTF-8 \
  USER=smoke JAVA_TOOL_OPTIONS="-Duser.home=$home" TMPDIR="$run" \
  xvfb-run -a -s "-screen 0 1280x800x24" "$run/run-app.sh" "$launcher" "$run" "$timeout" "$run" \
  > "$scratch/xvfb.log" 2>&1 || { cat "$scratch/xvfb.log" >&2; die "xvfb-run failed"; }
cp "$run/app.log" "$out/app.log" 2>/dev/null || true
rm -rf "$out/app-logs" && mkdir -p "$out/app-logs" && cp "$home/.local/share/$package"/logs/*.log "$out/app-logs/" 2>/dev/null || true
cp "$run/screenshot.png" "$out/screenshot.png" 2>/dev/null || true
status="$(cat "$run/app.status" 2>/dev/null || echo unknown)"
case "$status" in
  painted) ;;
  exited) tail -n 15 "$out/app.log" >&2; die "the app exited during start-up (log: $out/app.log)" ;;
  blank) tail -n 15 "$out/app.log" >&2; die "no window painted within $timeout s (screenshot: $out/screenshot.png)" ;;
  *) cat "$scratch/xvfb.log" >&2; die "the app run under Xvfb ended in state '$status'" ;;
esac
read -r colours stddev < <("$convert_bin" "$out/screenshot.png" -format '%k %[fx:standard_deviation]\n' info:)
awk -v c="$colours" -v s="$stddev" 'BEGIN { exit !(c > 16 && s > 0.02) }' \
  || die "screenshot looks blank: $colours colours, standard deviation $stddev ($out/screenshot.png)"
log "window painted $(cat "$run/first-paint") s after start; screenshot $out/screenshot.png: $colours colours, std dev $stddev"
if [[ -s $run/windows.txt ]]; then
  grep -q "WM_CLASS(STRING) = \"$name\"" "$run/windows.txt" \
    || log "note: no window has WM_CLASS \"$name\" (menu entry's StartupWMClass): $(head -c 300 "$run/windows.txt")"
  if grep "WM_CLASS(STRING) = \"$name\"" "$run/windows.txt" | grep -q '_NET_WM_ICON(CARDINAL)'; then
    log "app window has WM_CLASS \"$name\" and a window icon"
  else
    log "note: the app's windows set no window icon (_NET_WM_ICON); expected from /dev/recruitdesk/icons/icon-*.png"
  fi
fi
# Only what came before the stop signal: JavaFX may log a RejectedExecutionException while it is being killed.
if head -n "$(cat "$run/log-lines" 2>/dev/null || echo 0)" "$out/app.log" | grep -qiE 'exception|error'; then
  log "note: the app's console output mentions errors ($out/app.log):"
  head -n "$(cat "$run/log-lines")" "$out/app.log" | grep -iE 'exception|error' | head -n 5 >&2
fi

written="$(find "$install_dir" -newer "$scratch/before-start" -print 2>/dev/null | head -n 5)"
[[ -z $written ]] || die "the app wrote into the install folder: $(echo "$written" | tr '\n' ' ')"
user_data="$home/.local/share/$package"
if [[ $data_check -eq 1 ]]; then
  [[ -d $user_data ]] || die "no per-user data folder $user_data after a run (files in HOME: $(cd "$home" && find . -maxdepth 3 | head -n 10 | tr '\n' ' '))"
  log "per-user data folder: $(cd "$home" && find ".local/share/$package" | head -n 8 | tr '\n' ' ')"
fi

# --- 5. uninstall ---------------------------------------------------------------------------------------------
if [[ $keep -eq 0 ]]; then
  as_root dpkg -r "$package" > "$scratch/dpkg-r.log" 2>&1 || { cat "$scratch/dpkg-r.log" >&2; die "dpkg -r failed"; }
  installed=0
  [[ ! -e $launcher ]] || die "launcher still present after dpkg -r"
  [[ ! -e $desktop_file ]] || die "menu entry still present after dpkg -r"
  if [[ $data_check -eq 1 ]]; then
    [[ -d $user_data ]] || die "uninstall removed the user's data folder"
  fi
  log "uninstalled; user data kept"
fi
echo "smoke-test: OK ($deb)"
