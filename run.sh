#!/usr/bin/env bash
# Runs the demo pipeline on Azurite: sample configuration and department files into Blob Storage,
# then gather -> ingest -> scan -> send, exactly as the Functions app would. Mail lands in out/mail/, the weekly
# report in out/reports/, screenshots of the board in out/board/; --serve keeps the board on 127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/azurite.sh
source scripts/chromium.sh
chromium_install  # for the board's screenshots (out/board/)
azurite_start
dotnet build tools/ApprovalWatch.DevTools -c Release --nologo -v q -clp:ErrorsOnly
dotnet tools/ApprovalWatch.DevTools/bin/Release/net10.0/approvalwatch-dev.dll demo "$@"  # --serve keeps the board served on 127.0.0.1 until Ctrl+C
