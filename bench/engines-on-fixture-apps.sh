#!/usr/bin/env bash
# Benchmarks the three engine modes (auto, chromium, htmlunit) on the fixture apps of
# static-site/fixture-apps, served by nginx, in one run: a fresh farm per mode (pool 2, cache off); for each
# app, in each mode in turn, its first request, two learning rounds, and timed rounds at concurrency 1 and 4,
# every answer checked (status and title). Prints a Markdown table and writes bench/out/engines-*.json.
#
#   bench/engines-on-fixture-apps.sh             # ROUNDS=3 LEARN=2 MODES="auto chromium htmlunit"
#   APPS="vue/dist es2020/dist" LOG_LEVEL=INFO bench/engines-on-fixture-apps.sh
#
# Before the measured apps, each mode's farm renders a copy of the ES2020 app on an origin of its own
# (WARMUP rounds over its pages, not measured), so the first app measured does not pay for a cold JVM and
# the measured apps' routes are still unknown to auto. LOG_LEVEL (WARN) is the farm's log level: INFO logs
# auto's route verdicts ("now answered by"). The farms' logs are copied to bench/out.
#
# Needs: nginx, curl, node (Debian packages), Debian's chromium and the built jar. Every process is started
# here and stopped by PID.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=${JAR:-$ROOT/cli/target/rendergate.jar}
APPS_DIR="$ROOT/static-site/fixture-apps"
OUT="$ROOT/bench/out"
MODES=${MODES:-"auto chromium htmlunit"}
ROUNDS=${ROUNDS:-3}
LEARN=${LEARN:-2}
POOL=${POOL:-2}
BASE_PORT=${BASE_PORT:-16100}
FARM_PORT=${FARM_PORT:-16190}
WARMUP=${WARMUP:-2}
LOG_LEVEL=${LOG_LEVEL:-WARN}
read -r -a APPS <<< "${APPS:-react/dist react/dist-legacy vue/dist es2020/dist second-host/dist web-component/dist}"
for tool in nginx curl node java; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y nginx curl nodejs)" >&2; exit 1; }
done
[ -f "$JAR" ] || { echo "build the jar first: mvn -B -q -pl cli -am package -DskipTests" >&2; exit 1; }
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
mkdir -p "$OUT"
chmod a+rx "$SCRATCH" # nginx's workers run as an unprivileged user and must read the app copies
STAMP=$(date -u +%Y%m%dT%H%MZ)

# One nginx: each app on its own port (an SPA fallback for pages, 404 for missing files), the second-host
# app's API on one more port with CORS; that app's config.json points at it.
API_PORT=$((BASE_PORT + ${#APPS[@]}))
WARMUP_PORT=$((API_PORT + 1))
servers=""
allow=()
for i in "${!APPS[@]}"; do
  port=$((BASE_PORT + i))
  dir="$SCRATCH/app$i"
  cp -r "$APPS_DIR/${APPS[$i]}" "$dir"
  [ -f "$dir/config.json" ] && printf '{"apiOrigin": "http://127.0.0.1:%s"}\n' "$API_PORT" > "$dir/config.json"
  servers+="server { listen 127.0.0.1:$port; root $dir;
    location ~ \\.[A-Za-z0-9]+\$ { try_files \$uri =404; }
    location / { try_files \$uri /index.html; } }
"
  allow+=(--allow-origin "http://127.0.0.1:$port" --private-exception "127.0.0.1:$port")
done
servers+="server { listen 127.0.0.1:$API_PORT; root $APPS_DIR/second-host/api-host;
    add_header Access-Control-Allow-Origin * always; location / { try_files \$uri =404; } }
"
allow+=(--allow-origin "http://127.0.0.1:$API_PORT" --private-exception "127.0.0.1:$API_PORT")
cp -r "$APPS_DIR/es2020/dist" "$SCRATCH/warmup"
servers+="server { listen 127.0.0.1:$WARMUP_PORT; root $SCRATCH/warmup;
    location ~ \\.[A-Za-z0-9]+\$ { try_files \$uri =404; }
    location / { try_files \$uri /index.html; } }
