#!/usr/bin/env node
// Runs the npm package isbot over the same labelled corpus the JVM tests use and prints its figures.
//
//   node edge-function/bench/compare-isbot.js <scratch-dir>
//
// isbot is installed into <scratch-dir> (outside the repository) at the pinned version below.
// isbot answers bot or not, so only detection (recall per class) and human false positives compare;
// class, name and device are ours alone. Rows labelled "unsure" are skipped, as in the JVM report.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ISBOT_VERSION = '5.2.3';
const CORPUS = path.join(__dirname, '..', 'src', 'test', 'resources', 'corpus');

function unescape(text) {
  return text.replace(/\\(u[0-9a-fA-F]{4}|[tnr\\])/g, (_, e) => {
    if (e[0] === 'u') return String.fromCharCode(parseInt(e.slice(1), 16));
    return { t: '\t', n: '\n', r: '\r', '\\': '\\' }[e];
  });
}

function load(file, escapes) {
  return fs.readFileSync(path.join(CORPUS, file), 'utf8').split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const cols = line.split('\t');
      const ua = cols.slice(5).join('\t');
      return { label: cols[0], cls: cols[1], ua: escapes ? unescape(ua) : ua };
    });
}

function score(rows, isbot) {
  const classes = { search: [0, 0], social: [0, 0], ai: [0, 0], tool: [0, 0] };
  const result = { classes, humans: 0, falsePositives: 0, misses: [] };
  for (const row of rows) {
    if (row.label === 'unsure') continue;
    const verdict = isbot(row.ua);
    if (row.label === 'human') {
      result.humans++;
      if (verdict) { result.falsePositives++; result.misses.push(`FP   ${row.ua}`); }
    } else {
      classes[row.cls][0]++;
      if (verdict) classes[row.cls][1]++;
      else result.misses.push(`MISS ${row.cls} ${row.ua.slice(0, 200)}`);
    }
  }
  return result;
}

function print(title, { classes, humans, falsePositives }) {
  console.log(title);
  console.log('| class | rows | detected as bot | recall |');
  console.log('|---|---:|---:|---:|');
  for (const [cls, [total, found]] of Object.entries(classes)) {
    console.log(`| ${cls} | ${total} | ${found} | ${(100 * found / total).toFixed(2)}% |`);
  }
  console.log(`| human | ${humans} | ${falsePositives} false positives | FPR ${(100 * falsePositives / humans).toFixed(3)}% |`);
}

function main() {
  const scratch = process.argv[2];
  if (!scratch) {
    console.error('usage: compare-isbot.js <scratch-dir>');
    process.exit(2);
  }
  fs.mkdirSync(scratch, { recursive: true });
  if (!fs.existsSync(path.join(scratch, 'package.json'))) fs.writeFileSync(path.join(scratch, 'package.json'), '{"private":true}\n');
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', scratch, `isbot@${ISBOT_VERSION}`], { stdio: 'ignore' });
  const { isbot } = require(path.join(path.resolve(scratch), 'node_modules', 'isbot'));

  const publicRows = load('public-corpus.tsv', false);
  const all = score([...publicRows, ...load('hard-cases.tsv', true)], isbot);
  print(`isbot ${ISBOT_VERSION}, all rows`, all);
  console.log();
  print(`isbot ${ISBOT_VERSION}, public sources only (no hand-written rows)`, score(publicRows, isbot));
  const misses = all.misses;
  if (process.argv.includes('-v')) misses.forEach((m) => console.log(m));
}

main();
