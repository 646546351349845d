#!/usr/bin/env bash
# Regenerates every icon file from the SVG sources in this folder:
#   icons/png/icon-{16,32,48,64,128,256,512}.png   (16 px comes from recruitdesk-small.svg, the rest from recruitdesk.svg)
#   icons/recruitdesk.ico                           (Windows: 16..256 px in one file, for jpackage --icon on Windows)
#   icons/recruitdesk.icns                          (macOS: PNG chunks ic07..ic14 + icp4/icp5, for jpackage --icon on macOS)
#   src/main/resources/dev/recruitdesk/icons/icon-*.png  (the copies the app window loads at run time)
#
# Needs (Debian): librsvg2-bin (rsvg-convert) and imagemagick (/usr/bin/convert, called by full path because a
# stand-in `convert` may come first on PATH).   apt-get install -y --no-install-recommends librsvg2-bin imagemagick
# Usage: icons/build-icons.sh      (from anywhere; writes into the repository)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
convert_bin=/usr/bin/convert
res_dir="$repo/src/main/resources/dev/recruitdesk/icons"
sizes=(16 32 48 64 128 256 512)

die() { echo "build-icons: $*" >&2; exit 1; }
command -v rsvg-convert >/dev/null || die "rsvg-convert missing (apt-get install librsvg2-bin)"
[[ -x $convert_bin ]] || die "$convert_bin missing (apt-get install imagemagick)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

render() { # render SVG SIZE OUT
  rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio --format png "$1" --output "$3"
}

mkdir -p "$here/png" "$res_dir"
for s in "${sizes[@]}"; do
  src="$here/recruitdesk.svg"
  # At 16 px the full drawing's clip and its hole smear into grey: a hand-simplified, pixel-snapped variant reads better.
  [[ $s -eq 16 ]] && src="$here/recruitdesk-small.svg"
  render "$src" "$s" "$here/png/icon-$s.png"
  cp "$here/png/icon-$s.png" "$res_dir/icon-$s.png"
done
render "$here/recruitdesk.svg" 1024 "$work/icon-1024.png"

# Windows .ico: 256 px is stored PNG-compressed by ImageMagick, the smaller ones as BMP. Date chunks are left out so
# that regenerating gives identical bytes.
"$convert_bin" "$here"/png/icon-{16,32,48,64,128,256}.png -define png:exclude-chunks=date,time "$here/recruitdesk.ico"

# macOS .icns: the container is 'icns' + total length, then chunks of 4-byte type + length (incl. 8-byte header) + data.
# Every chunk holds plain PNG data (what Apple's iconutil writes too); png2icns would store 256/512 as JPEG 2000 and
# the small sizes in the legacy RLE format instead, so the container is written here.
be32() { # print a big-endian 32-bit unsigned integer as raw bytes
  printf "\\x$(printf %02x $(( ($1 >> 24) & 255 )))\\x$(printf %02x $(( ($1 >> 16) & 255 )))"
  printf "\\x$(printf %02x $(( ($1 >> 8) & 255 )))\\x$(printf %02x $(( $1 & 255 )))"
}
icns_chunks=(
  "icp4:$here/png/icon-16.png"  "icp5:$here/png/icon-32.png"
  "ic11:$here/png/icon-32.png"  "ic12:$here/png/icon-64.png"
  "ic07:$here/png/icon-128.png" "ic13:$here/png/icon-256.png"
  "ic08:$here/png/icon-256.png" "ic14:$here/png/icon-512.png"
  "ic09:$here/png/icon-512.png" "ic10:$work/icon-1024.png"
)
body="$work/icns-body"
: > "$body"
for entry in "${icns_chunks[@]}"; do
  type="${entry%%:*}"; file="${entry#*:}"
  len=$(( $(stat -c %s "$file") + 8 ))
  { printf '%s' "$type"; be32 "$len"; cat "$file"; } >> "$body"
done
{ printf 'icns'; be32 $(( $(stat -c %s "$body") + 8 )); cat "$body"; } > "$here/recruitdesk.icns"

echo "build-icons: wrote ${#sizes[@]} PNGs, recruitdesk.ico ($(stat -c %s "$here/recruitdesk.ico") B), recruitdesk.icns ($(stat -c %s "$here/recruitdesk.icns") B)"
