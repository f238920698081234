#!/usr/bin/env bash
# Benchmarks the rendergate farm against the npm `prerender` server on the sample site, one side at a
# time in one run, both rendering the same pages from the same nginx origin with the same Debian Chromium.
#
#   bench/farm-vs-prerender.sh render   # render latency, throughput at concurrency 1/2/4, peak memory,
#                                       # browser processes left after shutdown (htmlunit, chromium, prerender)
#   bench/farm-vs-prerender.sh soak     # long run (SOAK_ENGINE=htmlunit|chromium): memory, threads, processes at start/middle/end
#   bench/farm-vs-prerender.sh cache    # cache hits over HTTP: farm vs prerender + prerender-memory-cache (wrk)
#
# FARM_JAVA_OPTS adds JVM flags to the farm (e.g. a GC choice); the report's header shows them.
# Needs: nginx, wrk, curl, node + npm, chromium (Debian packages) and the built jar. prerender is installed
# with npm into PRERENDER_DIR (default: a fresh temporary directory, removed at exit), never into this repo.
# Every process is started here and stopped by PID; results go to bench/out/ as JSON and a Markdown table.
set -euo pipefail

MODE=${1:-render}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SITE="$ROOT/static-site/site"
JAR=${JAR:-$ROOT/cli/target/rendergate.jar}
OUT="$ROOT/bench/out"
CHROME=${CHROME_LOCATION:-/usr/bin/chromium}
PRERENDER_VERSION=${PRERENDER_VERSION:-5.21.6}
MEMORY_CACHE_VERSION=${MEMORY_CACHE_VERSION:-1.0.2}
ORIGIN_PORT=${ORIGIN_PORT:-18190}
FARM_PORT=${FARM_PORT:-18191}
PEER_PORT=${PEER_PORT:-18192}
PEER_DEBUG_PORT=${PEER_DEBUG_PORT:-18193}
POOL=${POOL:-$(nproc)}
SAMPLE_DOCTORS=${SAMPLE_DOCTORS:-20}
SOAK_RENDERS=${SOAK_RENDERS:-1000}
SOAK_SECONDS=${SOAK_SECONDS:-420}
WRK_DURATION=${WRK_DURATION:-15s}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
ORIGIN="http://127.0.0.1:$ORIGIN_PORT"

for tool in nginx wrk curl node npm java "$CHROME"; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y nginx wrk curl nodejs npm chromium)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "build the jar first: ./rendergate --help" >&2; exit 1; }

LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
mkdir -p "$OUT"

# ---- prerender, pinned, outside the repo ----
PRERENDER_DIR=${PRERENDER_DIR:-$SCRATCH/prerender}
if [ ! -f "$PRERENDER_DIR/node_modules/prerender/package.json" ] \
   || [ ! -f "$PRERENDER_DIR/node_modules/prerender-memory-cache/package.json" ]; then
  mkdir -p "$PRERENDER_DIR"
  (cd "$PRERENDER_DIR" && npm install --silent --no-audit --no-fund --no-save \
    "prerender@$PRERENDER_VERSION" "prerender-memory-cache@$MEMORY_CACHE_VERSION" >/dev/null)
fi
export NODE_PATH="$PRERENDER_DIR/node_modules"

# ---- one neutral origin for both sides: nginx serving the SPA (deep links get the shell) ----
cat > "$SCRATCH/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $SCRATCH/nginx.pid;
error_log $SCRATCH/nginx-error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  keepalive_timeout 65;
  client_body_temp_path $SCRATCH/body;
  proxy_temp_path $SCRATCH/proxy;
  fastcgi_temp_path $SCRATCH/fastcgi;
  uwsgi_temp_path $SCRATCH/uwsgi;
  scgi_temp_path $SCRATCH/scgi;
  server {
    listen 127.0.0.1:$ORIGIN_PORT;
    root $SITE;
    location / { try_files \$uri /index.html; }
  }
}
CONF
nginx -c "$SCRATCH/nginx.conf" -p "$SCRATCH" & PIDS+=($!)

wait_for() { # url seconds
  local until=$((SECONDS + $2))
  while [ $SECONDS -lt "$until" ]; do curl -fs -o /dev/null --max-time 30 "$1" && return 0; sleep 0.2; done
  echo "not up: $1" >&2; exit 1
}
wait_for "$ORIGIN/index.html" 20

# The sitemap's URLs on this origin; the fixed sample is home + the doctor list + every 16th doctor page.
grep -o '<loc>[^<]*</loc>' "$SITE/sitemap.xml" | sed -e 's/<[^>]*>//g' -e "s|http://localhost:8080|$ORIGIN|" > "$SCRATCH/all.txt"
{ echo "$ORIGIN/"; echo "$ORIGIN/doctors"; grep "/doctors/" "$SCRATCH/all.txt" | awk 'NR % 16 == 1' | head -n "$SAMPLE_DOCTORS"; } > "$SCRATCH/sample.txt"
WARM_URL="$ORIGIN/about"

