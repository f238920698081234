#!/usr/bin/env node
// The peer for bench/farm-vs-prerender.sh: the npm `prerender` server with its stock plugins (as in the
// package's own server.js), Debian Chromium with the same launch flags as the farm's documented ones,
// and optionally the `prerender-memory-cache` plugin. Run it with NODE_PATH pointing at the scratch
// directory's node_modules (never installed inside this repository).
//
//   PORT=N CHROME_LOCATION=/usr/bin/chromium BROWSER_DEBUGGING_PORT=M PROFILE_DIR=DIR \
//     [MEMORY_CACHE=1 CACHE_MAXSIZE=1000 CACHE_TTL=3600] node prerender-peer.js
'use strict';
const prerender = require('prerender');

const debuggingPort = Number(process.env.BROWSER_DEBUGGING_PORT || 9222);
const server = prerender({
  port: Number(process.env.PORT || 3000),
  host: '127.0.0.1',
  chromeLocation: process.env.CHROME_LOCATION || '/usr/bin/chromium',
  browserDebuggingPort: debuggingPort,
  chromeFlags: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--hide-scrollbars', '--remote-debugging-port=' + debuggingPort,
    '--user-data-dir=' + process.env.PROFILE_DIR,
  ],
});
server.use(prerender.sendPrerenderHeader());
server.use(prerender.browserForceRestart());
server.use(prerender.addMetaTags());
server.use(prerender.removeScriptTags());
server.use(prerender.httpHeaders());
if (process.env.MEMORY_CACHE === '1') server.use(require('prerender-memory-cache'));
server.start();
