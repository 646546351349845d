#!/usr/bin/env bash
# Builds RecruitDesk's Linux app image and installers with jpackage (JDK 17) and a trimmed jlink runtime:
#   <dest>/RecruitDesk/                      app image (bin/RecruitDesk launcher, lib/runtime, lib/app)
#   <dest>/recruitdesk_<version>-1_amd64.deb
#   <dest>/recruitdesk-<version>-1.x86_64.rpm  only where rpmbuild is installed (Debian: apt-get install rpm)
# and prints the sizes and build times at the end.
#
# Usage: packaging/build-linux.sh [--skip-build] [--target DIR] [--dest DIR] [--types "app-image deb rpm"] [--no-jdeps]
#   --skip-build  use the existing target/recruitdesk.jar and target/libs/ instead of running `mvn -B -DskipTests package`
#   --target DIR  folder holding recruitdesk.jar and libs/ (default: <repo>/target)
#   --dest DIR    output folder (default: <target>/installers); earlier outputs there are replaced
#   --types LIST  what to build (default "app-image deb rpm"; the app image is always built, the others come from it)
#   --no-jdeps    skip the jdeps cross-check of packaging/jlink-modules.txt (saves ~10 s)
# Environment: MVN_ARGS adds Maven arguments (e.g. MVN_ARGS=-o to build offline); JAVA_HOME picks the JDK.
# Needs: JDK 17 (jlink, jpackage, jdeps), Maven; for .deb: dpkg-deb, fakeroot, objdump (binutils).
set -euo pipefail
script="build-linux"
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

build=1 target="$repo_dir/target" dest="" types="app-image deb rpm" jdeps_check=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --skip-build) build=0 ;;
    --target) target="$(realpath -m "$2")"; shift ;;
    --dest) dest="$(realpath -m "$2")"; shift ;;
    --types) types="$2"; shift ;;
    --no-jdeps) jdeps_check=0 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
  shift
done
dest="${dest:-$target/installers}"
[[ $(uname -s) == Linux ]] || die "this script builds Linux packages; see packaging/windows and packaging/macos"

t_start="$(now)"
jlink_bin="$(jdk_tool jlink)"; jpackage_bin="$(jdk_tool jpackage)"; jdeps_bin="$(jdk_tool jdeps)"
jdk_major="$("$jpackage_bin" --version | cut -d. -f1)"
[[ $jdk_major -ge 17 ]] || die "jpackage $jdk_major is too old: JDK 17 or newer is needed"

if [[ $build -eq 1 ]]; then
  log "mvn -B -DskipTests ${MVN_ARGS:-}package"
  # shellcheck disable=SC2086  # MVN_ARGS is a word list on purpose
  (cd "$repo_dir" && mvn -B -DskipTests ${MVN_ARGS:-} package) > "${TMPDIR:-/tmp}/recruitdesk-mvn-package.log" 2>&1 \
    || { tail -n 30 "${TMPDIR:-/tmp}/recruitdesk-mvn-package.log" >&2; die "mvn package failed"; }
fi
t_built="$(now)"

main_jar="$(app_prop MAIN_JAR)"
[[ -f $target/$main_jar ]] || die "$target/$main_jar not found (build first, or drop --skip-build)"
[[ -d $target/libs ]] || die "$target/libs not found (the pom's package phase copies the libraries there)"
version="$(app_version "$target/$main_jar")"
name="$(app_prop NAME)"
log "packaging $name $version from $target"

