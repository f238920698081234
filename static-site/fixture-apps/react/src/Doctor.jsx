import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { getJson } from './api.js';
import NotFound from './NotFound.jsx';
import { pageReady, setSeo } from './seo.js';

export default function Doctor() {
  const { slug } = useParams();
  const [state, setState] = useState({ loading: true });

  useEffect(() => {
    let live = true;
    const id = Number.parseInt(slug, 10);
    (async () => {
      const doctor = Number.isNaN(id) ? null : await getJson(`/api/doctors/${id}.json`);
      if (live) setState({ loading: false, doctor });
    })();
    return () => { live = false; };
  }, [slug]);

  const doctor = state.doctor;
  useEffect(() => {
    if (state.loading || !doctor) return;
    const { name, specialty, city, rating, reviewCount } = doctor;
    setSeo({
      title: `${name}, ${specialty} in ${city}`,
      description: `${name} is a ${specialty.toLowerCase()} doctor in ${city}. Rated ${rating} by ${reviewCount} patients. Book an appointment online.`,
      path: `/doctors/${doctor.slug}`,
      jsonLd: {
        '@context': 'https://schema.org', '@type': 'Physician', name, medicalSpecialty: specialty,
        address: { '@type': 'PostalAddress', addressLocality: city },
        aggregateRating: { '@type': 'AggregateRating', ratingValue: rating, reviewCount },
      },
    });
    pageReady();
  }, [state, doctor]);

  if (state.loading) return <p>Loading…</p>;
  if (!doctor) return <NotFound what="Doctor" />;
  return (
    <article>
      <h1>{doctor.name}</h1>
      <p className="specialty">{doctor.specialty} · {doctor.city}</p>
      <p className="bio">{doctor.bio}</p>
      <p>Speaks {doctor.languages?.join(', ') ?? 'German'}.</p>
      <h2>What patients say</h2>
      <ul className="reviews">
        {doctor.reviews.map((r) => <li key={r.author}>“{r.text}” — {r.author}</li>)}
      </ul>
      <h2>Related doctors</h2>
      <ul className="related">
        {doctor.related.map((d) => <li key={d.id}><Link to={`/doctors/${d.slug}`}>{d.name}</Link></li>)}
      </ul>
    </article>
  );
}
