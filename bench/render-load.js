#!/usr/bin/env node
// Load driver for bench/farm-vs-prerender.sh: sends prerender.io-style `GET /<absolute URL>` requests to
// one render server at fixed concurrencies, samples the memory of the server's whole process tree
// (the server plus every descendant, e.g. its browser processes) from /proc, then stops the server by
// PID and counts the browser processes it leaves behind. Writes one JSON result file.
//
//   node render-load.js --base URL --pid PID --urls FILE --out FILE --label NAME
//        [--phases 1,2,4] [--rounds 1] [--max-seconds 300] [--max-requests 100000]
//        [--stop-signal SIGTERM] [--heap] [--no-stop]
// --heap: the server is a JVM; at start, half-way and end, a full GC (jcmd GC.run) then the live heap.
//
// Every phase is bounded in requests (rounds x URLs, capped by --max-requests) and in time
// (--max-seconds for the whole run; a request gets 60 s); only the given base URL is contacted.
'use strict';
const fs = require('fs');
const { execFileSync } = require('child_process');
const http = require('http');

function args(argv) {
  const out = {};
  for (let i = 2; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '');
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[key] = true; else { out[key] = next; i++; }
  }
  return out;
}
const opt = args(process.argv);
const base = new URL(opt.base);
if (base.hostname !== '127.0.0.1') throw new Error('loopback only: ' + opt.base);
const rootPid = Number(opt.pid);
const urls = fs.readFileSync(opt.urls, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean);
const phases = String(opt.phases || '1').split(',').map(Number);
const rounds = Number(opt.rounds || 1);
const deadline = Date.now() + 1000 * Number(opt['max-seconds'] || 300);
const maxRequests = Number(opt['max-requests'] || 100000);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const PAGE = 4096;

// ---- process tree sampling from /proc ----
function readProcs() {
  const procs = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      procs.set(Number(name), { pid: Number(name), comm, ppid: Number(fields[1]), threads: Number(fields[17]) });
    } catch (e) { /* exited meanwhile */ }
  }
  return procs;
}
function tree(root) {
  const procs = readProcs();
  const children = new Map();
  for (const p of procs.values()) {
    if (!children.has(p.ppid)) children.set(p.ppid, []);
    children.get(p.ppid).push(p);
  }
  const out = [];
  const stack = procs.has(root) ? [procs.get(root)] : [];
  while (stack.length) {
    const p = stack.pop();
    out.push(p);
    for (const c of children.get(p.pid) || []) stack.push(c);
  }
  return out;
}
function memOf(pid) {
  let rss = 0, pss = 0;
  try { rss = Number(fs.readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE; } catch (e) { /* gone */ }
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    if (m) pss = Number(m[1]) * 1024;
  } catch (e) { /* gone or not readable */ }
  return { rss, pss };
}
const isBrowser = (comm) => /chrom/i.test(comm);
const browserPids = new Set();
const samples = [];
function sample() {
  const procs = tree(rootPid);
  let rss = 0, pss = 0, threads = 0, browsers = 0;
  for (const p of procs) {
    const m = memOf(p.pid);
    rss += m.rss; pss += m.pss; threads += p.threads;
    if (isBrowser(p.comm)) { browsers++; browserPids.add(p.pid); }
  }
  const s = { t: Date.now(), rss, pss, processes: procs.length, browsers, threads };
  samples.push(s);
  return s;
}

// Live heap of a JVM server after a full GC, in bytes (null when jcmd is unavailable or fails).
const heaps = [];
function liveHeap(when) {
  if (!opt.heap) return;
  try {
    execFileSync('jcmd', [String(rootPid), 'GC.run'], { timeout: 30000, stdio: 'ignore' });
    const info = execFileSync('jcmd', [String(rootPid), 'GC.heap_info'], { timeout: 30000 }).toString();
    const m = /used (\d+)K/.exec(info);
    heaps.push({ when, live: m ? Number(m[1]) * 1024 : null, rss: sample().rss });
  } catch (e) { heaps.push({ when, live: null, error: e.message }); }
}

