'use strict';
// Runs CloudFront events through the unzipped Lambda@Edge bundle under given settings and prints, per
// case, one JSON line: the returned request's uri and headers, and every line the bundle printed while
// handling it (console.log or standard output).
// Usage: node verification-runner.js <unzipped bundle dir>  (stdin: a JSON array of {settings, event})
const path = require('path');

function main() {
  const [bundleDir] = process.argv.slice(2);
  const edge = require(path.join(bundleDir, 'rendergate-edge.js'));
  const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  const write = process.stdout.write.bind(process.stdout);
  const log = console.log;
  for (const c of cases) {
    const printed = [];
    console.log = (...args) => printed.push(args.join(' '));
    process.stdout.write = (chunk) => { printed.push(String(chunk).replace(/\n$/, '')); return true; };
    let result;
    try {
      result = edge.handleWithSettings(c.settings, c.event);
    } finally {
      console.log = log;
      process.stdout.write = write;
    }
    const headers = {};
    for (const name of Object.keys(result.headers)) headers[name] = result.headers[name][0].value;
    write(JSON.stringify({uri: result.uri, headers, printed: printed.filter((l) => l.length > 0)}) + '\n');
  }
}

main();
