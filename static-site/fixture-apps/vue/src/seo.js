// What a page tells crawlers: title, description, canonical, JSON-LD and, for a missing page, the
// status (prerender.io's meta convention). This app never sets window.prerenderReady.
const SITE = 'Clinic directory';

function upsert(selector, make) {
  let el = document.head.querySelector(selector);
  if (!el) {
    el = make();
    document.head.appendChild(el);
  }
  return el;
}

export function useSeo({ title, description, path, jsonLd, status }) {
  document.title = `${title} | ${SITE}`;
  upsert('meta[name="description"]', () => Object.assign(document.createElement('meta'), { name: 'description' }))
    .setAttribute('content', description ?? '');
  upsert('link[rel="canonical"]', () => Object.assign(document.createElement('link'), { rel: 'canonical' }))
    .setAttribute('href', window.location.origin + path);
  const ld = upsert('script[type="application/ld+json"]', () => Object.assign(document.createElement('script'),
    { type: 'application/ld+json' }));
  ld.textContent = JSON.stringify(jsonLd ?? {});
  document.head.querySelector('meta[name="prerender-status-code"]')?.remove();
  if (status && status !== 200) {
    const meta = Object.assign(document.createElement('meta'), { name: 'prerender-status-code' });
    meta.setAttribute('content', String(status));
    document.head.appendChild(meta);
  }
}

export async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
}
