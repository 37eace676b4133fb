#!/usr/bin/env bash
# Publishes the client `fa` ReadyToRun for this machine (scripts/publish-readytorun.sh): a command does not spend its
# start-up in the JIT (docs/benchmarks.md#client-start-up--fa-published-readytorun-issue-17).
#
#   bash scripts/publish-client.sh [OUT]       # default OUT: out/fa; then run OUT/fa (or dotnet OUT/fa.dll)
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash scripts/publish-readytorun.sh client/Consolidation.Client "${1:-out/fa}"
