#!/usr/bin/env bash
# Soak: mixed traffic through `rendergate up` with Chromium rendering, then a report of what stayed flat.
# 90% people over the site's files and deep links, 10% crawlers over the sitemap's pages plus pages that do not
# exist, a farm cache small enough to evict. Per row: people's p50/p99, crawlers' p99, unexpected 5xx, the farm's
# 503 load shedding, threads and Chromium processes of the `up` process, its heap; at start (after the warm-up) and
# end the heap after a full GC (jcmd GC.run + GC.heap_info). The driver is bench/SoakLoad.java (JDK only).
#
#   bench/soak.sh            # 10 minutes, a row per minute, gateway on 18100 and farm on 18101; checks strict
#   bench/soak.sh --short    # 30 s, a row per 10 s, free ports: what SoakScriptIT runs in `mvn verify`
#
# Settings (environment): SOAK_SECONDS, ROW_SECONDS, WARMUP, RATE (requests/s, default 10), CRAWLER_SHARE (0.1),
# CACHE_SIZE (farm cache, default 1MB), ENGINE (chromium), POOL (2), PORT, FARM_PORT, CHROMIUM (/usr/bin/chromium),
# JAR (cli/target/rendergate.jar), UP_JAVA_OPTS, REPORT (default bench/out/soak-<stamp>.md).
# Exit status: 0; 1 when an unexpected 5xx was seen (or, in the full run, a check failed); 2 when `up` did not start.
# Needs: java (a JDK: jcmd), Debian's chromium, the built jar. `up` is started here and stopped by PID.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODE=full
[ "${1:-}" = "--short" ] && MODE=short
if [ "$MODE" = short ]; then
  SOAK_SECONDS=${SOAK_SECONDS:-30} ROW_SECONDS=${ROW_SECONDS:-10} WARMUP=${WARMUP:-5} PORT=${PORT:-0} FARM_PORT=${FARM_PORT:-0}
else
  SOAK_SECONDS=${SOAK_SECONDS:-600} ROW_SECONDS=${ROW_SECONDS:-60} WARMUP=${WARMUP:-90} PORT=${PORT:-18100} FARM_PORT=${FARM_PORT:-18101}
fi
RATE=${RATE:-10}
CRAWLER_SHARE=${CRAWLER_SHARE:-0.1}
CACHE_SIZE=${CACHE_SIZE:-1MB}
ENGINE=${ENGINE:-chromium}
POOL=${POOL:-2}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
JAR=${JAR:-$ROOT/cli/target/rendergate.jar}
SITE="$ROOT/static-site/site"
mkdir -p "$ROOT/bench/out"
REPORT=${REPORT:-$ROOT/bench/out/soak-$(date -u +%Y%m%dT%H%MZ).md}
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}java

[ -f "$JAR" ] || { echo "soak: build the jar first: mvn -B -q -pl cli -am package -DskipTests" >&2; exit 2; }
[ -x "$CHROMIUM" ] || { echo "soak: no Chromium at $CHROMIUM (apt-get install -y chromium)" >&2; exit 2; }
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

RENDERGATE_TOKEN=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
export RENDERGATE_TOKEN
# shellcheck disable=SC2086
"$JAVA_BIN" ${UP_JAVA_OPTS:-} -jar "$JAR" up --port "$PORT" --farm-port "$FARM_PORT" --site "$SITE" \
  --engine "$ENGINE" --chromium "$CHROMIUM" --pool "$POOL" --cache-size "$CACHE_SIZE" --metrics-port off \
  > "$SCRATCH/up.log" 2>&1 &
UP_PID=$!
PIDS+=("$UP_PID")

deadline=$((SECONDS + 90))
until grep -q "rendergate is up" "$SCRATCH/up.log"; do
  if ! kill -0 "$UP_PID" 2>/dev/null || [ $SECONDS -ge $deadline ]; then
    echo "soak: up did not start; its output:" >&2
    tail -40 "$SCRATCH/up.log" >&2
    exit 2
  fi
  sleep 0.2
done
GATEWAY=$(grep -o 'site (people get the SPA): *http://[^ ]*' "$SCRATCH/up.log" | grep -o 'http://.*' | sed 's/localhost/127.0.0.1/')
FARM=$(grep -o 'farm (loopback, token only): *http://[^ ]*' "$SCRATCH/up.log" | grep -o 'http://[0-9.:]*')
echo "soak: up (pid $UP_PID) at $GATEWAY, farm $FARM; $SOAK_SECONDS s of traffic after $WARMUP s of warm-up" >&2

strict=()
[ "$MODE" = full ] && strict=(--strict)
status=0
"$JAVA_BIN" "$ROOT/bench/SoakLoad.java" --pid "$UP_PID" --gateway "$GATEWAY" --farm "$FARM" --site "$SITE" \
  --seconds "$SOAK_SECONDS" --row-seconds "$ROW_SECONDS" --warmup "$WARMUP" --rate "$RATE" \
  --crawler-share "$CRAWLER_SHARE" --report "$REPORT" "${strict[@]}" || status=$?
if ! kill -0 "$UP_PID" 2>/dev/null; then
  echo "soak: up exited during the run; its output:" >&2
  tail -40 "$SCRATCH/up.log" >&2
  status=1
fi
echo "soak: report in $REPORT (command: ${0#"$ROOT/"} ${1:-}; engine $ENGINE, pool $POOL, cache $CACHE_SIZE)" >&2
exit "$status"
