#!/usr/bin/env bash
# Publishes the server ReadyToRun for this machine (scripts/publish-readytorun.sh): a fresh server answers its first
# submissions without JIT-compiling its own code and its libraries' (docs/benchmarks.md#plumbing--end-to-end-against-the-work-itself-issue-18).
#
#   bash scripts/publish-server.sh [OUT]       # default OUT: out/server; then run dotnet OUT/Consolidation.Server.dll
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/publish-readytorun.sh server/Consolidation.Server "${1:-out/server}"