start_farm() { # engine cache-size -> FARM_PID
  # shellcheck disable=SC2086 # FARM_JAVA_OPTS is a list of JVM flags
  java ${FARM_JAVA_OPTS:-} -Drendergate.log.level=WARN -jar "$JAR" farm --bind 127.0.0.1 --port "$FARM_PORT" \
    --allow-origin "$ORIGIN" --private-exception "127.0.0.1:$ORIGIN_PORT" \
    --engine "$1" --pool "$POOL" --cache-size "$2" --cache-ttl 1h >"$SCRATCH/farm-$1.log" 2>&1 &
  FARM_PID=$!; PIDS+=("$FARM_PID")
  wait_for "http://127.0.0.1:$FARM_PORT/ready" 60
  curl -fs -o /dev/null --max-time 60 "http://127.0.0.1:$FARM_PORT/$WARM_URL" \
    || { echo "farm ($1) cannot render $WARM_URL" >&2; tail -20 "$SCRATCH/farm-$1.log" >&2; exit 1; }
}
start_peer() { # memory-cache(0|1) -> PEER_PID
  rm -rf "$SCRATCH/peer-profile"; mkdir -p "$SCRATCH/peer-profile"
  PORT=$PEER_PORT CHROME_LOCATION=$CHROME BROWSER_DEBUGGING_PORT=$PEER_DEBUG_PORT PROFILE_DIR="$SCRATCH/peer-profile" \
    MEMORY_CACHE=$1 CACHE_MAXSIZE=10000 CACHE_TTL=3600 \
    node "$ROOT/bench/prerender-peer.js" >"$SCRATCH/peer.log" 2>&1 &
  PEER_PID=$!; PIDS+=("$PEER_PID")
  local until=$((SECONDS + 60))
  until curl -fs -o /dev/null --max-time 60 "http://127.0.0.1:$PEER_PORT/$WARM_URL"; do
    [ $SECONDS -lt "$until" ] || { echo "prerender not up" >&2; tail -20 "$SCRATCH/peer.log" >&2; exit 1; }
    sleep 0.5
  done
}
drive() { # label pid urls out [extra driver args...]
  local label=$1 pid=$2 urls=$3 out=$4; shift 4
  node "$ROOT/bench/render-load.js" --base "http://127.0.0.1:${label#*@}" --pid "$pid" --urls "$urls" \
    --out "$out" --label "${label%@*}" "$@"
}
header() {
  echo "- $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average at start: $LOAD_AT_START"
  echo "- rendergate jar built $(date -u -r "$JAR" +%Y-%m-%dT%H:%MZ) (tree at $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')), farm --pool $POOL, prerender $PRERENDER_VERSION," \
       "prerender-memory-cache $MEMORY_CACHE_VERSION, $("$CHROME" --version 2>/dev/null | head -1), node $(node --version)," \
       "$(java -version 2>&1 | head -1)", farm JVM flags: ${FARM_JAVA_OPTS:-none}
  echo "- origin: nginx on loopback serving static-site/site; $(wc -l < "$SCRATCH/sample.txt") sample pages (home, /doctors, $SAMPLE_DOCTORS doctor pages)"
}

case "$MODE" in
render)
  # Caching off on both sides (prerender has no cache without a plugin): every request renders.
  # Shutdown: SIGTERM for the farm (JVM shutdown), SIGINT for prerender (its own browser-kill handler);
  # FARM_STOP_SIGNAL / PEER_STOP_SIGNAL change them (e.g. SIGTERM as docker sends, SIGKILL as the OOM killer).
  # SIDES sets the order (the load of a shared machine drifts; run twice in both orders to see it).
  results=()
  for side in ${SIDES:-htmlunit chromium prerender}; do
    case "$side" in
      htmlunit|chromium)
        start_farm "$side" 0
        drive "$side@$FARM_PORT" "$FARM_PID" "$SCRATCH/sample.txt" "$SCRATCH/r-$side.json" --phases 1,2,4 --max-seconds 240 \
          --stop-signal "${FARM_STOP_SIGNAL:-SIGTERM}" ;;
      prerender)
        start_peer 0
        drive "prerender@$PEER_PORT" "$PEER_PID" "$SCRATCH/sample.txt" "$SCRATCH/r-prerender.json" --phases 1,2,4 \
          --max-seconds 360 --stop-signal "${PEER_STOP_SIGNAL:-SIGINT}" ;;
      *) echo "unknown side $side" >&2; exit 2 ;;
    esac
    results+=("$SCRATCH/r-$side.json")
  done
  { header; echo "- order: ${SIDES:-htmlunit chromium prerender}"; node "$ROOT/bench/report.js" render "${results[@]}"; } | tee "$OUT/render.md"
  cp "$SCRATCH"/r-*.json "$OUT/"
  ;;
