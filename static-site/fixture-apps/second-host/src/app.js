// An ES5 SPA whose data lives on a second host, named in a runtime config file (/config.json) the way
// teams point one build at each environment's API; the API answers with CORS headers.
(function () {
  'use strict';
  var SITE = 'Clinic directory';
  var root = document.getElementById('app');

  function getJson(url, done) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', url);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onload = function () {
      if (xhr.status === 404) { done(null); return; }
      done(xhr.status === 200 ? JSON.parse(xhr.responseText) : null);
    };
    xhr.onerror = function () { done(null); };
    xhr.send();
  }

  function escape(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c];
    });
  }

  function head(selector, tag, attrs) {
    var el = document.head.querySelector(selector);
    if (!el) {
      el = document.createElement(tag);
      for (var k in attrs) { el.setAttribute(k, attrs[k]); }
      document.head.appendChild(el);
    }
    return el;
  }

  function seo(title, description, path, jsonLd, status) {
    document.title = title + ' | ' + SITE;
    head('meta[name="description"]', 'meta', { name: 'description' }).setAttribute('content', description);
    head('link[rel="canonical"]', 'link', { rel: 'canonical' }).setAttribute('href', location.protocol + '//' + location.host + path);
    head('script[type="application/ld+json"]', 'script', { type: 'application/ld+json' }).text = JSON.stringify(jsonLd);
    if (status !== 200) {
      head('meta[name="prerender-status-code"]', 'meta', { name: 'prerender-status-code' }).setAttribute('content', String(status));
    }
    window.prerenderReady = true;
  }

  function notFound(what) {
    root.innerHTML = '<section><h1>' + what + ' not found</h1><p>There is no such page. <a href="/">Find a doctor</a> instead.</p></section>';
    seo(what + ' not found', '', location.pathname, {}, 404);
  }

  function home(api) {
    getJson(api + '/api/doctors.json', function (doctors) {
      doctors = doctors || [];
      var items = '';
      for (var i = 0; i < doctors.length; i++) {
        var d = doctors[i];
        items += '<li><a href="/doctors/' + d.slug + '">' + escape(d.name) + '</a> <span>' + escape(d.specialty) + ' · ' + escape(d.city) + '</span></li>';
      }
      root.innerHTML = '<section><h1>Find a doctor</h1><ul class="doctors">' + items + '</ul></section>';
      seo('Find a doctor', 'Browse ' + doctors.length + ' doctors by specialty and city and book an appointment online.', '/',
        { '@context': 'https://schema.org', '@type': 'MedicalOrganization', name: SITE, url: location.protocol + '//' + location.host + '/' }, 200);
    });
  }

  function doctor(api, slug) {
    var id = parseInt(slug, 10);
    if (isNaN(id)) { notFound('Doctor'); return; }
    getJson(api + '/api/doctors/' + id + '.json', function (d) {
      if (!d) { notFound('Doctor'); return; }
      var reviews = '', related = '', i;
      for (i = 0; i < d.reviews.length; i++) {
        reviews += '<li>“' + escape(d.reviews[i].text) + '” — ' + escape(d.reviews[i].author) + '</li>';
      }
      for (i = 0; i < d.related.length; i++) {
        related += '<li><a href="/doctors/' + d.related[i].slug + '">' + escape(d.related[i].name) + '</a></li>';
      }
      root.innerHTML = '<article><h1>' + escape(d.name) + '</h1>'
        + '<p class="specialty">' + escape(d.specialty) + ' · ' + escape(d.city) + '</p>'
        + '<p class="bio">' + escape(d.bio) + '</p>'
        + '<p>Speaks ' + escape(d.languages.join(', ')) + '.</p>'
        + '<h2>What patients say</h2><ul class="reviews">' + reviews + '</ul>'
        + '<h2>Related doctors</h2><ul class="related">' + related + '</ul></article>';
      seo(d.name + ', ' + d.specialty + ' in ' + d.city,
        d.name + ' is a ' + d.specialty.toLowerCase() + ' doctor in ' + d.city + '. Rated ' + d.rating + ' by ' + d.reviewCount + ' patients. Book an appointment online.',
        '/doctors/' + d.slug,
        { '@context': 'https://schema.org', '@type': 'Physician', name: d.name, medicalSpecialty: d.specialty,
          address: { '@type': 'PostalAddress', addressLocality: d.city },
          aggregateRating: { '@type': 'AggregateRating', ratingValue: d.rating, reviewCount: d.reviewCount } }, 200);
    });
  }

  getJson('/config.json', function (config) {
    var api = config && config.apiOrigin ? config.apiOrigin : '';
    var path = location.pathname;
    var m = /^\/doctors\/([^\/]+)\/?$/.exec(path);
    if (path === '/') { home(api); } else if (m) { doctor(api, m[1]); } else { notFound('Page'); }
  });
})();
