// A framework-free SPA in one classic script, written the way current browsers allow: classes,
// async/await, optional chaining, nullish coalescing, fetch and the History API.
'use strict';

const SITE = 'Clinic directory';

class Api {
  async json(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
    return response.json();
  }
}

class Seo {
  static set({ title, description = '', path, jsonLd = {}, status = 200 }) {
    document.title = `${title} | ${SITE}`;
    Seo._meta('description').setAttribute('content', description);
    Seo._canonical().setAttribute('href', `${location.origin}${path}`);
    Seo._jsonLd().textContent = JSON.stringify(jsonLd);
    document.head.querySelector('meta[name="prerender-status-code"]')?.remove();
    if (status !== 200) Seo._meta('prerender-status-code').setAttribute('content', String(status));
  }

  static _meta(name) {
    return document.head.querySelector(`meta[name="${name}"]`)
      ?? document.head.appendChild(Object.assign(document.createElement('meta'), { name }));
  }

  static _canonical() {
    return document.head.querySelector('link[rel="canonical"]')
      ?? document.head.appendChild(Object.assign(document.createElement('link'), { rel: 'canonical' }));
  }

  static _jsonLd() {
    return document.head.querySelector('script[type="application/ld+json"]')
      ?? document.head.appendChild(Object.assign(document.createElement('script'), { type: 'application/ld+json' }));
  }
}

const escape = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

class App {
  constructor() {
    this._api = new Api();
    this._root = document.getElementById('app');
  }

  async route(path) {
    const match = /^\/doctors\/([^/]+)\/?$/.exec(path);
    if (path === '/') await this._home();
    else if (match) await this._doctor(match[1]);
    else this._notFound('Page');
    window.prerenderReady = true;
  }

  async _home() {
    const doctors = (await this._api.json('/api/doctors.json')) ?? [];
    this._root.innerHTML = `<section><h1>Find a doctor</h1><ul class="doctors">${doctors.map(({ slug, name, specialty, city }) =>
      `<li><a href="/doctors/${slug}" data-link>${escape(name)}</a> <span>${escape(specialty)} · ${escape(city)}</span></li>`).join('')}</ul></section>`;
    Seo.set({
      title: 'Find a doctor',
      description: `Browse ${doctors.length} doctors by specialty and city and book an appointment online.`,
      path: '/',
      jsonLd: { '@context': 'https://schema.org', '@type': 'MedicalOrganization', name: SITE, url: `${location.origin}/` },
    });
  }

  async _doctor(slug) {
    const id = Number.parseInt(slug, 10);
    const d = Number.isNaN(id) ? null : await this._api.json(`/api/doctors/${id}.json`);
    if (!d) {
      this._notFound('Doctor');
      return;
    }
    this._root.innerHTML = `<article><h1>${escape(d.name)}</h1>
      <p class="specialty">${escape(d.specialty)} · ${escape(d.city)}</p>
      <p class="bio">${escape(d.bio)}</p>
      <p>Speaks ${escape(d.languages?.join(', ') ?? 'German')}.</p>
      <h2>What patients say</h2>
      <ul class="reviews">${d.reviews.map((r) => `<li>“${escape(r.text)}” — ${escape(r.author)}</li>`).join('')}</ul>
      <h2>Related doctors</h2>
      <ul class="related">${d.related.map((r) => `<li><a href="/doctors/${r.slug}" data-link>${escape(r.name)}</a></li>`).join('')}</ul>
      </article>`;
    Seo.set({
      title: `${d.name}, ${d.specialty} in ${d.city}`,
      description: `${d.name} is a ${d.specialty.toLowerCase()} doctor in ${d.city}. Rated ${d.rating} by ${d.reviewCount} patients. Book an appointment online.`,
      path: `/doctors/${d.slug}`,
      jsonLd: {
        '@context': 'https://schema.org', '@type': 'Physician', name: d.name, medicalSpecialty: d.specialty,
        address: { '@type': 'PostalAddress', addressLocality: d.city },
        aggregateRating: { '@type': 'AggregateRating', ratingValue: d.rating, reviewCount: d.reviewCount },
      },
    });
  }

  _notFound(what) {
    this._root.innerHTML = `<section><h1>${what} not found</h1><p>There is no such page. <a href="/" data-link>Find a doctor</a> instead.</p></section>`;
    Seo.set({ title: `${what} not found`, path: location.pathname, status: 404 });
  }
}

const app = new App();
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[data-link]');
  if (!link) return;
  event.preventDefault();
  history.pushState(null, '', link.getAttribute('href'));
  app.route(location.pathname);
});
window.addEventListener('popstate', () => app.route(location.pathname));
app.route(location.pathname);
