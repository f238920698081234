#!/usr/bin/env bash
# Rebuilds every fixture app's built files from its source. The built files are committed, so the tests
# never need npm; run this after changing an app or data/doctors.json. Needs node and npm.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

for app in react vue; do
  (cd "$app" && npm ci --no-audit --no-fund && npm run build)
done
for app in es2020 second-host web-component; do
  rm -rf "$app/dist"
  cp -r "$app/src" "$app/dist"
done
for dist in react/dist react/dist-legacy vue/dist es2020/dist web-component/dist; do
  node make-api.mjs "$dist"
done
# The second-host app has no API of its own: tests serve this folder on another origin, with CORS.
rm -rf second-host/api-host
node make-api.mjs second-host/api-host
echo "fixture apps built"
