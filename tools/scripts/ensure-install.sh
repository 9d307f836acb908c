#!/bin/sh
# Installs what `npm start`, `npm test` and `npm run stack` need and is missing, so that a fresh clone
# works with these commands alone. Runs on the machine's own Node; everything after it runs on the Node 24
# that package.json pins (node_modules/.bin/node comes first on an npm script's PATH).
set -eu
cd "$(dirname "$0")/../.."

log() { printf '[setup] %s\n' "$*"; }

# Java 17+ runs the local Kafka broker; Maven fetches its jars from Maven Central.
need_apt=""
command -v java >/dev/null 2>&1 || need_apt="$need_apt openjdk-17-jre-headless"
command -v mvn >/dev/null 2>&1 || need_apt="$need_apt maven"
if [ -n "$need_apt" ] && [ -z "${KAFKA_BROKERS:-}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing$need_apt"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need_apt >/dev/null
  else
    log "missing:$need_apt (install them, or set KAFKA_BROKERS to an existing cluster)" >&2
    exit 1
  fi
fi

# Debian's Chromium runs the portal's browser tests (never a downloaded browser); CHROMIUM_PATH points
# elsewhere. Only installed where we may (root with apt); elsewhere the browser tests say what is missing.
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1 \
  && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  log "installing chromium (for the portal's browser tests)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

# npm ci when node_modules is missing or older than the lockfile; the lockfile and allowScripts in
# package.json make the install reproducible (only approved packages run install scripts).
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ ! -x node_modules/.bin/node ]; then
  log "installing npm packages (npm ci)"
  npm ci --no-fund --no-audit --loglevel=error
fi

case "$(node_modules/.bin/node --version)" in
  v24.*) ;;
  *) log "node_modules/.bin/node is not Node 24; run npm ci" >&2; exit 1 ;;
esac
