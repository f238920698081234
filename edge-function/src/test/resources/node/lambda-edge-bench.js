'use strict';
// Lambda@Edge bundle speed in node, through index.js only, so any build of the bundle can be measured
// the same way (e.g. two builds side by side, alternating runs):
//   start  : require('./index.js'), which handles one throw-away event at load: require + first call
//   events : microseconds per index.handler call for each event kind, after an interleaved warm-up
// Usage: node lambda-edge-bench.js <unzipped bundle dir> <fixture dir> start|events [events=20000]
const fs = require('fs');
const path = require('path');

async function main() {
  const [bundleDir, fixtureDir, mode, count = '20000'] = process.argv.slice(2);
  if (mode === 'start') {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    require(path.join(bundleDir, 'index.js'));
    const wall = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(c0);
    console.log(`require + first call: ${wall.toFixed(1)} ms wall, ${((cpu.user + cpu.system) / 1e3).toFixed(1)} ms CPU`);
    return;
  }
  if (mode !== 'events') {
    throw new Error('mode must be start or events');
  }
  const events = Number(count);
  const read = (name) => JSON.parse(fs.readFileSync(path.join(fixtureDir, name + '.event.json'), 'utf8'));
  const kinds = {
    'viewer human deep link': read('viewer-human-chrome-deep-link'),
    'viewer googlebot': read('viewer-googlebot-smartphone-deep-link'),
    'origin marked': read('origin-marked-googlebot'),
    'viewer POST (passes through)': read('viewer-human-post'),
  };
  const index = require(path.join(bundleDir, 'index.js'));
  // Warm-up with the kinds interleaved, as a warm Lambda instance sees them, until the compiled code has
  // seen every kind; then each kind is timed on its own.
  for (let i = 0; i < 5000; i++) {
    for (const event of Object.values(kinds)) await index.handler(event);
  }
  const results = [];
  for (const [label, event] of Object.entries(kinds)) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < events; i++) await index.handler(event);
    results.push(`${label} ${(Number(process.hrtime.bigint() - start) / 1e3 / events).toFixed(2)} us`);
  }
  console.log(results.join(', '));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
