#!/usr/bin/env node
// Writes a synthetic gateway access log (JSON lines, as --log-format json writes them) for the crawl-report
// benchmark: N requests over 30 days, 40% from eight crawlers, 60% from people with ~3,000 distinct
// User-Agents, paths of the sample site (pages, assets, API), statuses and cache results as crawlers see them.
// usage: node bench/access-log.js LINES OUT_FILE
'use strict';
const fs = require('fs');

const lines = Number(process.argv[2] || 1000000);
const out = fs.createWriteStream(process.argv[3] || 'access.log');
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = (list) => list[Math.floor(rand() * list.length)];

const crawlers = [
  'Mozilla/5.0 (Linux; Android 6.0.1; Nexus 5X Build/MMB29P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.204 Mobile Safari/537.36 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; Googlebot/2.1; +http://www.google.com/bot.html) Chrome/131.0.6778.204 Safari/537.36',
  'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36',
  'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)',
  'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1; +http://www.apple.com/go/applebot)',
  'Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)',
  'Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)',
];
const people = [];
for (let i = 0; i < 3000; i++) {
  const v = 100 + (i % 32);
  const build = `${v}.0.${6000 + (i % 97)}.${i % 200}`;
  switch (i % 5) {
    case 0: people.push(`Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${build} Safari/537.36`); break;
    case 1: people.push(`Mozilla/5.0 (Linux; Android ${10 + (i % 5)}; SM-G${900 + (i % 90)}F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${build} Mobile Safari/537.36`); break;
    case 2: people.push(`Mozilla/5.0 (iPhone; CPU iPhone OS 17_${i % 7} like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.${i % 7} Mobile/15E148 Safari/604.1`); break;
    case 3: people.push(`Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_${i % 8}) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.${i % 6} Safari/605.1.15`); break;
    default: people.push(`Mozilla/5.0 (X11; Linux x86_64; rv:${115 + (i % 20)}.0) Gecko/20100101 Firefox/${115 + (i % 20)}.0`);
  }
}
const pages = ['/', '/about', '/doctors'];
for (let i = 1; i <= 300; i++) pages.push(`/doctors/${i}-doctor-${i}`);
for (let i = 1; i <= 30; i++) pages.push(`/specialties/specialty-${i}`);
const assets = ['/app.js', '/style.css', '/favicon.svg', '/api/doctors.json', '/images/avatar.svg'];
const start = Date.parse('2026-11-01T00:00:00Z');

let buffer = '';
for (let n = 0; n < lines; n++) {
  const ts = new Date(start + Math.floor((n / lines) * 30 * 86400000) + Math.floor(rand() * 1000)).toISOString();
  const bot = rand() < 0.4;
  // Crawlers favour a few pages: a skewed pick makes most and least crawled pages differ.
  const path = bot ? pages[Math.floor(Math.pow(rand(), 2) * pages.length)] : (rand() < 0.5 ? pick(pages) : pick(assets));
  const ua = bot ? crawlers[Math.floor(Math.pow(rand(), 1.5) * crawlers.length)] : pick(people);
  const status = rand() < 0.03 ? 404 : 200;
  const ms = bot ? (rand() < 0.8 ? 1 + rand() * 5 : 150 + rand() * 2000) : rand() * 3;
  const fields = { ts, level: 'INFO', logger: 'rendergate.access', msg: 'request', route: bot ? 'prerender' : 'static',
    verdict: bot ? 'bot' : 'human', method: 'GET', path, status, bytes: 1000 + Math.floor(rand() * 30000),
    ms: Math.round(ms * 100) / 100, ua };
  if (bot) { fields.cache = ms < 10 ? 'HIT' : 'MISS'; fields.render_ms = Math.round(ms); }
  buffer += JSON.stringify(fields) + '\n';
  if (buffer.length > 1 << 20) { out.write(buffer); buffer = ''; }
}
out.end(buffer);
