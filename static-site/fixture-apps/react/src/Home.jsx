import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { getJson } from './api.js';
import { pageReady, setSeo } from './seo.js';

export default function Home() {
  const [doctors, setDoctors] = useState(null);

  useEffect(() => {
    let live = true;
    (async () => {
      const list = (await getJson('/api/doctors.json')) ?? [];
      if (live) setDoctors(list);
    })();
    return () => { live = false; };
  }, []);

  useEffect(() => {
    if (!doctors) return;
    setSeo({
      title: 'Find a doctor',
      description: `Browse ${doctors.length} doctors by specialty and city and book an appointment online.`,
      path: '/',
      jsonLd: { '@context': 'https://schema.org', '@type': 'MedicalOrganization', name: 'Clinic directory',
        url: `${window.location.origin}/` },
    });
    pageReady();
  }, [doctors]);

  if (!doctors) return <p>Loading…</p>;
  return (
    <section>
      <h1>Find a doctor</h1>
      <ul className="doctors">
        {doctors.map(({ id, slug, name, specialty, city }) => (
          <li key={id}>
            <Link to={`/doctors/${slug}`}>{name}</Link> <span>{specialty} · {city}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
