#!/usr/bin/env bash
# Builds RecruitDesk's macOS app bundle and .dmg with jpackage (JDK 17) and a trimmed jlink runtime.
# Same steps as packaging/build-linux.sh; the macOS options are in packaging/macos/dmg.jpackage.
#   target/installers/RecruitDesk.app   and   target/installers/RecruitDesk-<pom version>.dmg
# Usage: packaging/macos/build-macos.sh [--skip-build]
# Needs: macOS, JDK 17 (JAVA_HOME or PATH), Maven. The bundle is not signed or notarized: Gatekeeper asks the user
# to confirm the first start (right-click > Open) until signing options (--mac-sign ...) are added with a
# Developer ID. Data, settings and logs live in ~/Library/Application Support/RecruitDesk; removing the app leaves them.
set -euo pipefail
script="build-macos"
# shellcheck source-path=SCRIPTDIR source=../lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

build=1
[[ ${1:-} == --skip-build ]] && build=0
[[ $(uname -s) == Darwin ]] || die "this script builds macOS packages and must run on macOS"
cd "$repo_dir"
t_start="$(now)"
if [[ $build -eq 1 ]]; then
  # shellcheck disable=SC2086  # MVN_ARGS is a word list on purpose
  mvn -B -DskipTests ${MVN_ARGS:-} package || die "mvn package failed"
fi
main_jar="$(app_prop MAIN_JAR)" name="$(app_prop NAME)" dest="$repo_dir/target/installers"
[[ -f target/$main_jar ]] || die "target/$main_jar not found"
version="$(app_version "target/$main_jar")"
# CFBundleVersion must start with a number >= 1, so jpackage rejects "0.x.y": a pre-1.0 build gets the bundle version
# 1.0.0, and the .dmg file still carries the real version in its name.
bundle_version="$version"
[[ $version == 0* ]] && bundle_version="1.0.0"

work="$dest/.work"
rm -rf "$work" "$dest/$name.app"
mkdir -p "$work/input"
cp "target/$main_jar" "$work/input/"
cp -R target/libs "$work/input/libs"
"$(jdk_tool jlink)" --add-modules "$(module_list)" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$work/runtime" || die "jlink failed"

java_options=(); while IFS= read -r word; do java_options+=("$word"); done < <(java_options_args) # no mapfile: macOS bash 3.2
common=(--name "$name" --app-version "$bundle_version" --vendor "$(app_prop VENDOR)"
        --description "$(app_prop DESCRIPTION)" --copyright "$(app_prop COPYRIGHT)" --dest "$dest")
"$(jdk_tool jpackage)" --type app-image "${common[@]}" @packaging/macos/dmg.jpackage \
  --mac-package-identifier "$(app_prop MAC_BUNDLE_ID)" \
  --input "$work/input" --main-jar "$main_jar" --main-class "$(app_prop MAIN_CLASS)" --runtime-image "$work/runtime" \
  "${java_options[@]}" || die "jpackage app-image failed"
rm -f "$dest"/*.dmg
"$(jdk_tool jpackage)" --type dmg "${common[@]}" --app-image "$dest/$name.app" \
  --mac-package-identifier "$(app_prop MAC_BUNDLE_ID)" || die "jpackage dmg failed"
for dmg in "$dest"/*.dmg; do
  [[ $dmg == "$dest/$name-$version.dmg" ]] || mv "$dmg" "$dest/$name-$version.dmg"
done
rm -rf "$work"

echo "== $name $version (bundle version $bundle_version) in $dest"
du -sh "$dest/$name.app" "$dest"/*.dmg
echo "total time $(elapsed "$t_start" "$(now)")"
