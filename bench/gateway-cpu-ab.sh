#!/usr/bin/env bash
# Gateway CPU per request, two jars side by side: both gateways serve the same site, and wrk hits them in turn
# (A then B, round after round), so each pair of figures is taken under the same machine conditions. For comparing
# a change to the gateway's request path; against nginx, see gateway-vs-nginx.sh.
#
#   bench/gateway-cpu-ab.sh JAR_A JAR_B [rounds] [connections]      e.g. bench/gateway-cpu-ab.sh old.jar new.jar 5 32
#
# PATHS="/ /app.js" picks the paths (default: both); DURATION (6s) per measurement after a 5 s warm-up per path.
# Prints one line per path and round: requests/s and CPU µs per request (user + system ticks of the gateway
# process from /proc over the run, divided by the requests wrk counted) of A and of B.
#
# Needs: wrk and curl (Debian packages), two built jars. Every process it starts is stopped by PID on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR_A=${1:?jar A}
JAR_B=${2:?jar B}
ROUNDS=${3:-5}
CONNECTIONS=${4:-32}
DURATION=${DURATION:-6s}
SITE="$ROOT/static-site/site"
PORT_A=${PORT_A:-18180}
PORT_B=${PORT_B:-18280}
HUMAN_UA="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
read -r -a PATHS <<<"${PATHS:-/ /app.js}"

for tool in wrk curl java; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y wrk curl)" >&2; exit 1; }
done

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

RENDERGATE_METRICS_PORT=off java -Drendergate.log.level=WARN -jar "$JAR_A" gateway --site "$SITE" --bind 127.0.0.1 \
  --port "$PORT_A" >"$SCRATCH/a.log" 2>&1 & PID_A=$!; PIDS+=($PID_A)
RENDERGATE_METRICS_PORT=off java -Drendergate.log.level=WARN -jar "$JAR_B" gateway --site "$SITE" --bind 127.0.0.1 \
  --port "$PORT_B" >"$SCRATCH/b.log" 2>&1 & PID_B=$!; PIDS+=($PID_B)
for port in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 300); do curl -fs -o /dev/null "http://127.0.0.1:$port/index.html" && break; sleep 0.1; done
done

ticks() { # pid -> user + system clock ticks
  local fields
  read -r -a fields < "/proc/$1/stat"
  echo $((fields[13] + fields[14]))
}

measure() { # pid port path duration -> "req/s cpu-us-per-request"
  local before after out requests rps
  before=$(ticks "$1")
  out=$(wrk -t2 -c"$CONNECTIONS" -d"$4" -H "User-Agent: $HUMAN_UA" "http://127.0.0.1:$2$3")
  after=$(ticks "$1")
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
  awk -v t=$((after - before)) -v n="$requests" -v r="$rps" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "%8.0f req/s %5.1f us/req", r, t * 1000000 / hz / n }'
}

# JIT warm-up of every path on both before anything is measured.
for path in "${PATHS[@]}"; do
  measure "$PID_A" "$PORT_A" "$path" 5s >/dev/null
  measure "$PID_B" "$PORT_B" "$path" 5s >/dev/null
done

echo "# gateway A vs B, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t2 -c$CONNECTIONS -d$DURATION, load $(cut -d' ' -f1-3 /proc/loadavg)"
for path in "${PATHS[@]}"; do
  for round in $(seq 1 "$ROUNDS"); do
    echo "$path round $round | A: $(measure "$PID_A" "$PORT_A" "$path" "$DURATION") | B: $(measure "$PID_B" "$PORT_B" "$path" "$DURATION")"
  done
done
