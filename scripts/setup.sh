#!/usr/bin/env bash
# Installs what building and testing RecruitDesk needs on a fresh Debian/Ubuntu machine: a JDK 17 and Maven,
# plus (with --gui) the GTK library and Xvfb a real JavaFX window needs. Does nothing that is already there.
set -euo pipefail
want_gui=0
[ "${1:-}" = "--gui" ] && want_gui=1

need=()
command -v javac >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
if [ "$want_gui" = 1 ]; then
  dpkg -s libgtk-3-0 >/dev/null 2>&1 || dpkg -s libgtk-3-0t64 >/dev/null 2>&1 || need+=(libgtk-3-0)
  command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
  # Candidates' names come in many scripts; without a CJK font they show as empty boxes. A TrueType one: JavaFX
  # 21.0.11 did not fall back to Noto CJK (CFF outlines) here and still drew boxes (compare JDK-8322251).
  dpkg -s fonts-wqy-zenhei >/dev/null 2>&1 || need+=(fonts-wqy-zenhei)
  dpkg -s fonts-dejavu-core >/dev/null 2>&1 || need+=(fonts-dejavu-core)
fi
if [ "${#need[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing: ${need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "Please install: ${need[*]} (needs root and apt-get)" >&2
    exit 1
  fi
fi
v=$(javac -version 2>&1 | sed -E 's/^javac ([0-9]+).*/\1/')
if [ "${v:-0}" -lt 17 ]; then
  echo "RecruitDesk needs JDK 17 or newer; found javac $v" >&2
  exit 1
fi
