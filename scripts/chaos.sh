#!/usr/bin/env bash
# The long fault run, with figures: a ROWS-row department file (default 50,000) dropped while the local host
# gathers every few seconds; the host is killed (SIGKILL) in the middle of applying it and started again.
# Prints how often the file was queued, what was applied before the kill and in the end. Azurite on disk.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/azurite.sh
AZURITE_PERSISTENCE=disk azurite_start
dotnet build tools/ApprovalWatch.DevTools -c Release --nologo -v q -clp:ErrorsOnly
dotnet tools/ApprovalWatch.DevTools/bin/Release/net10.0/approvalwatch-dev.dll bench chaos --rows "${ROWS:-50000}" --gather-seconds "${GATHER_SECONDS:-5}" --mail "$(mktemp -d)"
