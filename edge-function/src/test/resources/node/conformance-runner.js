'use strict';
// Runs every CloudFront event fixture through the unzipped Lambda@Edge bundle and prints one JSON line
// per fixture: the core's output under the test settings and under the bundled settings, and whether
// index.js's handler returned the same request object.
// Usage: node conformance-runner.js <unzipped bundle dir> <fixture dir>
const fs = require('fs');
const path = require('path');
const assert = require('assert');

async function main() {
  const [bundleDir, fixtureDir] = process.argv.slice(2);
  const edge = require(path.join(bundleDir, 'rendergate-edge.js'));
  const index = require(path.join(bundleDir, 'index.js'));
  const settings = fs.readFileSync(path.join(fixtureDir, 'settings.properties'), 'utf8');
  const names = fs.readdirSync(fixtureDir).filter((f) => f.endsWith('.event.json')).sort();
  for (const file of names) {
    const text = fs.readFileSync(path.join(fixtureDir, file), 'utf8');
    const bundled = edge.handle(text);
    let indexMatches = true;
    try {
      assert.deepStrictEqual(await index.handler(JSON.parse(text)), JSON.parse(bundled));
    } catch (e) {
      indexMatches = false;
    }
    const line = {
      name: file.slice(0, -'.event.json'.length),
      settings: edge.handleWithSettings(settings, text),
      bundled,
      indexMatches,
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
