#!/usr/bin/env node
// Load driver for bench/engines-on-fixture-apps.sh: asks one farm for the pages of one fixture app and
// checks every answer (status and title), timing each request. Phases:
//   first   the app's doctor page once (the first request a fresh site ever gets)
//   learn   --learn rounds over every page, one at a time (auto compares its engines meanwhile)
//   c1      --rounds rounds, one request at a time
//   c4      --rounds * 2 rounds, four requests at a time
// Writes one JSON object: per phase the latencies (ms), how many answers were right, which engines answered.
//
//   node engine-load.js --farm URL --origin URL --out FILE [--learn 2] [--rounds 3] [--max-seconds 240]
//
// Only the given loopback farm is contacted; every request is bounded (60 s) and the run is bounded in time.
'use strict';
const fs = require('fs');
const http = require('http');

function args(argv) {
  const out = {};
  for (let i = 2; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}
const opt = args(process.argv);
const farm = new URL(opt.farm);
if (farm.hostname !== '127.0.0.1') throw new Error('loopback only: ' + opt.farm);
const origin = opt.origin;
const deadline = Date.now() + 1000 * Number(opt['max-seconds'] || 240);
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

// What every fixture app answers (static-site/fixture-apps; the same table as the Java tests' FixturePages).
const SITE = ' | Clinic directory';
const DOCTORS = [
  ['17-emma-schwarz', 'Dr. Emma Schwarz, Cardiology in Berlin'], ['23-lukas-weber', 'Dr. Lukas Weber, Dermatology in Hamburg'],
  ['31-sofia-rossi', 'Dr. Sofia Rossi, Pediatrics in Munich'], ['42-jonas-keller', 'Dr. Jonas Keller, Orthopedics in Berlin'],
  ['56-mia-fischer', 'Dr. Mia Fischer, Neurology in Cologne'], ['64-noah-braun', 'Dr. Noah Braun, General practice in Hamburg'],
];
const PAGES = [{ path: '/', status: 200, title: 'Find a doctor' + SITE }]
  .concat(DOCTORS.map(([slug, title]) => ({ path: '/doctors/' + slug, status: 200, title: title + SITE })))
  .concat([{ path: '/doctors/999-nobody', status: 404, title: 'Doctor not found' + SITE }]);

function render(page) {
  return new Promise((resolve) => {
    const start = process.hrtime.bigint();
    const path = '/render?url=' + encodeURIComponent(origin + page.path);
    const req = http.get({ host: farm.hostname, port: farm.port, path, agent, timeout: 60000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => {
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        const title = (/<title>([^<]*)<\/title>/.exec(body) || [])[1];
        const decoded = title && title.replace(/&amp;/g, '&').replace(/&#x27;|&#39;/g, "'");
        resolve({ ms, path: page.path, title: decoded, status: res.statusCode, engine: res.headers['x-rendergate-engine'] || '-',
          right: res.statusCode === page.status && decoded === page.title });
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ ms: Number(process.hrtime.bigint() - start) / 1e6, path: page.path, title: String(e),
      status: 0, engine: '-', right: false }));
  });
}

async function phase(list, concurrency) {
  const results = [];
  const started = Date.now();
  let next = 0;
  async function worker() {
    while (next < list.length && Date.now() < deadline) {
      const page = list[next++];
      results.push(await render(page));
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const engines = {};
  for (const r of results) engines[r.engine] = (engines[r.engine] || 0) + 1;
  return { n: results.length, seconds: (Date.now() - started) / 1000, ms: results.map((r) => r.ms),
    right: results.filter((r) => r.right).length, engines,
    wrong: results.filter((r) => !r.right).slice(0, 3).map(({ path, status, title }) => ({ path, status, title })) };
}

const rounds = (n) => Array.from({ length: n }, () => PAGES).flat();
const count = (name, otherwise) => (opt[name] === undefined ? otherwise : Number(opt[name]));

(async () => {
  const out = { origin };
  out.first = await phase([PAGES[1]], 1);
  out.learn = await phase(rounds(count('learn', 2)), 1);
  out.c1 = await phase(rounds(count('rounds', 3)), 1);
  out.c4 = await phase(rounds(2 * count('rounds', 3)), 4);
  fs.writeFileSync(opt.out, JSON.stringify(out));
  agent.destroy();
})();
