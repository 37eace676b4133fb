#!/usr/bin/env bash
# Publishes the server ReadyToRun (precompiled: a fresh server answers its first submissions without JIT-compiling its
# own code and its libraries') for this machine's runtime identifier, framework-dependent (the .NET 10 runtime must be
# installed). docs/benchmarks.md#plumbing measures it against the plain Release build.
#
#   bash scripts/publish-server.sh [OUT]       # default OUT: out/server; then run dotnet OUT/Consolidation.Server.dll
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-out/server}"
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "publish-server.sh: no ReadyToRun runtime identifier for $(uname -m)" >&2; exit 1 ;;
esac
dotnet publish server/Consolidation.Server -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out"
echo "published the server (ReadyToRun, $rid) to $out"