"
allow+=(--allow-origin "http://127.0.0.1:$WARMUP_PORT" --private-exception "127.0.0.1:$WARMUP_PORT")
cat > "$SCRATCH/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $SCRATCH/nginx.pid;
error_log $SCRATCH/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $SCRATCH/body;
  proxy_temp_path $SCRATCH/proxy;
  fastcgi_temp_path $SCRATCH/fastcgi;
  uwsgi_temp_path $SCRATCH/uwsgi;
  scgi_temp_path $SCRATCH/scgi;
  $servers
}
CONF
nginx -c "$SCRATCH/nginx.conf" -p "$SCRATCH" & PIDS+=($!)
for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$BASE_PORT/" && break; sleep 0.1; done

# One farm per mode, all started first, so each app is measured in every mode within the same minutes (the
# machine's load drifts; modes measured one after another would each see a different machine). Idle farms
# take no CPU. The order of the modes turns with every app.
read -r -a MODE_LIST <<< "$MODES"
declare -A FARM_PORTS
k=0
for mode in "${MODE_LIST[@]}"; do
  FARM_PORTS[$mode]=$((FARM_PORT + k)); k=$((k + 1))
  java -Drendergate.log.level="$LOG_LEVEL" -jar "$JAR" farm --bind 127.0.0.1 --port "${FARM_PORTS[$mode]}" \
    --engine "$mode" --pool "$POOL" --cache-size 0 "${allow[@]}" > "$SCRATCH/farm-$mode.log" 2>&1 & PIDS+=($!)
done
for mode in "${MODE_LIST[@]}"; do
  for _ in $(seq 1 600); do curl -fs -o /dev/null "http://127.0.0.1:${FARM_PORTS[$mode]}/ready" && break; sleep 0.1; done
  node "$ROOT/bench/engine-load.js" --farm "http://127.0.0.1:${FARM_PORTS[$mode]}" \
    --origin "http://127.0.0.1:$WARMUP_PORT" --learn "$WARMUP" --rounds 0 --out "$SCRATCH/warmup-$mode.json"
done
for i in "${!APPS[@]}"; do
  n=${#MODE_LIST[@]}
  for j in $(seq 0 $((n - 1))); do
    mode=${MODE_LIST[$(((i + j) % n))]}
    node "$ROOT/bench/engine-load.js" --farm "http://127.0.0.1:${FARM_PORTS[$mode]}" \
      --origin "http://127.0.0.1:$((BASE_PORT + i))" --learn "$LEARN" --rounds "$ROUNDS" \
      --out "$OUT/engines-$STAMP-$mode-$i.json"
  done
done
for mode in "${MODE_LIST[@]}"; do cp "$SCRATCH/farm-$mode.log" "$OUT/engines-$STAMP-$mode.log"; done

node - "$OUT" "$STAMP" "$MODES" "${APPS[@]}" <<'JS'
const fs = require('fs');
const [out, stamp, modes, ...apps] = process.argv.slice(2);
const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN; };
const f = (x) => Number.isFinite(x) ? Math.round(x) : '-';
console.log(`# engines on the fixture apps: ${stamp}, farm --pool 2 --cache-size 0, nginx origin, ms`);
console.log('| app | mode | first request | c1 p50 | c1 p95 | c1 renders/s | c4 p50 | c4 p95 | c4 renders/s | right | answered by |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
apps.forEach((app, i) => {
  for (const mode of modes.split(' ')) {
    const r = JSON.parse(fs.readFileSync(`${out}/engines-${stamp}-${mode}-${i}.json`, 'utf8'));
    const all = ['first', 'learn', 'c1', 'c4'].map((k) => r[k]);
    const right = all.reduce((a, p) => a + p.right, 0), n = all.reduce((a, p) => a + p.n, 0);
    const by = Object.entries(r.c4.engines).map(([e, c]) => `${e} ${c}`).join(', ');
    console.log(`| ${app} | ${mode} | ${f(r.first.ms[0])} | ${f(q(r.c1.ms, 0.5))} | ${f(q(r.c1.ms, 0.95))} | ${(r.c1.n / r.c1.seconds).toFixed(2)} | ${f(q(r.c4.ms, 0.5))} | ${f(q(r.c4.ms, 0.95))} | ${(r.c4.n / r.c4.seconds).toFixed(2)} | ${right}/${n} | ${by} |`);
  }
});
JS
