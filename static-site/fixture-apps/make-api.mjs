// Writes the fixture apps' JSON API (a list and one file per doctor) from data/doctors.json into OUT/api.
// Usage: node make-api.mjs OUT
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = process.argv[2];
if (!out) {
  console.error('usage: node make-api.mjs OUT_DIR');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const doctors = JSON.parse(readFileSync(join(here, 'data', 'doctors.json'), 'utf8'));
mkdirSync(join(out, 'api', 'doctors'), { recursive: true });
const summary = ({ id, slug, name, specialty, city, rating }) => ({ id, slug, name, specialty, city, rating });
writeFileSync(join(out, 'api', 'doctors.json'), JSON.stringify(doctors.map(summary), null, 1) + '\n');
for (const d of doctors) {
  const related = d.related.map((id) => summary(doctors.find((x) => x.id === id)));
  writeFileSync(join(out, 'api', 'doctors', `${d.id}.json`), JSON.stringify({ ...d, related }, null, 1) + '\n');
}
