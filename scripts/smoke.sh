#!/usr/bin/env bash
# Checks a deployed board from outside, as an intruder would try it: without signing in, and with forged identity —
# the principal headers of a real person of the directory, and a token of his the identity provider never signed. Every
# answer must be a refusal before the directory is consulted: 401, or a redirect to sign-in. A page (200) or a 403 (the
# app believed the forged person and only the directory stopped it) fails. Runs as azd's postdeploy hook: a failure
# fails the deployment.
# Usage: scripts/smoke.sh https://APP.azurewebsites.net [a real person's address]
set -uo pipefail
base="${1:-${AZURE_FUNCTION_APP_URL:-}}"
[ -n "$base" ] || { echo "usage: scripts/smoke.sh https://APP.azurewebsites.net [email]" >&2; exit 2; }
base="${base%/}"
here="$(cd "$(dirname "$0")/.." && pwd)"
person="${2:-${APPROVALWATCH_SMOKE_PERSON:-$(awk -F, 'NR > 1 && $4 ~ /coordinator/ { print $1; exit }' "$here/samples/config/directory.csv")}}"
b64() { base64 | tr -d '\n='| tr '/+' '_-'; }
forged_principal=$(printf '{"auth_typ":"aad","name_typ":"name","claims":[{"typ":"preferred_username","val":"%s"}]}' "$person" | base64 | tr -d '\n')
# A token in the provider's shape, with claims of the real person, signed by nobody (and one claiming no signature).
claims=$(printf '{"iss":"https://login.microsoftonline.com/common/v2.0","aud":"approvalwatch","preferred_username":"%s","exp":4102444800}' "$person" | b64)
unsigned_token="$(printf '{"alg":"none","typ":"JWT"}' | b64).$claims."
forged_token="$(printf '{"alg":"RS256","typ":"JWT","kid":"forged"}' | b64).$claims.$(printf 'not-a-signature' | b64)"
failures=0

check() { # description, then curl arguments
  local what="$1"; shift
  local answer status location
  answer=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 20 "$@")
  status="${answer%% *}"; location="${answer#* }"
  case "$status" in
    401) printf 'ok    %s → 401\n' "$what" ;;
    301|302|303|307|308)
      if [[ "$location" == *"/.auth/login"* || "$location" == *login.* || "$location" == https://* && "$what" == *HTTP* ]]; then
        printf 'ok    %s → %s to sign-in\n' "$what" "$status"
      else
        printf 'FAIL  %s → %s to %s (not to sign-in)\n' "$what" "$status" "$location"; failures=$((failures + 1))
      fi ;;
    403) printf 'FAIL  %s → 403: the forged person was believed, only the directory refused\n' "$what"; failures=$((failures + 1)) ;;
    *) printf 'FAIL  %s → %s (expected 401 or a redirect to sign-in)\n' "$what" "$status"; failures=$((failures + 1)) ;;
  esac
}

echo "Forging $person (a person of the directory) against $base"
for path in /board /procedures /procedures.xlsx /mine /checks /notices /projects/2022-653001-48-01-00123X /api/board /ack/x.y; do
  check "GET $path without signing in" "$base$path"
  check "GET $path with a forged name header" -H "X-MS-CLIENT-PRINCIPAL-NAME: $person" "$base$path"
  check "GET $path with a forged principal" -H "X-MS-CLIENT-PRINCIPAL: $forged_principal" -H "X-MS-CLIENT-PRINCIPAL-NAME: $person" "$base$path"
  check "GET $path with a forged token" -H "X-MS-CLIENT-PRINCIPAL: $forged_principal" -H "X-MS-TOKEN-AAD-ID-TOKEN: $forged_token" "$base$path"
  check "GET $path with an unsigned token" -H "X-MS-TOKEN-AAD-ID-TOKEN: $unsigned_token" -H "Authorization: Bearer $unsigned_token" "$base$path"
done
check "POST /ack/x.y without signing in" -X POST --data 'promised=2026-03-18' "$base/ack/x.y"
check "POST /submit with a forged principal" -X POST -H "X-MS-CLIENT-PRINCIPAL: $forged_principal" -F 'file=@/dev/null' "$base/submit"
if [[ "$base" == https://* ]]; then
  check "HTTP (not HTTPS) is not served a page" "${base/https:/http:}/board"
fi

if [ "$failures" -gt 0 ]; then
  echo "$failures check(s) failed: the board answered someone it had not verified." >&2
  exit 1
fi
echo "All checks passed: nobody unverified gets a page."
