'use strict';
// Runs every CloudFront event fixture through the unzipped Lambda@Edge bundle and prints one JSON line
// per fixture: the request returned under the test settings and by index.js's handler under the bundled
// settings, each written in the JVM handlers' canonical JSON form, and whether the event object passed
// in was left as it was.
// Usage: node conformance-runner.js <unzipped bundle dir> <fixture dir>
const fs = require('fs');
const path = require('path');
const assert = require('assert');

// The JVM's JSON form: compact, keys sorted by UTF-16 code unit, and every character outside printable
// ASCII, as well as '"' and '\', escaped (\uXXXX with lower-case hex).
function canonical(value) {
  if (value === null) return 'null';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
  return '{' + Object.keys(value).sort().map((k) => quote(k) + ':' + canonical(value[k])).join(',') + '}';
}

function quote(text) {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c >= 0x20 && c < 0x7f) out += text[i];
    else out += '\\u' + c.toString(16).padStart(4, '0');
  }
  return out + '"';
}

async function main() {
  const [bundleDir, fixtureDir] = process.argv.slice(2);
  const edge = require(path.join(bundleDir, 'rendergate-edge.js'));
  const index = require(path.join(bundleDir, 'index.js'));
  const settings = fs.readFileSync(path.join(fixtureDir, 'settings.properties'), 'utf8');
  const names = fs.readdirSync(fixtureDir).filter((f) => f.endsWith('.event.json')).sort();
  for (const file of names) {
    const text = fs.readFileSync(path.join(fixtureDir, file), 'utf8');
    const event = JSON.parse(text);
    const bundled = canonical(await index.handler(event));
    let inputUntouched = true;
    try {
      assert.deepStrictEqual(event, JSON.parse(text));
    } catch (e) {
      inputUntouched = false;
    }
    const line = {
      name: file.slice(0, -'.event.json'.length),
      settings: canonical(edge.handleWithSettings(settings, JSON.parse(text))),
      bundled,
      inputUntouched,
    };
    process.stdout.write(JSON.stringify(line) + '\n');
  }
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
