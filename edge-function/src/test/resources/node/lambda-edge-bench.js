'use strict';
// Lambda@Edge bundle speed in node: require + first call (builds the configuration and the classifier),
// then the time per event over many calls of index.js's handler with the event objects Lambda passes in.
// Usage: node lambda-edge-bench.js <unzipped bundle dir> <fixture dir> [events=10000]
const fs = require('fs');
const path = require('path');

async function main() {
  const [bundleDir, fixtureDir, count = '10000'] = process.argv.slice(2);
  const events = Number(count);
  const read = (name) => JSON.parse(fs.readFileSync(path.join(fixtureDir, name + '.event.json'), 'utf8'));
  const googlebot = read('viewer-googlebot-smartphone-deep-link');
  const human = read('viewer-human-chrome-deep-link');
  const origin = read('origin-marked-googlebot');

  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const edge = require(path.join(bundleDir, 'rendergate-edge.js'));
  const t1 = process.hrtime.bigint();
  edge.handle(googlebot);
  const t2 = process.hrtime.bigint();
  const c1 = process.cpuUsage(c0);
  const ms = (a, b) => Number(b - a) / 1e6;
  console.log(`require ${ms(t0, t1).toFixed(1)} ms, first call ${ms(t1, t2).toFixed(1)} ms, `
    + `require + first call ${ms(t0, t2).toFixed(1)} ms wall, ${((c1.user + c1.system) / 1e3).toFixed(1)} ms CPU`);

  const index = require(path.join(bundleDir, 'index.js'));
  const perEvent = async (label, events_) => {
    for (let i = 0; i < 2000; i++) await index.handler(events_[i % events_.length]);
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (let i = 0; i < events; i++) await index.handler(events_[i % events_.length]);
    const used = process.cpuUsage(cpu);
    const us = Number(process.hrtime.bigint() - start) / 1e3 / events;
    const cpuUs = (used.user + used.system) / events;
    console.log(`${label}: ${us.toFixed(2)} us/event wall, ${cpuUs.toFixed(2)} us/event CPU, over ${events} events`);
  };
  await perEvent('viewer googlebot', [googlebot]);
  await perEvent('viewer human', [human]);
  await perEvent('origin marked', [origin]);
  await perEvent('mixed', [googlebot, human, origin]);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
