#!/usr/bin/env bash
# Checks a deployed board from outside, as a stranger would try it: without signing in, and with forged identity
# headers, every page must answer 401 or a redirect to sign-in (302), never a page. Usage: scripts/smoke.sh https://APP.azurewebsites.net
set -uo pipefail
base="${1:?usage: scripts/smoke.sh https://APP.azurewebsites.net}"
base="${base%/}"
forged_principal=$(printf '{"auth_typ":"aad","claims":[{"typ":"preferred_username","val":"coordinator@example.org"}]}' | base64 | tr -d '\n')
failures=0

check() { # description, then curl arguments
  local what="$1"; shift
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 20 "$@")
  case "$status" in
    401|403|301|302|303|307|308) printf 'ok    %s → %s\n' "$what" "$status" ;;
    *) printf 'FAIL  %s → %s (expected 401, 403 or a redirect)\n' "$what" "$status"; failures=$((failures + 1)) ;;
  esac
}

for path in /board /procedures /procedures.xlsx /projects/2022-653001-48-01-00123X /api/board /ack/x.y; do
  check "GET $path without signing in" "$base$path"
  check "GET $path with a forged name header" -H 'X-MS-CLIENT-PRINCIPAL-NAME: coordinator@example.org' "$base$path"
  check "GET $path with a forged principal" -H "X-MS-CLIENT-PRINCIPAL: $forged_principal" -H 'X-MS-CLIENT-PRINCIPAL-NAME: coordinator@example.org' "$base$path"
done
check "POST /ack/x.y without signing in" -X POST --data 'promised=2026-03-18' "$base/ack/x.y"
check "HTTP (not HTTPS) is not served a page" "${base/https:/http:}/board"

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed: the board answered a page to someone it had not verified." >&2
  exit 1
fi
echo "All checks passed: nobody unverified gets a page."
