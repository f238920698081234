#!/usr/bin/env node
// Prints the Markdown tables of bench/farm-vs-prerender.sh from the load driver's JSON files and wrk's output.
//   node report.js render htmlunit.json chromium.json prerender.json
//   node report.js soak soak.json
//   node report.js cache wrk-farm.txt wrk-prerender.txt farm-rss-kB prerender-rss-kB farm-cpu-s prerender-cpu-s
'use strict';
const fs = require('fs');
const [mode, ...files] = process.argv.slice(2);
const read = (f) => JSON.parse(fs.readFileSync(f, 'utf8'));
const mb = (b) => (b / 1048576).toFixed(0) + ' MB';
const ms = (v) => (v == null ? '–' : v.toFixed(0) + ' ms');
const at = (r, c) => r.phases.find((p) => p.concurrency === c);
const rate = (r, c) => (at(r, c) ? at(r, c).perSecond : NaN);

if (mode === 'render') {
  const runs = files.map(read);
  console.log('\n| side | engine | c=1 median | c=1 p95 | c=4 median | renders/s c=1 | c=2 | c=4 | ok / sent | peak RSS (tree) | peak PSS (tree) | peak processes | browsers left after stop | stopped in |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of runs) {
    const side = r.label === 'prerender' ? 'prerender' : 'rendergate farm';
    const engines = [...new Set(r.phases.flatMap((p) => Object.keys(p.engines)))].filter((e) => e !== 'null');
    const ok = r.phases.reduce((s, p) => s + p.ok, 0), sent = r.phases.reduce((s, p) => s + p.requests, 0);
    const stop = r.stop || {};
    console.log(`| ${side} | ${r.label === 'prerender' ? 'Chromium (new tab per render)' : engines.join('+') || r.label} | ` +
      `${ms(at(r, 1) && at(r, 1).median)} | ${ms(at(r, 1) && at(r, 1).p95)} | ${ms(at(r, 4) && at(r, 4).median)} | ` +
      `${rate(r, 1).toFixed(2)} | ${rate(r, 2).toFixed(2)} | ${rate(r, 4).toFixed(2)} | ${ok} / ${sent} | ` +
      `${mb(r.peakRss)} | ${mb(r.peakPss)} | ${r.peakProcesses} | ${stop.browsersLeft} of ${stop.browsersSeen} (${stop.signal}) | ` +
      `${stop.exitedMs == null ? 'did not exit in 20 s' : stop.exitedMs + ' ms'} |`);
  }
  const by = Object.fromEntries(runs.map((r) => [r.label, r]));
  if (by.chromium && by.prerender) {
    const lat = at(by.chromium, 1).median / at(by.prerender, 1).median;
    const thr = rate(by.chromium, 4) / rate(by.prerender, 4);
    const mem = by.chromium.peakRss / by.prerender.peakRss;
    console.log(`\nChromium engine vs prerender: median latency ${lat.toFixed(2)}× (target ≤ 0.5×: ${lat <= 0.5 ? 'met' : 'not met'}), ` +
      `throughput at c=4 ${thr.toFixed(2)}× (target ≥ 2×: ${thr >= 2 ? 'met' : 'not met'}), peak RSS ${mem.toFixed(2)}× ` +
      `(target < 1×: ${mem < 1 ? 'met' : 'not met'}).`);
  }
  if (by.htmlunit) {
    const best = Math.max(...by.htmlunit.phases.map((p) => p.perSecond));
    console.log(`HtmlUnit engine: best ${best.toFixed(2)} renders/s (target ≥ 4: ${best >= 4 ? 'met' : 'not met'}).`);
  }
  console.log(`Statuses: ${runs.map((r) => r.label + ' ' + JSON.stringify(Object.assign({}, ...r.phases.map((p) => p.statuses)))).join('; ')}; ` +
    `mean body: ${runs.map((r) => r.label + ' ' + (r.phases[0] ? r.phases[0].meanBytes : 0) + ' B').join(', ')}.`);
  console.log(`Load average during each side (1/5/15 min, before -> after): ${runs.map((r) => r.label + ' ' + r.load.replace(/ \d+\/\d+ \d+/g, '')).join('; ')}.`);
} else if (mode === 'soak') {
  const r = read(files[0]);
  const p = r.phases[0];
  console.log(`\n| renders (ok / sent) | seconds | renders/s | median | p95 | RSS start / middle / end | threads start / middle / end | processes start / middle / end | peak RSS | browsers left |`);
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  console.log(`| ${p.ok} / ${p.requests} | ${p.seconds.toFixed(0)} | ${p.perSecond.toFixed(2)} | ${ms(p.median)} | ${ms(p.p95)} | ` +
    `${mb(r.rssAt.start)} / ${mb(r.rssAt.middle)} / ${mb(r.rssAt.end)} | ${r.threadsAt.start} / ${r.threadsAt.middle} / ${r.threadsAt.end} | ` +
    `${r.processesAt.start} / ${r.processesAt.middle} / ${r.processesAt.end} | ${mb(r.peakRss)} | ${r.stop ? r.stop.browsersLeft : '–'} |`);
  if (r.heaps && r.heaps.length) {
    console.log(`Live heap after a full GC (jcmd GC.run): ${r.heaps.map((h) => h.when + ' ' + (h.live == null ? '?' : mb(h.live))).join(', ')}.`);
  }
  console.log(`Statuses ${JSON.stringify(p.statuses)}, engines ${JSON.stringify(p.engines)}; load average ${r.load.replace(/ \d+\/\d+ \d+/g, '')}.`);
} else if (mode === 'cache') {
  const parse = (f) => {
    const t = fs.readFileSync(f, 'utf8');
    const pick = (re) => { const m = re.exec(t); return m ? m[1] : '–'; };
    return { rps: pick(/Requests\/sec:\s+([\d.]+)/), p50: pick(/^\s+50%\s+(\S+)/m), p99: pick(/^\s+99%\s+(\S+)/m),
      requests: pick(/(\d+) requests in/), errors: pick(/(Non-2xx or 3xx responses: \d+|Socket errors: [^\n]+)/) };
  };
  const [farm, peer] = [parse(files[0]), parse(files[1])];
  const kb = (v) => (Number(v) / 1024).toFixed(0) + ' MB';
  // Server CPU per request (user+system of its process tree during the measured run): independent of what
  // else the machine runs; 2 cores / that = the hit rate two dedicated cores could serve without the load generator.
  const cpu = (s, side) => { const us = (Number(s) * 1e6) / Number(side.requests); return { us, ceiling: 2e6 / us }; };
  const [fc, pc] = [cpu(files[4], farm), cpu(files[5], peer)];
  console.log('\n| side | req/s | p50 | p99 | requests | errors | server CPU per request | 2 cores / CPU per request | RSS of the tree after the run |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  console.log(`| rendergate farm (Caffeine L1) | ${farm.rps} | ${farm.p50} | ${farm.p99} | ${farm.requests} | ${farm.errors} | ${fc.us.toFixed(0)} µs | ${fc.ceiling.toFixed(0)}/s | ${kb(files[2])} |`);
  console.log(`| prerender + prerender-memory-cache | ${peer.rps} | ${peer.p50} | ${peer.p99} | ${peer.requests} | ${peer.errors} | ${pc.us.toFixed(0)} µs | ${pc.ceiling.toFixed(0)}/s | ${kb(files[3])} |`);
  const toMs = (s) => (/us$/.test(s) ? parseFloat(s) / 1000 : /ms$/.test(s) ? parseFloat(s) : /s$/.test(s) ? parseFloat(s) * 1000 : NaN);
  console.log(`\nFarm vs prerender: ${(Number(farm.rps) / Number(peer.rps)).toFixed(1)}× the requests/s. Targets: ≥ 20,000 req/s ` +
    `(${Number(farm.rps) >= 20000 ? 'met' : 'not met'}), p99 ≤ 5 ms (${toMs(farm.p99) <= 5 ? 'met' : 'not met'}).`);
}
