#!/usr/bin/env bash
# Benchmarks the gateway against nginx serving the same sample-site files over keep-alive on loopback,
# then the crawler cache-hit path (gateway -> farm) of `rendergate up`. Writes bench/out/results.md.
#
#   bench/gateway-vs-nginx.sh [duration] [connections]        e.g. bench/gateway-vs-nginx.sh 10s 64
#
# PATHS="/ /app.js" picks the static paths, ROUNDS=3 measures each path that many times (nginx and the gateway
# in turn, so both see the same machine), CRAWLER=no skips the crawler rows.
#
# Needs: nginx and wrk (Debian packages), the built jar (cli/target/rendergate.jar, or JAR=...), curl.
# Every process it starts is stopped by PID on exit.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${1:-10s}
CONNECTIONS=${2:-64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-5s}
SITE="$ROOT/static-site/site"
JAR=${JAR:-"$ROOT/cli/target/rendergate.jar"}
OUT="$ROOT/bench/out"
GATEWAY_PORT=${GATEWAY_PORT:-18080}
NGINX_PORT=${NGINX_PORT:-18081}
UP_PORT=${UP_PORT:-18082}
FARM_PORT=${FARM_PORT:-18083}
STUB_FARM_PORT=${STUB_FARM_PORT:-18084}
PROXY_PORT=${PROXY_PORT:-18085}
# Each gateway's metrics listener (on by default) needs a port of its own; set by variable, so a jar from
# before the metrics listener existed runs unchanged.
GATEWAY_METRICS_PORT=${GATEWAY_METRICS_PORT:-18086}
PROXY_METRICS_PORT=${PROXY_METRICS_PORT:-18087}
UP_METRICS_PORT=${UP_METRICS_PORT:-18088}
HUMAN_UA="Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
BOT_UA="Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
read -r -a PATHS <<<"${PATHS:-/ /index.html /app.js /style.css /doctors/17-emma-schwarz}"
ROUNDS=${ROUNDS:-1}
CRAWLER=${CRAWLER:-yes}

for tool in nginx wrk curl java; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y nginx wrk curl)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -q -pl cli -am package -DskipTests" >&2; exit 1; }

# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
mkdir -p "$OUT"

wait_for() { # url [user-agent]
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null -A "${2:-$HUMAN_UA}" "$1" && return 0
    sleep 0.1
  done
  echo "not up: $1" >&2; exit 1
}

cat > "$SCRATCH/nginx.conf" <<CONF
worker_processes auto;
daemon off;
pid $SCRATCH/nginx.pid;
error_log $SCRATCH/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 10000000;
  open_file_cache max=1000 inactive=20s;
  client_body_temp_path $SCRATCH/body;
  proxy_temp_path $SCRATCH/proxy;
  fastcgi_temp_path $SCRATCH/fastcgi;
  uwsgi_temp_path $SCRATCH/uwsgi;
  scgi_temp_path $SCRATCH/scgi;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $SITE;
    location / { try_files \$uri /index.html; }
  }
  # A stand-in farm that answers every render request at once with a fixed 7 KB page: it isolates the
  # gateway's own proxy path (edge decision, pooled farm connection, streaming) from the farm's cost.
  server {
    listen 127.0.0.1:$STUB_FARM_PORT;
    root $SCRATCH;
    default_type text/html;
    location / { try_files /rendered.html =404; }
  }
}
CONF
head -c 7400 "$SITE/app.js" > "$SCRATCH/rendered.html"

nginx -c "$SCRATCH/nginx.conf" -p "$SCRATCH" & NGINX_PID=$!; PIDS+=($NGINX_PID)
RENDERGATE_METRICS_PORT=$GATEWAY_METRICS_PORT \
java -Drendergate.log.level=WARN -jar "$JAR" gateway --site "$SITE" --bind 127.0.0.1 --port "$GATEWAY_PORT" \
  >"$SCRATCH/gateway.log" 2>&1 & GATEWAY_PID=$!; PIDS+=($GATEWAY_PID)
RENDERGATE_METRICS_PORT=$PROXY_METRICS_PORT \
java -Drendergate.log.level=WARN -jar "$JAR" gateway --site "$SITE" --bind 127.0.0.1 --port "$PROXY_PORT" \
  --farm "http://127.0.0.1:$STUB_FARM_PORT" >"$SCRATCH/proxy.log" 2>&1 & PROXY_PID=$!; PIDS+=($PROXY_PID)
wait_for "http://127.0.0.1:$NGINX_PORT/index.html"
wait_for "http://127.0.0.1:$GATEWAY_PORT/index.html"
wait_for "http://127.0.0.1:$PROXY_PORT/healthz"