// ---- load ----
function get(target) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.get({ host: base.hostname, port: base.port, path: '/' + target, agent,
      headers: { 'User-Agent': 'rendergate-bench/1.0' } }, (res) => {
      let bytes = 0;
      res.on('data', (c) => { bytes += c.length; });
      res.on('end', () => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.statusCode, bytes,
        engine: res.headers['x-rendergate-engine'] || null, cache: res.headers['x-rendergate-cache'] || null }));
    });
    req.setTimeout(60000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, status: 0, bytes: 0, error: e.message }));
  });
}
async function phase(concurrency) {
  const queue = [];
  for (let r = 0; r < rounds; r++) queue.push(...urls);
  queue.length = Math.min(queue.length, maxRequests);
  const results = [];
  const started = Date.now();
  let next = 0;
  let halfDone = false;
  async function worker() {
    while (next < queue.length && Date.now() < deadline) {
      results.push(await get(queue[next++]));
      if (!halfDone && results.length >= queue.length / 2) { halfDone = true; liveHeap('middle'); }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (Date.now() - started) / 1000;
  const ok = results.filter((r) => r.status === 200 && r.bytes > 0);
  const ms = ok.map((r) => r.ms).sort((a, b) => a - b);
  const pct = (q) => (ms.length ? ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)] : null);
  const count = (key) => results.reduce((m, r) => { m[r[key]] = (m[r[key]] || 0) + 1; return m; }, {});
  return { concurrency, requests: results.length, ok: ok.length, seconds, perSecond: ok.length / seconds,
    median: pct(0.5), p95: pct(0.95), max: ms.length ? ms[ms.length - 1] : null,
    statuses: count('status'), engines: count('engine'), caches: count('cache'),
    meanBytes: ok.length ? Math.round(ok.reduce((s, r) => s + r.bytes, 0) / ok.length) : 0,
    errors: results.filter((r) => r.error).slice(0, 3).map((r) => r.error) };
}

function alive(pid) { try { process.kill(pid, 0); return true; } catch (e) { return false; } }
function commOf(pid) { try { return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim(); } catch (e) { return null; } }
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const result = { label: opt.label, base: opt.base, urls: urls.length, rounds, phases: [], load: fs.readFileSync('/proc/loadavg', 'utf8').trim() };
  sample();
  const timer = setInterval(sample, 250);
  result.start = samples[samples.length - 1];
  liveHeap('start');
  for (const c of phases) {
    if (Date.now() >= deadline) break;
    const p = await phase(c);
    p.sampleAfter = sample();
    result.phases.push(p);
    process.stderr.write(`${opt.label} c=${c}: ${p.ok}/${p.requests} ok, median ${p.median && p.median.toFixed(0)} ms, ` +
      `p95 ${p.p95 && p.p95.toFixed(0)} ms, ${p.perSecond.toFixed(2)}/s\n`);
  }
  liveHeap('end');
  clearInterval(timer);
  result.end = sample();
  result.heaps = heaps;
  result.peakRss = Math.max(...samples.map((s) => s.rss));
  result.peakPss = Math.max(...samples.map((s) => s.pss));
  result.peakProcesses = Math.max(...samples.map((s) => s.processes));
  result.peakThreads = Math.max(...samples.map((s) => s.threads));
  const n = samples.length;
  result.rssAt = { start: samples[0].rss, middle: samples[Math.floor(n / 2)].rss, end: samples[n - 1].rss };
  result.threadsAt = { start: samples[0].threads, middle: samples[Math.floor(n / 2)].threads, end: samples[n - 1].threads };
  result.processesAt = { start: samples[0].processes, middle: samples[Math.floor(n / 2)].processes, end: samples[n - 1].processes };
  result.load = result.load + ' -> ' + fs.readFileSync('/proc/loadavg', 'utf8').trim();
  agent.destroy();

  if (!opt['no-stop']) {
    // Stop the server by its PID with the given signal, wait (bounded) for it to exit, give its children
    // a moment, then count the browser processes seen in its tree that are still running.
    const signal = opt['stop-signal'] || 'SIGTERM';
    const stopAt = Date.now();
    try { process.kill(rootPid, signal); } catch (e) { /* already gone */ }
    while (alive(rootPid) && Date.now() - stopAt < 20000) await pause(50);
    result.stop = { signal, exitedMs: alive(rootPid) ? null : Date.now() - stopAt };
    await pause(3000);
    const left = [...browserPids].filter((pid) => alive(pid) && isBrowser(commOf(pid) || ''));
    result.stop.browsersSeen = browserPids.size;
    result.stop.browsersLeft = left.length;
    // Clean up after the measurement: whatever it left is killed here, by PID.
    if (alive(rootPid)) { try { process.kill(rootPid, 'SIGKILL'); } catch (e) { /* gone */ } }
    for (const pid of left) { try { process.kill(pid, 'SIGKILL'); } catch (e) { /* gone */ } }
  }
  fs.writeFileSync(opt.out, JSON.stringify(result, null, 1));
}
main().catch((e) => { console.error(e); process.exit(1); });
