#!/usr/bin/env bash
# Benchmarks that print figures: due-date evaluations per second on one core, and ingestion of a
# 200,000-row department file (parse and validate all of it; apply the first APPLY_ROWS to storage, as the
# emulator is single-threaded and slows as its tables grow; peak memory). Azurite runs with disk
# persistence here: in memory it stalls while collecting deleted queue messages. `./bench.sh fuzz` fuzzes the
# file readers instead. The sharded scan is measured over SCAN_PROCEDURES procedures (default 200,000: loading them
# alone takes about nine minutes here) beside a raw scan of the same table, and its peak memory against SCAN_BASELINE.
set -euo pipefail
cd "$(dirname "$0")"
if [ "${1:-}" = fuzz ]; then
  # ./bench.sh fuzz: mutated department files for SECONDS_TO_FUZZ seconds (default 300); what breaks is kept under tests/…/Fixtures/fuzz.
  dotnet build tools/ApprovalWatch.DevTools -c Release --nologo -v q -clp:ErrorsOnly
  exec dotnet tools/ApprovalWatch.DevTools/bin/Release/net10.0/approvalwatch-dev.dll fuzz --seconds "${SECONDS_TO_FUZZ:-300}"
fi
source scripts/azurite.sh
AZURITE_PERSISTENCE=disk azurite_start
dotnet build tools/ApprovalWatch.DevTools -c Release --nologo -v q -clp:ErrorsOnly
cli=tools/ApprovalWatch.DevTools/bin/Release/net10.0/approvalwatch-dev.dll
dotnet "$cli" bench due --procedures "${PROCEDURES:-1000000}"
dotnet "$cli" bench ingest --rows "${ROWS:-200000}" --apply-rows "${APPLY_ROWS:-20000}"
dotnet "$cli" bench scan --procedures "${SCAN_PROCEDURES:-200000}" --baseline "${SCAN_BASELINE:-20000}"
dotnet "$cli" bench web --procedures "${WEB_PROCEDURES:-100000}"
dotnet "$cli" bench upload --rows "${UPLOAD_ROWS:-1000}" --uploads "${UPLOADS:-20}"
