#!/usr/bin/env bash
# The main job on the embedded default: a fresh LiteDB file, the server on a free loopback port, every sample
# submitted through the real client, the city-level consolidation run and written, the server stopped.
# Credentials (docs/access.md): the server writes the first finance-bureau credential at its first start to
# OUTDIR/bureau-credential.txt (owner-only); with it this script issues each department its own credential
# (OUTDIR/credentials/CODE.credential) and submits each sample as its department.
#
#   bash scripts/run-main.sh [OUTDIR]      (default: out/main)
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"
out="${1:-out/main}"
year=2023
mkdir -p "$out"
out="$(cd "$out" && pwd)"
rm -f "$out"/consolidation.litedb* "$out"/server.log "$out"/bureau-credential.txt
rm -rf "$out"/credentials

echo "== building (Release)"
dotnet build Consolidation.sln -c Release -nologo -v quiet -clp:ErrorsOnly

server_dll="$root/server/Consolidation.Server/bin/Release/net10.0/Consolidation.Server.dll"
client_dll="$root/client/Consolidation.Client/bin/Release/net10.0/fa.dll"

echo "== starting the server on a fresh data file: $out/consolidation.litedb"
dotnet "$server_dll" --contentRoot "$root/server/Consolidation.Server" \
  --Consolidation:Port=0 \
  --Consolidation:DataPath="$out/consolidation.litedb" \
  --Consolidation:RegistryPath="$root/samples/$year/registry.csv" >"$out/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT

address=""
for _ in $(seq 1 200); do
  address="$(sed -n 's/.*Now listening on: \(http:\/\/[^ ]*\).*/\1/p' "$out/server.log" | head -n 1)"
  [ -n "$address" ] && break
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$out/server.log"; echo "the server did not start"; exit 1; fi
  sleep 0.1
done
[ -n "$address" ] || { cat "$out/server.log"; echo "the server did not report its address"; exit 1; }
export FA_SERVER="$address"
echo "   listening on $address"

# The first bureau credential, written by the server at its first start (never printed or logged).
bureau_credential="$out/bureau-credential.txt"
[ -s "$bureau_credential" ] || { cat "$out/server.log"; echo "the server wrote no first bureau credential"; exit 1; }
export FA_CREDENTIAL_FILE="$bureau_credential"
unset FA_CREDENTIAL

fa() { dotnet "$client_dll" "$@"; }

echo "== issuing each department of the registry its credential (with the first bureau credential)"
mkdir -p "$out/credentials"
chmod 700 "$out/credentials"
issued=0
for file in "$root"/samples/$year/*.json; do
  code="$(basename "$file" | cut -d- -f1)"
  fa credential issue --name "$code 报送员" --role department --department "$code" \
    --out "$out/credentials/$code.credential" >/dev/null
  issued=$((issued + 1))
done
echo "   $issued department credentials in $out/credentials/ (owner-only files)"

echo "== submitting every sample of $year through the client"
accepted=0; pending=0; rejected=0; failed=0
for file in "$root"/samples/$year/*.json; do
  set +e
  code="$(basename "$file" | cut -d- -f1)"
  FA_CREDENTIAL_FILE="$out/credentials/$code.credential" fa submit "$file" >"$out/submit-$(basename "$file" .json).txt" 2>&1
  rc=$?
  set -e
  case $rc in
    0) accepted=$((accepted + 1)); verdict="已接收" ;;
    1) rejected=$((rejected + 1)); verdict="不通过" ;;
    2) pending=$((pending + 1)); verdict="待说明" ;;
    *) failed=$((failed + 1)); verdict="出错 (exit $rc)" ;;
  esac
  printf '   %-50s %s\n' "$(basename "$file")" "$verdict"
done
echo "   accepted $accepted, pending $pending, rejected $rejected, failed $failed (per-file output in $out/submit-*.txt)"

echo "== the finance bureau's review: every 待审核 version accepted (已受理), so it is consolidated"
fa review accept --all --year $year --reason "run-main: 审核通过" | tail -n 1

echo "== findings of the rejected seed department (431001)"
fa status 431001 --year $year || true

echo "== consolidating $year"
fa consolidate --year $year --out "$out/consolidation-$year.txt" >"$out/consolidate.txt"
fa consolidation --year $year --out "$out/consolidation-$year.json" --json >/dev/null
for format in html xlsx csv; do
  fa consolidation --year $year --format $format --out "$out/consolidation-$year.$format" >/dev/null
done
head -n 60 "$out/consolidate.txt"
echo "   … the whole disclosure: $out/consolidation-$year.txt (and .json, .html, .xlsx, .csv)"

echo "== coverage"
fa coverage --year $year

echo "== audit trail (the latest acts)"
fa audit --year $year --limit 5

echo "== done: server stopped, data kept in $out/consolidation.litedb"
