#!/usr/bin/env node
// Regenerates src/test/resources/corpus/public-corpus.tsv from pinned npm packages.
//
//   node edge-function/tools/build-corpus.js <scratch-dir> > edge-function/src/test/resources/corpus/public-corpus.tsv
//
// The packages are installed into <scratch-dir> (outside the repository) with the ordinary npm client.
// Columns: label (bot|human|unsure), class (search|social|ai|tool|-), name (stable crawler name, or - when
// the source does not pin one), device (mobile|desktop|-), source, user agent.
// Rows labelled "unsure" are ones where the source's label is doubtful; tests count them but do not score them.
'use strict';

const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const PINNED = {
  'crawler-user-agents': '1.60.0',
  'user-agents': '2.1.198',
  'top-user-agents': '2.1.138',
};

// Earlier releases of user-agents carry other samples of real traffic; installed side by side under aliases.
const USER_AGENTS_HISTORY = ['1.0.1386', '1.1.417', '1.1.607', '2.1.177'];

// Where crawler-user-agents' tags say something we know to be different, with the reason.
const CLASS_OVERRIDES = {
  'Amazonbot': ['ai', 'Amazon documents Amazonbot as feeding Alexa and AI models, not a search index'],
  'AppEngine-Google': ['tool', 'appended to every outbound request of any Google App Engine app'],
  'Nutch': ['tool', 'Apache Nutch is a crawler framework anyone runs, not one search engine'],
  'AdsBot-Google([^-]|$)': ['search', "Google's crawler family (landing-page quality checks); it must see the rendered page"],
  'AdsBot-Google-Mobile': ['search', "Google's crawler family (landing-page quality checks); it must see the rendered page"],
  'Mediapartners-Google': ['search', "Google's crawler family (AdSense content matching); it must see the rendered page"],
  'Feedfetcher-Google': ['search', "Google's crawler family"],
  'Diffbot\\/': ['ai', 'extracts pages into a knowledge graph sold for AI; listed among AI crawlers'],
  'BingPreview\\/': ['search', "Bing's page-snapshot fetcher for search result previews, one of Bing's crawlers"],
  'YouBot': ['ai', 'You.com is an AI answer engine; its crawler feeds it'],
  'facebookcatalog\\/': ['social', "Meta's fetcher for product pages shown in its feeds"],
};

// Entries whose source label is doubtful: kept in the corpus as "unsure" and not scored.
const UNSURE = {
  'MetaIAB Facebook': 'the name says in-app browser (a person inside the Facebook app), the source says link preview',
  'AP3A\\.240617\\.008': 'an Android build id that real phones carry too; the instance is an Instagram in-app browser',
  'Fluid': 'a site-specific browser a person uses',
};

// Stable names where the crawler's documented name differs from its pattern in the source.
const NAME_OVERRIDES = {
  'Googlebot\\/': 'googlebot',
  'Googlebot-Mobile': 'googlebot',
  'Slurp': 'yahoo-slurp',
  'yandex\\.com\\/bots': 'yandexbot',
  'pinterest\\.com\\/bot': 'pinterestbot',
  'Y!J': 'yahoo-japan',
  'Sogou': 'sogou',
  'Qwantify': 'qwantbot',
  'AspiegelBot': 'petalbot',
  'DuckDuckGo-Favicons-Bot': 'duckduckbot',
  'SeznamHomepageCrawler\\/': 'seznambot',
  '[cC]laude[bB]ot': 'claudebot',
  'Spider[\\s\\S]*spider\\.com': 'spider.com',
  'dbot\\)': 'dbot',
  'developers\\.google\\.com\\/\\+\\/web\\/snippet': 'google-pagerenderer',
  'Mastodon': 'mastodon',
  'Owler \\(ows\\.eu': 'owler',
  'SnapURLPreview\\/': 'snapchat',
  'PerplexityUser': 'perplexity-user',
  'Mediapartners \\(Googlebot\\)': 'mediapartners-google',
  'Bluesky\\/': 'bluesky',
  'BlueskyPreviewBot': 'bluesky',
  'bluesky-domain-status-classifier': 'bluesky',
  'Slackbot': 'slackbot',
  'facebookexternalhit': 'facebookexternalhit',
  'YandexRenderResourcesBot\\/': 'yandexbot',
  'Snap URL Preview Service': 'snapchat',
  'Yahoo Link Preview': 'yahoo-link-preview',
};

