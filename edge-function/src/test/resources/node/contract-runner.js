'use strict';
// Runs CloudFront request events through the unzipped Lambda@Edge bundle for the contract test.
// stdin: a JSON array of cases {settings, event}; settings null means index.handler with the bundled
// settings, else key=value lines for the bundle's handleWithSettings. stdout: a JSON array with the
// request each case returned, in the cases' order.
// Usage: node contract-runner.js <unzipped bundle dir>
const fs = require('fs');
const path = require('path');

async function main() {
  const bundleDir = process.argv[2];
  const edge = require(path.join(bundleDir, 'rendergate-edge.js'));
  const index = require(path.join(bundleDir, 'index.js'));
  const cases = JSON.parse(fs.readFileSync(0, 'utf8'));
  const results = [];
  for (const c of cases) {
    results.push(c.settings === null ? await index.handler(c.event) : edge.handleWithSettings(c.settings, c.event));
  }
  process.stdout.write(JSON.stringify(results));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
