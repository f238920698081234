#!/usr/bin/env node
// Writes the sample site's data: api/doctors.json, api/doctors/<id>.json, api/specialties.json,
// api/cities.json and sitemap.xml. The output is deterministic (seeded PRNG, fixed lists), so running
// it twice gives byte-identical files and doctor URLs such as /doctors/17-<slug> stay stable.
//
//   node static-site/tools/generate-data.js
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SITE = path.resolve(__dirname, '..', 'site');
const DOCTOR_COUNT = 320;
const SEED = 20240917;
// Deployments rewrite this origin; the host is unknown when the files are generated.
const SITEMAP_ORIGIN = 'http://localhost:8080';

// mulberry32: tiny, fast, and good enough to make the fake data look varied.
function prng(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const pick = (list) => list[Math.floor(random() * list.length)];
const between = (min, max) => min + Math.floor(random() * (max - min + 1));

const SPECIALTIES = [
  { slug: 'cardiology', name: 'Cardiology', title: 'Cardiologist', schema: 'Cardiovascular',
    description: 'Heart and blood vessel care: check-ups, ECG, blood pressure and rhythm disorders.' },
  { slug: 'dermatology', name: 'Dermatology', title: 'Dermatologist', schema: 'Dermatology',
    description: 'Skin, hair and nail conditions, mole checks and allergy testing.' },
  { slug: 'pediatrics', name: 'Pediatrics', title: 'Pediatrician', schema: 'Pediatric',
    description: 'Care for babies, children and teenagers, from vaccinations to growth checks.' },
  { slug: 'general-practice', name: 'General Practice', title: 'General Practitioner', schema: 'PrimaryCare',
    description: 'Your first stop for everyday health questions, prescriptions and referrals.' },
  { slug: 'orthopedics', name: 'Orthopedics', title: 'Orthopedist', schema: 'Musculoskeletal',
    description: 'Bones, joints and muscles: back pain, sports injuries and joint problems.' },
  { slug: 'neurology', name: 'Neurology', title: 'Neurologist', schema: 'Neurologic',
    description: 'Headaches, migraine, epilepsy, nerve pain and other nervous system disorders.' },
  { slug: 'ophthalmology', name: 'Ophthalmology', title: 'Ophthalmologist', schema: 'Optometric',
    description: 'Eye examinations, vision tests, glaucoma and cataract care.' },
  { slug: 'gynecology', name: 'Gynecology', title: 'Gynecologist', schema: 'Gynecologic',
    description: 'Women\'s health, preventive screening, pregnancy care and contraception advice.' },
  { slug: 'psychiatry', name: 'Psychiatry', title: 'Psychiatrist', schema: 'Psychiatric',
    description: 'Diagnosis and treatment of depression, anxiety, sleep and mood disorders.' },
  { slug: 'dentistry', name: 'Dentistry', title: 'Dentist', schema: 'Dentistry',
    description: 'Check-ups, cleaning, fillings, crowns and emergency dental care.' },
  { slug: 'ent', name: 'Ear, Nose and Throat', title: 'ENT Specialist', schema: 'Otolaryngologic',
    description: 'Hearing, sinus, tonsil and voice problems for adults and children.' },
  { slug: 'endocrinology', name: 'Endocrinology', title: 'Endocrinologist', schema: 'Endocrine',
    description: 'Diabetes, thyroid and hormone disorders.' },
];

const CITIES = [
  { slug: 'berlin', name: 'Berlin', country: 'DE', postal: [10115, 14199], phone: '+49 30',
    streets: ['Friedrichstrasse', 'Torstrasse', 'Kastanienallee', 'Karl-Marx-Allee', 'Oranienstrasse'] },
  { slug: 'munich', name: 'Munich', country: 'DE', postal: [80331, 81929], phone: '+49 89',
    streets: ['Leopoldstrasse', 'Sendlinger Strasse', 'Maximilianstrasse', 'Schellingstrasse'] },
  { slug: 'hamburg', name: 'Hamburg', country: 'DE', postal: [20095, 22769], phone: '+49 40',
    streets: ['Jungfernstieg', 'Osterstrasse', 'Moenckebergstrasse', 'Eppendorfer Weg'] },
  { slug: 'cologne', name: 'Cologne', country: 'DE', postal: [50667, 51149], phone: '+49 221',
    streets: ['Hohe Strasse', 'Ehrenstrasse', 'Aachener Strasse', 'Venloer Strasse'] },
  { slug: 'frankfurt', name: 'Frankfurt', country: 'DE', postal: [60306, 60599], phone: '+49 69',
    streets: ['Zeil', 'Berger Strasse', 'Schweizer Strasse', 'Leipziger Strasse'] },
  { slug: 'vienna', name: 'Vienna', country: 'AT', postal: [1010, 1230], phone: '+43 1',
    streets: ['Mariahilfer Strasse', 'Kaerntner Strasse', 'Landstrasser Hauptstrasse', 'Waehringer Strasse'] },
  { slug: 'zurich', name: 'Zurich', country: 'CH', postal: [8001, 8057], phone: '+41 44',
    streets: ['Bahnhofstrasse', 'Langstrasse', 'Seefeldstrasse', 'Universitaetstrasse'] },
  { slug: 'amsterdam', name: 'Amsterdam', country: 'NL', postal: [1011, 1109], phone: '+31 20',
    streets: ['Prinsengracht', 'Ferdinand Bolstraat', 'Overtoom', 'Javastraat'] },
  { slug: 'copenhagen', name: 'Copenhagen', country: 'DK', postal: [1050, 2500], phone: '+45',
    streets: ['Stroget', 'Vesterbrogade', 'Norrebrogade', 'Amagerbrogade'] },
  { slug: 'dublin', name: 'Dublin', country: 'IE', postal: [1, 24], phone: '+353 1',
    streets: ['Grafton Street', 'Baggot Street', 'Camden Street', 'Dame Street'] },
];

const FIRST_NAMES = ['Anna', 'Lukas', 'Sofia', 'Jonas', 'Mila', 'Felix', 'Emma', 'Noah', 'Lea', 'Elias',
  'Clara', 'Paul', 'Hannah', 'Leon', 'Marie', 'Ben', 'Lina', 'Finn', 'Ida', 'Jakob', 'Nora', 'Oskar',
  'Amelie', 'Matteo', 'Freya', 'Samuel', 'Leila', 'Tobias', 'Yara', 'David', 'Sara', 'Omar', 'Helena',
  'Mateo', 'Aisha', 'Viktor', 'Julia', 'Karim', 'Eva', 'Daniel'];
const LAST_NAMES = ['Schmidt', 'Muller', 'Fischer', 'Weber', 'Wagner', 'Becker', 'Hoffmann', 'Koch',
  'Richter', 'Klein', 'Wolf', 'Neumann', 'Schwarz', 'Braun', 'Hofer', 'Huber', 'Gruber', 'de Vries',
  'Jansen', 'Bakker', 'Nielsen', 'Hansen', 'Murphy', 'Kelly', 'Walsh', 'Rossi', 'Novak', 'Kowalski',
  'Yilmaz', 'Haddad', 'Lindqvist', 'Moreau', 'Berger', 'Keller', 'Vogel', 'Brandt', 'Lang', 'Roth'];
const LANGUAGES = ['English', 'German', 'French', 'Spanish', 'Italian', 'Turkish', 'Arabic', 'Polish',
  'Dutch', 'Danish', 'Russian', 'Portuguese'];
const LOCAL_LANGUAGE = { DE: 'German', AT: 'German', CH: 'German', NL: 'Dutch', DK: 'Danish', IE: 'English' };
const CLINIC_WORDS = ['Health Centre', 'Medical Practice', 'Clinic', 'Practice Group', 'Medical Centre'];
const CLINIC_PREFIX = ['Central', 'Riverside', 'Parkside', 'Old Town', 'Lakeside', 'North', 'South',
  'Market Square', 'Station', 'Garden'];
const SCHOOLS = ['Charite Berlin', 'LMU Munich', 'University of Vienna', 'University of Zurich',
  'University of Amsterdam', 'Trinity College Dublin', 'University of Copenhagen', 'Heidelberg University'];
const INTERESTS = {
  cardiology: ['hypertension', 'heart rhythm disorders', 'preventive cardiology', 'heart failure'],
  dermatology: ['acne', 'eczema', 'skin cancer screening', 'psoriasis'],
  pediatrics: ['newborn care', 'childhood asthma', 'vaccinations', 'adolescent health'],
  'general-practice': ['preventive check-ups', 'chronic disease care', 'travel medicine', 'family medicine'],
  orthopedics: ['sports injuries', 'back pain', 'knee and hip problems', 'osteoporosis'],
  neurology: ['migraine', 'epilepsy', 'multiple sclerosis', 'sleep disorders'],
  ophthalmology: ['glaucoma', 'cataract', 'children\'s eyesight', 'dry eyes'],
  gynecology: ['prenatal care', 'menopause', 'endometriosis', 'preventive screening'],
  psychiatry: ['anxiety disorders', 'depression', 'ADHD in adults', 'sleep problems'],
  dentistry: ['preventive dentistry', 'implants', 'children\'s dentistry', 'orthodontics'],
  ent: ['hearing loss', 'chronic sinusitis', 'tinnitus', 'voice disorders'],
  endocrinology: ['diabetes', 'thyroid disease', 'osteoporosis', 'hormone disorders'],
};
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function slugify(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

function pad2(n) {
  return (n < 10 ? '0' : '') + n;
}

function languagesFor(city) {
  const languages = [LOCAL_LANGUAGE[city.country]];
  if (languages[0] !== 'English') languages.push('English');
  const extra = between(0, 2);
  for (let i = 0; i < extra; i++) {
    const language = pick(LANGUAGES);
    if (languages.indexOf(language) < 0) languages.push(language);
  }
  return languages;
}

function openingHours() {
  const hours = [];
  const opens = between(7, 9);
  const closes = between(16, 19);
  const shortDay = pick(['Wednesday', 'Friday']);
  DAYS.forEach((day) => {
    if (day === 'Saturday') {
      if (random() < 0.35) hours.push({ day, opens: '09:00', closes: '13:00' });
      return;
    }
    hours.push({ day, opens: pad2(opens) + ':00', closes: (day === shortDay ? '13' : pad2(closes)) + ':00' });
  });
  return hours;
}

function makeDoctor(id) {
  const first = pick(FIRST_NAMES);
  const last = pick(LAST_NAMES);
  const specialty = SPECIALTIES[(id * 7 + between(0, 3)) % SPECIALTIES.length];
  const city = pick(CITIES);
  const name = 'Dr. ' + first + ' ' + last;
  const rating = Math.round((3.4 + random() * 1.6) * 10) / 10;
  const reviewCount = between(3, 480);
  const clinic = pick(CLINIC_PREFIX) + ' ' + pick(CLINIC_WORDS) + ' ' + city.name;
  const postal = between(city.postal[0], city.postal[1]);
  const postalCode = city.country === 'IE' ? 'D' + pad2(postal) : String(postal);
  const interests = INTERESTS[specialty.slug];
  const years = between(4, 32);
  const school = pick(SCHOOLS);
  const summary = {
    id,
    slug: slugify(first + ' ' + last),
    name,
    specialty: specialty.slug,
    city: city.slug,
    clinic,
    rating,
    reviewCount,
    languages: languagesFor(city),
    acceptsNewPatients: random() < 0.7,
  };
  const detail = Object.assign({}, summary, {
    specialtyName: specialty.name,
    specialtySchema: specialty.schema,
    title: specialty.title,
    cityName: city.name,
    address: {
      street: pick(city.streets) + ' ' + between(1, 180),
      postalCode,
      city: city.name,
      country: city.country,
    },
    phone: city.phone + ' ' + between(100, 999) + ' ' + between(1000, 9999),
    bio: name + ' is a ' + specialty.title.toLowerCase() + ' at ' + clinic + ' with ' + years
      + ' years of experience. Special interests include ' + pick(interests) + ' and '
      + pick(interests) + '. Trained at ' + school + '. Consultations in '
      + summary.languages.join(', ') + '.',
    education: school,
    yearsOfExperience: years,
    hours: openingHours(),
  });
  return { summary, detail };
}

function write(relative, content) {
  const file = path.join(SITE, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function sitemap(doctors) {
  const urls = ['/', '/doctors', '/about']
    .concat(SPECIALTIES.map((s) => '/specialties/' + s.slug))
    .concat(doctors.map((d) => '/doctors/' + d.id + '-' + d.slug));
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'];
  urls.forEach((u) => lines.push('  <url><loc>' + SITEMAP_ORIGIN + u + '</loc></url>'));
  lines.push('</urlset>', '');
  return lines.join('\n');
}

// Social networks ignore SVG previews, so the Open Graph image is a PNG: the brand colour with a white
// cross, drawn pixel by pixel to keep the generator free of image dependencies.
function ogImagePng(width, height) {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  const arm = Math.round(height * 0.12);
  const reach = Math.round(height * 0.3);
  const cx = width / 2;
  const cy = height / 2;
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    for (let x = 0; x < width; x++) {
      const dx = Math.abs(x - cx);
      const dy = Math.abs(y - cy);
      const cross = (dx < arm && dy < reach) || (dy < arm && dx < reach);
      const shade = Math.round(20 * y / height);
      const rgb = cross ? [255, 255, 255] : [13 - Math.min(shade, 13), 118 - shade, 110 - shade];
      rows.set(rgb, row + 1 + x * 3);
    }
  }
  const crcTable = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crcTable.push(c >>> 0);
  }
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function main() {
  const summaries = [];
  fs.rmSync(path.join(SITE, 'api', 'doctors'), { recursive: true, force: true });
  for (let id = 1; id <= DOCTOR_COUNT; id++) {
    const doctor = makeDoctor(id);
    summaries.push(doctor.summary);
    write('api/doctors/' + id + '.json', JSON.stringify(doctor.detail, null, 2) + '\n');
  }
  write('api/doctors.json', JSON.stringify({ count: summaries.length, doctors: summaries }) + '\n');
  const specialties = SPECIALTIES.map((s) => ({
    slug: s.slug, name: s.name, title: s.title, schema: s.schema, description: s.description,
    count: summaries.filter((d) => d.specialty === s.slug).length,
  }));
  write('api/specialties.json', JSON.stringify(specialties, null, 2) + '\n');
  const cities = CITIES.map((c) => ({
    slug: c.slug, name: c.name, country: c.country,
    count: summaries.filter((d) => d.city === c.slug).length,
  }));
  write('api/cities.json', JSON.stringify(cities, null, 2) + '\n');
  write('sitemap.xml', sitemap(summaries));
  write('images/og-default.png', ogImagePng(1200, 630));
  console.log('wrote ' + summaries.length + ' doctors, ' + specialties.length + ' specialties, '
    + cities.length + ' cities and sitemap.xml to ' + path.relative(process.cwd(), SITE));
}

main();