// Per-instance names where one source entry lists several products.
const INSTANCE_NAMES = [
  [/Daumoa/i, 'daumoa'],
  [/facebookexternalhit.*Facebot.*Twitterbot/i, 'imessage'],
  [/Slackbot-LinkExpanding/i, 'slackbot-linkexpanding'],
  [/bingpreview/i, 'bingpreview'],
  [/adidxbot/i, 'adidxbot'],
  [/AdsBot-Google-Mobile/i, 'adsbot-google-mobile'],
  [/AdsBot-Google([^-]|$)/, 'adsbot-google'],
  [/^Mediapartners-Google|compatible; Mediapartners-Google/, 'mediapartners-google'],
  [/^Feedfetcher-Google/, 'feedfetcher-google'],
  [/Diffbot\//, 'diffbot'],
  [/^facebookcatalog\//, 'facebookcatalog'],
];

function install(scratch) {
  fs.mkdirSync(scratch, { recursive: true });
  if (!fs.existsSync(path.join(scratch, 'package.json'))) {
    fs.writeFileSync(path.join(scratch, 'package.json'), '{"private":true}\n');
  }
  const specs = Object.entries(PINNED).map(([name, version]) => `${name}@${version}`)
    .concat(USER_AGENTS_HISTORY.map((version) => `user-agents-${version}@npm:user-agents@${version}`));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefix', scratch, ...specs], { stdio: 'ignore' });
}

function readJson(scratch, file) {
  return JSON.parse(fs.readFileSync(path.join(scratch, 'node_modules', file), 'utf8'));
}

function classOf(entry) {
  if (CLASS_OVERRIDES[entry.pattern]) return CLASS_OVERRIDES[entry.pattern][0];
  const tags = entry.tags || [];
  if (tags.includes('ai-crawler')) return 'ai';
  if (tags.includes('search-engine')) return 'search';
  if (tags.includes('social-preview')) return 'social';
  return 'tool';
}

function nameOf(entry, ua, cls) {
  for (const [re, name] of INSTANCE_NAMES) if (re.test(ua)) return name;
  if (cls === 'tool') return '-';
  if (NAME_OVERRIDES[entry.pattern]) return NAME_OVERRIDES[entry.pattern];
  const name = entry.pattern.replace(/\\/g, '').replace(/^\^/, '').replace(/\$$/, '').replace(/\/$/, '')
    .trim().toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  if (/[\[\](){}*+?|]/.test(name)) throw new Error(`pattern needs a NAME_OVERRIDES entry: ${entry.pattern}`);
  return name;
}

function clean(ua) {
  return typeof ua === 'string' && ua.length > 0 && !/[\t\r\n]/.test(ua);
}

function main() {
  const scratch = process.argv[2];
  if (!scratch) {
    console.error('usage: build-corpus.js <scratch-dir>');
    process.exit(2);
  }
  install(path.resolve(scratch));
  const rows = new Map();
  const add = (label, cls, name, device, source, ua) => {
    if (!clean(ua) || rows.has(ua)) return;
    rows.set(ua, [label, cls, name, device, source, ua]);
  };

  for (const entry of readJson(scratch, 'crawler-user-agents/crawler-user-agents.json')) {
    const cls = classOf(entry);
    for (const ua of entry.instances || []) {
      if (UNSURE[entry.pattern]) add('unsure', cls, '-', '-', 'crawler-user-agents', ua);
      else add('bot', cls, nameOf(entry, ua, cls), '-', 'crawler-user-agents', ua);
    }
  }
  const addHuman = (entry, source) => {
    // user-agents samples real traffic; a value that is no browser UA at all is more likely a script.
    const browserShaped = /^(Mozilla|Opera)\//.test(entry.userAgent);
    add(browserShaped ? 'human' : 'unsure', '-', '-', entry.deviceCategory === 'mobile' ? 'mobile' : 'desktop', source, entry.userAgent);
  };
  for (const entry of readJson(scratch, 'user-agents/dist/user-agents.json')) addHuman(entry, 'user-agents');
  for (const version of USER_AGENTS_HISTORY) {
    const module = require(path.join(path.resolve(scratch), 'node_modules', `user-agents-${version}`));
    const UserAgent = module.default || module.UserAgent || module;
    // The constructor tests its filter against every entry, which enumerates the whole bundled sample.
    new UserAgent((entry) => { addHuman(entry, `user-agents@${version}`); return true; });
  }
  for (const [file, device] of [['top-user-agents/src/desktop.json', 'desktop'], ['top-user-agents/src/mobile.json', 'mobile']]) {
    for (const ua of readJson(scratch, file)) add('human', '-', '-', device, 'top-user-agents', ua);
  }

  const out = [];
  out.push('# rendergate crawler-detection corpus, generated by edge-function/tools/build-corpus.js; do not edit by hand.');
  out.push(`# sources: ${Object.entries(PINNED).map(([n, v]) => `${n}@${v}`).join(', ')}, user-agents@${USER_AGENTS_HISTORY.join('/')} (npm registry)`);
  for (const [pattern, [cls, why]] of Object.entries(CLASS_OVERRIDES)) out.push(`# class override: ${pattern} -> ${cls}: ${why}`);
  for (const [pattern, why] of Object.entries(UNSURE)) out.push(`# unsure: ${pattern}: ${why}`);
  out.push('# label\tclass\tname\tdevice\tsource\tuser-agent');
  for (const row of rows.values()) out.push(row.join('\t'));
  process.stdout.write(out.join('\n') + '\n');
}

main();
