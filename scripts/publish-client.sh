#!/usr/bin/env bash
# Publishes the client `fa` ReadyToRun (precompiled: it starts without JIT-compiling its own code and its libraries')
# for this machine's runtime identifier, framework-dependent (the .NET 10 runtime must be installed).
#
#   bash scripts/publish-client.sh [OUT]       # default OUT: out/fa; then run OUT/fa (or dotnet OUT/fa.dll)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/fa}"
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "publish-client.sh: no ReadyToRun runtime identifier for $(uname -m)" >&2; exit 1 ;;
esac
dotnet publish client/Consolidation.Client -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out"
echo "published fa (ReadyToRun, $rid) to $out"