modules="$(module_list)"
if [[ $jdeps_check -eq 1 ]]; then
  # jdeps sees static references only (not service providers such as jdk.crypto.ec): it can add to the list, never trim it.
  found="$("$jdeps_bin" --ignore-missing-deps --multi-release 17 --print-module-deps \
            "$target/$main_jar" "$target"/libs/*.jar 2>/dev/null | tail -n 1)" || die "jdeps failed"
  for module in ${found//,/ }; do
    if [[ ",$modules," != *",$module,"* ]]; then
      log "jdeps: adding $module (not in packaging/jlink-modules.txt; add it there)"
      modules="$modules,$module"
    fi
  done
fi

work="$dest/.work"
rm -rf "$work" "${dest:?}/$name"
mkdir -p "$work/input"
cp "$target/$main_jar" "$work/input/"
cp -r "$target/libs" "$work/input/libs"

t0="$(now)"
# bin/java is kept (no --strip-native-commands): the smoke test runs probes with the packaged runtime.
"$jlink_bin" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$work/runtime" || die "jlink failed"
t_jlink="$(elapsed "$t0" "$(now)")"

java_options=(); while IFS= read -r word; do java_options+=("$word"); done < <(java_options_args) # no mapfile: macOS bash 3.2
common=(
  --name "$name" --app-version "$version" --vendor "$(app_prop VENDOR)"
  --description "$(app_prop DESCRIPTION)" --copyright "$(app_prop COPYRIGHT)"
)
t0="$(now)"
"$jpackage_bin" --type app-image "${common[@]}" --dest "$dest" \
  --input "$work/input" --main-jar "$main_jar" --main-class "$(app_prop MAIN_CLASS)" \
  --runtime-image "$work/runtime" --icon "$repo_dir/icons/png/icon-256.png" \
  "${java_options[@]}" \
  || die "jpackage app-image failed"
t_image="$(elapsed "$t0" "$(now)")"

linux_common=(
  --app-image "$dest/$name" --dest "$dest" --resource-dir "$packaging_dir/linux"
  --linux-package-name "$(app_prop PACKAGE_NAME)" --linux-shortcut --linux-menu-group "Office"
  --icon "$repo_dir/icons/png/icon-256.png"
)
declare -A t_pkg=()
for type in $types; do
  case "$type" in
    app-image) continue ;;
    deb)
      for tool in dpkg-deb fakeroot objdump; do
        command -v "$tool" >/dev/null || die "$tool missing for .deb (apt-get install dpkg-dev fakeroot binutils)"
      done
      rm -f "$dest"/*.deb
      t0="$(now)"
      # jpackage derives library dependencies of the runtime itself, but not GTK, which JavaFX loads at run time.
      "$jpackage_bin" --type deb "${common[@]}" "${linux_common[@]}" --linux-app-category utils \
        --linux-deb-maintainer "$(app_prop DEB_MAINTAINER)" --linux-package-deps libgtk-3-0 || die "jpackage deb failed"
      t_pkg[deb]="$(elapsed "$t0" "$(now)")" ;;
    rpm)
      if ! command -v rpmbuild >/dev/null; then log "rpm skipped: rpmbuild not installed (apt-get install rpm)"; continue; fi
      rm -f "$dest"/*.rpm
      t0="$(now)"
      "$jpackage_bin" --type rpm "${common[@]}" "${linux_common[@]}" --linux-app-category "Applications/Productivity" \
        --linux-package-deps gtk3 || die "jpackage rpm failed"
      t_pkg[rpm]="$(elapsed "$t0" "$(now)")" ;;
    *) die "unknown type $type (app-image, deb, rpm)" ;;
  esac
done
rm -rf "$work"

echo "== RecruitDesk $version packages in $dest"
echo "runtime modules: $modules"
printf '%-10s %8s  %s\n' "what" "size" "path"
printf '%-10s %8s  %s\n' "runtime" "$(du -sh "$dest/$name/lib/runtime" | cut -f1)" "$dest/$name/lib/runtime"
printf '%-10s %8s  %s\n' "app-image" "$(du -sh "$dest/$name" | cut -f1)" "$dest/$name"
shopt -s nullglob
for file in "$dest"/*.deb "$dest"/*.rpm; do
  printf '%-10s %8s  %s\n' "${file##*.}" "$(du -sh "$file" | cut -f1)" "$file"
done
echo "times: maven $(elapsed "$t_start" "$t_built"), jlink $t_jlink, app-image $t_image$(for k in "${!t_pkg[@]}"; do printf ', %s %s' "$k" "${t_pkg[$k]}"; done), total $(elapsed "$t_start" "$(now)")"
