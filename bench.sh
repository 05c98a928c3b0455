#!/usr/bin/env bash
# Benchmarks that print figures: due-date evaluations per second on one core; ingestion of a ROWS-row department
# file (parse and validate all of it; apply APPLY_ROWS to storage beside raw batched upserts of the same rows);
# the sharded scan over SCAN_PROCEDURES procedures beside a raw scan of the same table, and its peak memory against
# SCAN_BASELINE; the board, uploads and workbooks' memory. Each goal's measured and raw parts are taken PAIRS times in
# turn and judged by the median ratio; the GOAL lines are printed again at the end. Azurite runs with disk
# persistence here: in memory it stalls while collecting deleted queue messages. `./bench.sh fuzz` fuzzes the
# file readers instead.
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
log=$(mktemp)
{
  dotnet "$cli" bench due --procedures "${PROCEDURES:-1000000}"
  dotnet "$cli" bench ingest --rows "${ROWS:-20000}" --apply-rows "${APPLY_ROWS:-20000}" --pairs "${PAIRS:-3}"
  dotnet "$cli" bench scan --procedures "${SCAN_PROCEDURES:-50000}" --baseline "${SCAN_BASELINE:-5000}" --pairs "${PAIRS:-3}"
  dotnet "$cli" bench workbook
  dotnet "$cli" bench web --procedures "${WEB_PROCEDURES:-100000}"
  dotnet "$cli" bench upload --rows "${UPLOAD_ROWS:-1000}" --uploads "${UPLOADS:-20}"
} | tee "$log"
echo
echo "Goals (median of ${PAIRS:-3} pairs, each beside the raw store's figure in the same run):"
grep '^GOAL ' "$log" || true
rm -f "$log"
