#!/usr/bin/env bash
# Publishes one project ReadyToRun (precompiled: it starts without JIT-compiling its own code and its libraries') for
# this machine's runtime identifier, framework-dependent (the .NET 10 runtime must be installed). Used by
# publish-client.sh and publish-server.sh.
#
#   bash scripts/publish-readytorun.sh PROJECT OUT
set -euo pipefail
cd "$(dirname "$0")/.."
project="$1"
out="$2"
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "publish-readytorun.sh: no ReadyToRun runtime identifier for $(uname -m)" >&2; exit 1 ;;
esac
dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out"
echo "published $project (ReadyToRun, $rid) to $out"
