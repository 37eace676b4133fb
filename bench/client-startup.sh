#!/usr/bin/env bash
# Start-up and per-submission CPU of the client `fa`, for several builds side by side in one run (issue 17).
#
#   bash bench/client-startup.sh LABEL=DIR [LABEL=DIR …]     each DIR holds a published fa.dll
#     e.g. bench/client-startup.sh before=/tmp/fa-main jit=/tmp/fa-jit r2r=out/fa
#   options (environment): RUNS (15) runs of each start-up case, BATCH (300) files in the batch case, ROUNDS (3)
#
# Cases, the builds alternated run by run so that load on the box falls on each alike:
#   help      fa --help > /dev/null                         (start-up, command tree, help rendering)
#   validate  fa validate SEED --server URL                  (start-up, read and check the file, one call)
#   batch     fa batch DIR --no-journal --table none         (BATCH synthetic departments; after one warm-up batch the
#             server answers 未变 for each, the same work for every build): client CPU / submission
# Printed: the median wall time and the median CPU (user + sys) of each case and build.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${RUNS:-15}"; BATCH="${BATCH:-300}"; ROUNDS="${ROUNDS:-3}"
[ "$#" -ge 1 ] || { sed -n 2,12p "$0"; exit 2; }
labels=(); dirs=()
for a in "$@"; do labels+=("${a%%=*}"); dirs+=("${a#*=}"); done

work="$(mktemp -d)"; server_pid=""
cleanup() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release server/Consolidation.Server -v q -nologo >/dev/null
dotnet build -c Release tools/Consolidation.Synthetic -v q -nologo >/dev/null
dotnet tools/Consolidation.Synthetic/bin/Release/net10.0/Consolidation.Synthetic.dll generate "$BATCH" "$work/in" >/dev/null
dotnet server/Consolidation.Server/bin/Release/net10.0/Consolidation.Server.dll --contentRoot "$work" --Consolidation:Port=0 \
  --Consolidation:DataPath="$work/bench.litedb" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 600); do grep -q "Now listening on:" "$work/server.log" && break; sleep 0.1; done
url="$(sed -n 's/.*Now listening on: \(http[^ ]*\).*/\1/p' "$work/server.log" | head -n 1)"
[ -n "$url" ] || { echo "the server did not start"; cat "$work/server.log"; exit 1; }
seed=samples/2023/431001-yueyang-port-office.json
export XDG_STATE_HOME="$work/state" FA_SERVER="$url"

# One timed run: appends "wall cpu" (seconds) to FILE.
timed() {
  local file="$1"; shift
  local TIMEFORMAT='%R %U %S' t
  t="$( { time "$@" >/dev/null 2>&1; } 2>&1 )" || true
  awk '{ printf "%.4f %.4f\n", $1, $2 + $3 }' <<<"$t" >>"$file"
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Warm-up: the server stores every department once, and each build's files are in the page cache.
dotnet "${dirs[0]}/fa.dll" batch "$work/in" --no-journal --table none >/dev/null 2>&1 || true
for d in "${dirs[@]}"; do dotnet "$d/fa.dll" --help >/dev/null; dotnet "$d/fa.dll" validate "$seed" >/dev/null 2>&1 || true; done

for ((r = 0; r < RUNS; r++)); do
  for i in "${!dirs[@]}"; do
    timed "$work/help.${labels[i]}" dotnet "${dirs[i]}/fa.dll" --help
    timed "$work/validate.${labels[i]}" dotnet "${dirs[i]}/fa.dll" validate "$seed"
  done
done
for ((r = 0; r < ROUNDS; r++)); do
  for i in "${!dirs[@]}"; do
    timed "$work/batch.${labels[i]}" dotnet "${dirs[i]}/fa.dll" batch "$work/in" --no-journal --table none
  done
done

echo "fa start-up and CPU, $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $RUNS runs (batch: $ROUNDS runs of $BATCH files)"
printf '%-10s %-10s %12s %12s %22s\n' case build "median wall" "median CPU" "CPU / submission"
for c in help validate batch; do
  for l in "${labels[@]}"; do
    f="$work/$c.$l"
    wall="$(cut -d' ' -f1 "$f" | median)"; cpu="$(cut -d' ' -f2 "$f" | median)"
    per=""; [ "$c" = batch ] && per="$(awk -v c="$cpu" -v n="$BATCH" 'BEGIN { printf "%.2f ms", 1000 * c / n }')"
    printf '%-10s %-10s %10.3f s %10.3f s %22s\n' "$c" "$l" "$wall" "$cpu" "$per"
  done
done