cpu_ticks() { # pids... -> user+system clock ticks of those processes (nginx: master and workers)
  local total=0 pid fields
  for pid in "$@"; do
    read -r -a fields < "/proc/$pid/stat"
    total=$((total + fields[13] + fields[14]))
  done
  echo "$total"
}

server_pids() { # main pid -> it and its children
  echo "$1" $(pgrep -P "$1" || true)
}

run_wrk() { # url user-agent duration [server pid] -> "rps p99 cpu-us-per-request"
  local pids=() before=0 after=0
  if [ -n "${4:-}" ]; then pids=($(server_pids "$4")); before=$(cpu_ticks "${pids[@]}"); fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$3" --latency -H "User-Agent: $2" "$1" > "$SCRATCH/wrk.txt"
  if [ -n "${4:-}" ]; then after=$(cpu_ticks "${pids[@]}"); fi
  local rps p99 requests
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$SCRATCH/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$SCRATCH/wrk.txt")
  requests=$(awk '/requests in/ {print $1}' "$SCRATCH/wrk.txt")
  echo "$rps $p99 $(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { if (n > 0) printf "%.0f", t * 1000000 / hz / n; else print "-" }')"
}

{
  echo "# gateway vs nginx — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, keep-alive, loopback"
  echo
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| path | round | nginx req/s | nginx p99 | nginx CPU µs/req | gateway req/s | gateway p99 | gateway CPU µs/req | gateway / nginx req/s |"
  echo "|---|---|---|---|---|---|---|---|---|"
} > "$OUT/results.md"

# JIT warm-up: the JVM needs every path's code compiled before any of them is measured.
for path in "${PATHS[@]}"; do
  run_wrk "http://127.0.0.1:$GATEWAY_PORT$path" "$HUMAN_UA" "$WARMUP" >/dev/null
done

for path in "${PATHS[@]}"; do
  run_wrk "http://127.0.0.1:$NGINX_PORT$path" "$HUMAN_UA" 2s >/dev/null
  run_wrk "http://127.0.0.1:$GATEWAY_PORT$path" "$HUMAN_UA" 2s >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    read -r n_rps n_p99 n_cpu <<<"$(run_wrk "http://127.0.0.1:$NGINX_PORT$path" "$HUMAN_UA" "$DURATION" "$NGINX_PID")"
    read -r g_rps g_p99 g_cpu <<<"$(run_wrk "http://127.0.0.1:$GATEWAY_PORT$path" "$HUMAN_UA" "$DURATION" "$GATEWAY_PID")"
    ratio=$(awk -v g="$g_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", g / n }')
    echo "| $path | $round | $n_rps | $n_p99 | $n_cpu | $g_rps | $g_p99 | $g_cpu | $ratio |" | tee -a "$OUT/results.md"
  done
done

if [ "$CRAWLER" != yes ]; then
  echo; echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/results.md"
  exit 0
fi

run_wrk "http://127.0.0.1:$PROXY_PORT/doctors/17-emma-schwarz" "$BOT_UA" "$WARMUP" >/dev/null
read -r p_rps p_p99 p_cpu <<<"$(run_wrk "http://127.0.0.1:$PROXY_PORT/doctors/17-emma-schwarz" "$BOT_UA" "$DURATION" "$PROXY_PID")"

# Crawler cache-hit path: rendergate up (gateway + in-process farm); the first request renders, the rest hit the cache.
RENDERGATE_METRICS_PORT=$UP_METRICS_PORT \
java -Drendergate.log.level=WARN -jar "$JAR" up --site "$SITE" --port "$UP_PORT" --farm-port "$FARM_PORT" \
  --engine htmlunit >"$SCRATCH/up.log" 2>&1 & UP_PID=$!; PIDS+=($UP_PID)
wait_for "http://127.0.0.1:$UP_PORT/healthz"
curl -fs -o /dev/null -A "$BOT_UA" --max-time 60 "http://127.0.0.1:$UP_PORT/doctors/17-emma-schwarz"
run_wrk "http://127.0.0.1:$UP_PORT/doctors/17-emma-schwarz" "$BOT_UA" "$WARMUP" >/dev/null
read -r c_rps c_p99 c_cpu <<<"$(run_wrk "http://127.0.0.1:$UP_PORT/doctors/17-emma-schwarz" "$BOT_UA" "$DURATION" "$UP_PID")"
{
  echo
  echo "| crawler path (Googlebot) | req/s | p99 | CPU µs/req |"
  echo "|---|---|---|---|"
  echo "| /doctors/17-emma-schwarz via gateway -> stand-in farm (nginx, fixed page; gateway CPU only) | $p_rps | $p_p99 | $p_cpu |"
  echo "| /doctors/17-emma-schwarz via gateway -> farm (rendergate up, cache hit; gateway + farm CPU) | $c_rps | $c_p99 | $c_cpu |"
  echo
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$OUT/results.md"
