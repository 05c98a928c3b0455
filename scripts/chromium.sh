#!/usr/bin/env bash
# Sourced by test.sh and run.sh: the browser tests and the board's screenshots use Debian's chromium (Playwright's
# own browser download does not work here). Installs it, with a font for Chinese, when it is missing and this machine can.
chromium_install() {
  if command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ]; then
    return 0
  fi
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  echo "Installing Debian's chromium for the browser tests…" >&2
  if ! ($sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium fonts-wqy-zenhei) >/tmp/approvalwatch-chromium.log 2>&1; then
    echo "Could not install chromium (see /tmp/approvalwatch-chromium.log): no browser tests, no screenshots." >&2
  fi
}
