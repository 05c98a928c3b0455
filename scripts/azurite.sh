#!/usr/bin/env bash
# Sourced by run.sh, test.sh and bench.sh: installs the pinned Azurite and starts/stops it on loopback.
# AZURITE_PERSISTENCE=disk keeps data in a temporary folder (for workloads with thousands of queue
# messages, where in-memory persistence stalls while collecting deleted messages).

AZURITE_DIR=""
AZURITE_PID=""

azurite_install() {
  if [ ! -x node_modules/.bin/azurite ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

azurite_start() {
  azurite_install
  AZURITE_DIR=$(mktemp -d -t azurite.XXXXXX)
  local persistence=(--inMemoryPersistence)
  [ "${AZURITE_PERSISTENCE:-memory}" = disk ] && persistence=(--location "$AZURITE_DIR")
  node node_modules/azurite/dist/src/azurite.js --silent --skipApiVersionCheck --disableTelemetry \
    --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 \
    "${persistence[@]}" >"$AZURITE_DIR/azurite.log" 2>&1 &
  AZURITE_PID=$!
  trap azurite_stop EXIT
  for _ in $(seq 1 100); do
    if (exec 3<>/dev/tcp/127.0.0.1/10000 && exec 3<>/dev/tcp/127.0.0.1/10001 && exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
      return 0
    fi
    if ! kill -0 "$AZURITE_PID" 2>/dev/null; then
      echo "Azurite did not start:" >&2; cat "$AZURITE_DIR/azurite.log" >&2; return 1
    fi
    sleep 0.2
  done
  echo "Azurite did not open ports 10000-10002 within 20 s" >&2
  return 1
}

azurite_stop() {
  if [ -n "$AZURITE_PID" ] && kill -0 "$AZURITE_PID" 2>/dev/null; then
    kill -INT "$AZURITE_PID" 2>/dev/null
    for _ in $(seq 1 25); do kill -0 "$AZURITE_PID" 2>/dev/null || break; sleep 0.2; done
    kill -0 "$AZURITE_PID" 2>/dev/null && kill -KILL "$AZURITE_PID" 2>/dev/null
  fi
  AZURITE_PID=""
  [ -n "$AZURITE_DIR" ] && rm -rf "$AZURITE_DIR"
  AZURITE_DIR=""
}
