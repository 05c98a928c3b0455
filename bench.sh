#!/usr/bin/env bash
# Benchmarks that print figures: due-date evaluations per second on one core, and ingestion of a
# 200,000-row department file (parse and validate all of it; apply the first APPLY_ROWS to storage, as the
# emulator is single-threaded and slows as its tables grow; peak memory). Azurite runs with disk
# persistence here: in memory it stalls while collecting deleted queue messages.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh
AZURITE_PERSISTENCE=disk azurite_start
dotnet build functions/ApprovalWatch.Cli -c Release --nologo -v q -clp:ErrorsOnly
cli=functions/ApprovalWatch.Cli/bin/Release/net10.0/approvalwatch.dll
dotnet "$cli" bench due --procedures "${PROCEDURES:-1000000}"
dotnet "$cli" bench ingest --rows "${ROWS:-200000}" --apply-rows "${APPLY_ROWS:-20000}"
