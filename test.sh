#!/usr/bin/env bash
# Runs every test of the solution against a fresh Azurite on loopback.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh
source scripts/chromium.sh
chromium_install
azurite_start
# A test that hangs fails after five minutes with its name (instead of running into CI's limit).
dotnet test Functions.sln --nologo -v q --logger "console;verbosity=minimal" --blame-hang-timeout 5m --blame-hang-dump-type none "$@"
