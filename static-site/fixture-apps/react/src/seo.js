// What a page tells crawlers: title, description, canonical, JSON-LD, and the status (prerender.io's
// meta convention); then the page says it is ready.
const SITE = 'Clinic directory';

function upsert(selector, create) {
  let el = document.head.querySelector(selector);
  if (!el) {
    el = create();
    document.head.appendChild(el);
  }
  return el;
}

export function setSeo({ title, description, path, jsonLd, status }) {
  document.title = `${title} | ${SITE}`;
  upsert('meta[name="description"]', () => Object.assign(document.createElement('meta'), { name: 'description' }))
    .setAttribute('content', description ?? '');
  upsert('link[rel="canonical"]', () => Object.assign(document.createElement('link'), { rel: 'canonical' }))
    .setAttribute('href', window.location.origin + path);
  const ld = upsert('script[type="application/ld+json"]', () => {
    const s = document.createElement('script');
    s.type = 'application/ld+json';
    return s;
  });
  ld.textContent = JSON.stringify(jsonLd ?? {});
  const statusMeta = document.head.querySelector('meta[name="prerender-status-code"]');
  if (status && status !== 200) {
    upsert('meta[name="prerender-status-code"]', () =>
      Object.assign(document.createElement('meta'), { name: 'prerender-status-code' })).setAttribute('content', String(status));
  } else if (statusMeta) {
    statusMeta.remove();
  }
}

export function pageReady() {
  window.prerenderReady = true;
}
