import { useEffect } from 'react';
import { Link } from 'react-router-dom';
import { pageReady, setSeo } from './seo.js';

export default function NotFound({ what }) {
  useEffect(() => {
    setSeo({ title: `${what} not found`, description: '', path: window.location.pathname, jsonLd: {}, status: 404 });
    pageReady();
  }, [what]);
  return (
    <section>
      <h1>{what} not found</h1>
      <p>There is no such page. <Link to="/">Find a doctor</Link> instead.</p>
    </section>
  );
}
