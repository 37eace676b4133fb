#!/usr/bin/env bash
# Regenerates the XLSX and CSV samples of the seed department from its JSON sample (docs/batch.md), so they stay in
# step; a test (InputFormatTests) checks that each converts to exactly the JSON sample's submission.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dotnet build "$root/client/Consolidation.Client" -nologo -v quiet >/dev/null
fa="$root/client/Consolidation.Client/bin/Debug/net10.0/fa.dll"
seed="$root/samples/2023/431001-yueyang-port-office.json"
dotnet "$fa" convert "$seed" "$root/samples/2023/xlsx/431001-yueyang-port-office.xlsx"
dotnet "$fa" convert "$seed" "$root/samples/2023/csv/431001-yueyang-port-office"
