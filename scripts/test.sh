#!/usr/bin/env bash
# The README's test command: installs what the tests need when it is missing, then runs every test.
#
#   bash scripts/test.sh [dotnet test options…]      e.g. --filter "FullyQualifiedName~Batch"
#
# Needs: the .NET 10 SDK. Installs (Debian, as root or through sudo) what the tests need when it is missing: `chromium`
# and the CJK fonts `fonts-noto-cjk` (the HTML export is opened in a real browser), `libreoffice-calc-nogui` (the XLSX
# exports are printed through LibreOffice as a person opening them would) and `postgresql` (the storage contract tests
# start a throwaway cluster of their own in a temporary folder; no system service is used). Exits with dotnet test's
# exit code.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || [ -x "${FA_CHROMIUM:-}" ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'install ok installed' || missing+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || [ -x "${FA_SOFFICE:-}" ] || missing+=(libreoffice-calc-nogui)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || [ -x "${FA_PG_BIN:-}/initdb" ] || missing+=(postgresql)

if [ "${#missing[@]}" -gt 0 ]; then
  echo "scripts/test.sh: installing Debian's ${missing[*]} (the HTML and XLSX export and storage tests need them)"
  if [ "$(id -u)" -eq 0 ]; then sudo=(); elif command -v sudo >/dev/null 2>&1; then sudo=(sudo); else sudo=(); fi
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || [ "${#sudo[@]}" -gt 0 ]; }; then
    "${sudo[@]}" apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || echo "scripts/test.sh: WARNING: could not install ${missing[*]}: the tests that need them will fail and say so"
  else
    echo "scripts/test.sh: WARNING: cannot install ${missing[*]} (needs apt-get and root or sudo): the tests that need them will fail and say so"
  fi
fi

exec dotnet test Consolidation.sln "$@"