soak)
  # Distinct sitemap URLs in turn, caching off, at concurrency = pool size, bounded in count and time.
  engine=${SOAK_ENGINE:-htmlunit}
  start_farm "$engine" 0
  for _ in 1 2 3 4; do cat "$SCRATCH/all.txt"; done > "$SCRATCH/soak.txt"
  drive "$engine@$FARM_PORT" "$FARM_PID" "$SCRATCH/soak.txt" "$SCRATCH/s-$engine.json" --phases "$POOL" \
    --max-requests "$SOAK_RENDERS" --max-seconds "$SOAK_SECONDS" --heap
  { header; node "$ROOT/bench/report.js" soak "$SCRATCH/s-$engine.json"; } | tee "$OUT/soak-$engine.md"
  cp "$SCRATCH/s-$engine.json" "$OUT/"
  ;;
cache)
  # Warm both caches with the sample, check the farm answers HIT, then wrk cycles the sample URLs.
  cat > "$SCRATCH/cycle.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("URLS")) do paths[#paths + 1] = "/" .. line end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
  run_wrk() { # port label
    URLS="$SCRATCH/sample.txt" wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency \
      -s "$SCRATCH/cycle.lua" "http://127.0.0.1:$1" > "$SCRATCH/wrk-$2.txt"
    cp "$SCRATCH/wrk-$2.txt" "$OUT/"
  }
  warm() { # port
    while read -r u; do curl -fs -o /dev/null --max-time 60 "http://127.0.0.1:$1/$u"; done < "$SCRATCH/sample.txt"
  }
  rss_tree() { # pid -> kB of the process tree
    node -e '
      const fs=require("fs"); const root=+process.argv[1]; const kids=new Map();
      for (const d of fs.readdirSync("/proc")) { if (!/^\d+$/.test(d)) continue;
        try { const s=fs.readFileSync(`/proc/${d}/stat`,"utf8"); const f=s.slice(s.lastIndexOf(")")+2).split(" ");
          const pp=+f[1]; if(!kids.has(pp)) kids.set(pp,[]); kids.get(pp).push(+d);} catch(e){} }
      let kb=0; const st=[root]; while(st.length){ const p=st.pop();
        try { kb+= +/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`,"utf8"))[1]; } catch(e){}
        for (const c of kids.get(p)||[]) st.push(c); }
      console.log(kb);' "$1"
  }
  cpu_ticks() { # pid -> user+system clock ticks of the process tree so far
    node -e '
      const fs=require("fs"); const root=+process.argv[1]; const kids=new Map(); const ticks=new Map();
      for (const d of fs.readdirSync("/proc")) { if (!/^\d+$/.test(d)) continue;
        try { const s=fs.readFileSync(`/proc/${d}/stat`,"utf8"); const f=s.slice(s.lastIndexOf(")")+2).split(" ");
          ticks.set(+d, +f[11] + +f[12]); if(!kids.has(+f[1])) kids.set(+f[1],[]); kids.get(+f[1]).push(+d);} catch(e){} }
      let t=0; const st=[root]; while(st.length){ const p=st.pop(); t+=ticks.get(p)||0; for (const c of kids.get(p)||[]) st.push(c); }
      console.log(t);' "$1"
  }
  measure() { # port label pid -> wrk run plus the server's CPU seconds during it in $SCRATCH/cpu-<label>
    URLS="$SCRATCH/sample.txt" wrk -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d5s -s "$SCRATCH/cycle.lua" "http://127.0.0.1:$1" >/dev/null
    local before after
    before=$(cpu_ticks "$3")
    run_wrk "$1" "$2"
    after=$(cpu_ticks "$3")
    echo "scale=2; ($after - $before) / $(getconf CLK_TCK)" | bc > "$SCRATCH/cpu-$2"
  }
  start_farm htmlunit 256MB
  warm "$FARM_PORT"
  farm_check=$(curl -s -o /dev/null -D - "http://127.0.0.1:$FARM_PORT/$(sed -n 3p "$SCRATCH/sample.txt")" | tr -d '\r' | awk -F': ' 'tolower($1)=="x-rendergate-cache" {print $2}')
  measure "$FARM_PORT" farm "$FARM_PID"
  farm_rss=$(rss_tree "$FARM_PID")
  kill "$FARM_PID"; wait "$FARM_PID" 2>/dev/null || true
  start_peer 1
  warm "$PEER_PORT"
  t0=$(date +%s%N); curl -fs -o /dev/null "http://127.0.0.1:$PEER_PORT/$(sed -n 3p "$SCRATCH/sample.txt")"; t1=$(date +%s%N)
  peer_check="$(( (t1 - t0) / 1000000 )) ms for a warmed URL"
  measure "$PEER_PORT" prerender "$PEER_PID"
  peer_rss=$(rss_tree "$PEER_PID")
  kill -INT "$PEER_PID"; wait "$PEER_PID" 2>/dev/null || true
  { header; echo "- wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency, Lua script cycling the sample URLs; farm check: X-Rendergate-Cache $farm_check; prerender check: $peer_check"
    node "$ROOT/bench/report.js" cache "$SCRATCH/wrk-farm.txt" "$SCRATCH/wrk-prerender.txt" "$farm_rss" "$peer_rss" "$(cat "$SCRATCH/cpu-farm")" "$(cat "$SCRATCH/cpu-prerender")"; } | tee "$OUT/cache.md"
  ;;
*) echo "usage: $0 render|soak|cache" >&2; exit 2 ;;
esac
