#!/usr/bin/env bash
# Runs every test: unit, client/sync against the simulator over real HTTP, H2 store, headless TestFX (Monocle),
# ArchUnit, and the quick benchmark smoke test. Installs a JDK and Maven first when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec mvn -B verify "$@"
