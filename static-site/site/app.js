/*
 * MedBook: a sample doctor directory, written as a classic single-page app.
 *
 * Strict ES5 on purpose: the prerender farm runs this file in HtmlUnit (a Rhino-based engine without
 * fetch, Promise-heavy code, classes, arrow functions, template literals or modules) as well as in
 * Chromium. Sections: helpers, API client, head (SEO) manager, views, router.
 */
(function () {
  'use strict';

  window.prerenderReady = false;

  var SITE_NAME = 'MedBook';
  var PAGE_SIZE = 20;
  var QUERY_KEYS = ['q', 'specialty', 'city', 'page'];
  var STAR = '\u2605';
  var DOT = ' \u00b7 ';

  /* ---------------------------------------------------------------- helpers */

  function escapeHtml(value) {
    return String(value === undefined || value === null ? '' : value)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function decode(text) {
    try {
      return decodeURIComponent(text.replace(/\+/g, ' '));
    } catch (e) {
      return text;
    }
  }

  function parseQuery(search) {
    var result = {};
    var parts = String(search || '').replace(/^\?/, '').split('&');
    for (var i = 0; i < parts.length; i++) {
      if (!parts[i]) { continue; }
      var eq = parts[i].indexOf('=');
      var key = decode(eq < 0 ? parts[i] : parts[i].slice(0, eq));
      if (!result.hasOwnProperty(key)) {
        result[key] = eq < 0 ? '' : decode(parts[i].slice(eq + 1));
      }
    }
    return result;
  }

  /** Builds "?a=1&b=2" from the known keys in a fixed order, so equal filters give equal URLs. */
  function buildQuery(params) {
    var parts = [];
    for (var i = 0; i < QUERY_KEYS.length; i++) {
      var value = params[QUERY_KEYS[i]];
      if (value !== undefined && value !== null && value !== '') {
        parts.push(QUERY_KEYS[i] + '=' + encodeURIComponent(value));
      }
    }
    return parts.length ? '?' + parts.join('&') : '';
  }

  function origin() {
    return window.location.origin || (window.location.protocol + '//' + window.location.host);
  }

  function absolute(path) {
    return origin() + path;
  }

  function indexBy(list, key) {
    var map = {};
    for (var i = 0; i < list.length; i++) { map[list[i][key]] = list[i]; }
    return map;
  }

  function doctorPath(doctor) {
    return '/doctors/' + doctor.id + '-' + doctor.slug;
  }

  function byRating(a, b) {
    return (b.rating - a.rating) || (b.reviewCount - a.reviewCount) || (a.id - b.id);
  }

  /* ------------------------------------------------------------- API client */

  var responses = {};

  /** GETs a JSON file with XMLHttpRequest; callback(error, data), error = {status}. Cached per path. */
  function getJson(path, callback) {
    if (responses.hasOwnProperty(path)) {
      callback(null, responses[path]);
      return;
    }
    var xhr = new XMLHttpRequest();
    var finished = false;
    function finish(error, data) {
      if (finished) { return; }
      finished = true;
      if (!error) { responses[path] = data; }
      callback(error, data);
    }
    xhr.onreadystatechange = function () {
      if (xhr.readyState !== 4) { return; }
      if (xhr.status !== 200) {
        finish({ status: xhr.status || 503 });
        return;
      }
      var data;
      try {
        data = JSON.parse(xhr.responseText);
      } catch (e) {
        finish({ status: 502 });
        return;
      }
      finish(null, data);
    };
    xhr.open('GET', path, true);
    xhr.setRequestHeader('Accept', 'application/json');
    try {
      xhr.timeout = 8000;
      xhr.ontimeout = function () { finish({ status: 504 }); };
    } catch (ignored) {
      // Engines without XHR timeouts still finish through readyState 4.
    }
    xhr.send();
  }

  /** Loads several paths in parallel; callback(error, [data...]) once all are in or one failed. */
  function getAll(paths, callback) {
    var results = [];
    var pending = paths.length;
    var failed = false;
    function load(index) {
      getJson(paths[index], function (error, data) {
        if (failed) { return; }
        if (error) {
          failed = true;
          callback(error);
          return;
        }
        results[index] = data;
        pending -= 1;
        if (pending === 0) { callback(null, results); }
      });
    }
    for (var i = 0; i < paths.length; i++) { load(i); }
  }

  /* ----------------------------------------------------------- head manager */

  function headElement(selector, tag, attributes) {
    var element = document.head.querySelector(selector);
    if (!element) {
      element = document.createElement(tag);
      for (var name in attributes) {
        if (attributes.hasOwnProperty(name)) { element.setAttribute(name, attributes[name]); }
      }
      document.head.appendChild(element);
    }
    return element;
  }

  /** Sets or (content null) removes a <meta> keyed by name or property. */
  function setMeta(attribute, key, content) {
    var selector = 'meta[' + attribute + '="' + key + '"]';
    if (content === null || content === undefined) {
      var old = document.head.querySelector(selector);
      if (old) { old.parentNode.removeChild(old); }
      return;
    }
    var attributes = {};
    attributes[attribute] = key;
    headElement(selector, 'meta', attributes).setAttribute('content', content);
  }

  function setStructuredData(data) {
    var old = document.getElementById('structured-data');
    if (old) { old.parentNode.removeChild(old); }
    var script = document.createElement('script');
    script.setAttribute('type', 'application/ld+json');
    script.id = 'structured-data';
    // "<" escaped so a data value can never close the script element.
    script.text = JSON.stringify(data).replace(/</g, '\\u003c');
    document.head.appendChild(script);
  }

  /** Applies a page's head: title, description, canonical, Open Graph, Twitter, JSON-LD, status. */
  function applyHead(page) {
    var url = absolute(page.canonical);
    var image = absolute('/images/og-default.png');
    document.title = page.title;
    setMeta('name', 'description', page.description);
    setMeta('name', 'robots', page.robots || null);
    headElement('link[rel="canonical"]', 'link', { rel: 'canonical' }).setAttribute('href', url);
    setMeta('property', 'og:site_name', SITE_NAME);
    setMeta('property', 'og:title', page.title);
    setMeta('property', 'og:description', page.description);
    setMeta('property', 'og:url', url);
    setMeta('property', 'og:type', page.type || 'website');
    setMeta('property', 'og:image', image);
    setMeta('name', 'twitter:card', 'summary_large_image');
    setMeta('name', 'twitter:title', page.title);
    setMeta('name', 'twitter:description', page.description);
    setMeta('name', 'twitter:image', image);
    setMeta('name', 'prerender-status-code', page.status ? String(page.status) : null);
    setMeta('name', 'prerender-header', page.location ? 'Location: ' + page.location : null);
    setStructuredData(page.jsonLd);
  }

  function graph(nodes) {
    return { '@context': 'https://schema.org', '@graph': nodes };
  }

  function organization() {
    return {
      '@type': 'MedicalOrganization', '@id': absolute('/#organization'), name: SITE_NAME,
      url: absolute('/'), logo: absolute('/images/logo.svg'),
      description: 'An online directory of doctors and clinics with online booking.'
    };
  }

  /** crumbs: [[name, path], ...] */
  function breadcrumbs(crumbs) {
    var items = [];
    for (var i = 0; i < crumbs.length; i++) {
      items.push({ '@type': 'ListItem', position: i + 1, name: crumbs[i][0], item: absolute(crumbs[i][1]) });
    }
    return { '@type': 'BreadcrumbList', itemListElement: items };
  }

  function breadcrumbHtml(crumbs) {
    var links = [];
    for (var i = 0; i < crumbs.length; i++) {
      links.push(i === crumbs.length - 1
        ? '<span aria-current="page">' + escapeHtml(crumbs[i][0]) + '</span>'
        : '<a href="' + escapeHtml(crumbs[i][1]) + '">' + escapeHtml(crumbs[i][0]) + '</a>');
    }
    return '<nav class="breadcrumbs" aria-label="Breadcrumb">' + links.join(' <span class="sep">/</span> ') + '</nav>';
  }

  /* ------------------------------------------------------------------ views */

  var WEEK = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

  /** Loads the doctor list, specialties and cities, then calls onData(catalog). */
  function withCatalog(ctx, onData) {
    getAll(['/api/doctors.json', '/api/specialties.json', '/api/cities.json'], ctx.guard(function (data) {
      onData({
        doctors: data[0].doctors, specialties: data[1], cities: data[2],
        specialty: indexBy(data[1], 'slug'), city: indexBy(data[2], 'slug')
      });
    }));
  }

  function ratingHtml(doctor) {
    return '<span class="rating" title="Rating ' + doctor.rating + ' of 5">' + STAR + ' ' + doctor.rating.toFixed(1) +
      ' <span class="muted">(' + doctor.reviewCount + ' reviews)</span></span>';
  }

  function doctorGrid(doctors, catalog) {
    return '<ul class="doctor-grid">' + doctors.map(function (doctor) {
      var specialty = catalog.specialty[doctor.specialty];
      var city = catalog.city[doctor.city];
      return '<li class="card doctor-card"><a href="' + escapeHtml(doctorPath(doctor)) + '">' +
        '<img src="/images/doctor-placeholder.svg" alt="" width="56" height="56">' +
        '<span class="card-body"><strong class="card-title">' + escapeHtml(doctor.name) + '</strong>' +
        '<span class="muted">' + escapeHtml(specialty ? specialty.name : doctor.specialty) + DOT +
        escapeHtml(city ? city.name : doctor.city) + '</span>' + ratingHtml(doctor) +
        '<span class="muted small">' + escapeHtml(doctor.clinic) + '</span>' +
        (doctor.acceptsNewPatients ? '<span class="badge">New patients</span>' : '') + '</span></a></li>';
    }).join('') + '</ul>';
  }

  function select(name, list, selected, emptyLabel) {
    return '<select name="' + name + '"><option value="">' + escapeHtml(emptyLabel) + '</option>' +
      list.map(function (item) {
        return '<option value="' + escapeHtml(item.slug) + '"' + (item.slug === selected ? ' selected' : '') + '>' +
          escapeHtml(item.name) + '</option>';
      }).join('') + '</select>';
  }

  function searchForm(query, catalog) {
    return '<form class="search-form" action="/doctors" method="get" data-route role="search">' +
      '<label><span>Name or clinic</span><input type="search" name="q" value="' + escapeHtml(query.q || '') +
      '" placeholder="e.g. Schmidt"></label>' +
      '<label><span>Specialty</span>' + select('specialty', catalog.specialties, query.specialty, 'Any specialty') +
      '</label><label><span>City</span>' + select('city', catalog.cities, query.city, 'Any city') +
      '</label><button class="button primary" type="submit">Search</button></form>';
  }

  function homeView(ctx) {
    withCatalog(ctx, function (catalog) {
      var counts = catalog.doctors.length + ' doctors, ' + catalog.specialties.length + ' specialties, ' +
        catalog.cities.length + ' cities';
      ctx.show({
        title: SITE_NAME + ': find a doctor and book online',
        description: 'Find a doctor among ' + counts + ': compare ratings, languages and opening hours, ' +
          'and book an appointment online.',
        canonical: '/',
        jsonLd: graph([organization(), {
          '@type': 'WebSite', name: SITE_NAME, url: absolute('/'),
          potentialAction: { '@type': 'SearchAction', target: absolute('/doctors?q={query}'),
            'query-input': 'required name=query' }
        }]),
        html: '<section class="hero"><div><h1>Find a doctor and book online</h1><p class="lead">' + counts +
          '. Compare ratings, languages and opening hours.</p>' + searchForm({}, catalog) +
          '</div><img src="/images/hero.svg" alt="" width="320" height="200"></section>' +
          '<section><h2>Top rated doctors</h2>' + doctorGrid(catalog.doctors.slice().sort(byRating).slice(0, 6), catalog) +
          '</section><section><h2>Browse by specialty</h2><ul class="tiles">' +
          catalog.specialties.map(function (specialty) {
            return '<li><a class="tile" href="/specialties/' + escapeHtml(specialty.slug) + '"><strong>' +
              escapeHtml(specialty.name) + '</strong><span class="muted">' + specialty.count + ' doctors</span></a></li>';
          }).join('') + '</ul></section>'
      });
    });
  }

  function matcher(query, catalog) {
    var needle = (query.q || '').toLowerCase();
    return function (doctor) {
      if ((query.specialty && doctor.specialty !== query.specialty) || (query.city && doctor.city !== query.city)) {
        return false;
      }
      var specialty = catalog.specialty[doctor.specialty];
      return !needle ||
        (doctor.name + ' ' + doctor.clinic + ' ' + (specialty ? specialty.name : '')).toLowerCase().indexOf(needle) >= 0;
    };
  }

  function pagination(query, page, pages) {
    if (pages <= 1) { return ''; }
    function link(target, label, rel) {
      var href = '/doctors' + buildQuery({ q: query.q, specialty: query.specialty, city: query.city,
        page: target > 1 ? String(target) : '' });
      return '<a href="' + escapeHtml(href) + '"' + (rel ? ' rel="' + rel + '"' : '') + '>' + label + '</a>';
    }
    var html = page > 1 ? link(page - 1, '&larr; Previous', 'prev') : '';
    for (var p = 1; p <= pages; p++) {
      if (p === page) {
        html += '<span class="current" aria-current="page">' + p + '</span>';
      } else if (p === 1 || p === pages || Math.abs(p - page) <= 2) {
        html += link(p, String(p));
      } else if (Math.abs(p - page) === 3) {
        html += '<span class="gap">&hellip;</span>';
      }
    }
    html += page < pages ? link(page + 1, 'Next &rarr;', 'next') : '';
    return '<nav class="pagination" aria-label="Pages">' + html + '</nav>';
  }

  function listView(ctx) {
    withCatalog(ctx, function (catalog) {
      var query = ctx.query;
      var found = catalog.doctors.filter(matcher(query, catalog));
      var pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
      var page = !query.page ? 1 : (/^[1-9][0-9]{0,3}$/.test(query.page) ? Number(query.page) : 0);
      if (page < 1 || page > pages) {
        ctx.notFound();
        return;
      }
      var specialty = catalog.specialty[query.specialty];
      var city = catalog.city[query.city];
      var heading = (specialty ? specialty.name + ' doctors' : 'Doctors') + (city ? ' in ' + city.name : '') +
        (query.q ? ' matching \u201c' + query.q + '\u201d' : '');
      var crumbs = [['Home', '/'], ['Doctors', '/doctors']];
      if (specialty) { crumbs.push([specialty.name, '/specialties/' + specialty.slug]); }
      var shown = found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
      ctx.show({
        title: heading + (page > 1 ? ', page ' + page : '') + ' | ' + SITE_NAME,
        description: 'Compare ' + found.length + ' ' + (specialty ? specialty.name.toLowerCase() + ' ' : '') +
          'doctors' + (city ? ' in ' + city.name : '') + ': ratings, languages and opening hours. Book online with ' +
          SITE_NAME + '.',
        canonical: '/doctors' + buildQuery({ specialty: query.specialty, city: query.city, page: page > 1 ? String(page) : '' }),
        // Free-text searches are endless URL variants; let crawlers follow them but not index them.
        robots: query.q ? 'noindex, follow' : null,
        jsonLd: graph([breadcrumbs(crumbs)]),
        html: breadcrumbHtml(crumbs) + '<h1>' + escapeHtml(heading) + '</h1>' + searchForm(query, catalog) +
          '<p class="result-count">' + found.length + (found.length === 1 ? ' doctor' : ' doctors') +
          (pages > 1 ? DOT + 'page ' + page + ' of ' + pages : '') + '</p>' +
          (shown.length ? doctorGrid(shown, catalog)
            : '<p class="empty">No doctors match these filters. <a href="/doctors">Show all doctors</a>.</p>') +
          pagination(query, page, pages)
      });
    });
  }

  function hoursHtml(hours) {
    var open = indexBy(hours, 'day');
    return '<table class="hours">' + WEEK.map(function (day) {
      return '<tr><th scope="row">' + day + '</th><td>' +
        (open[day] ? escapeHtml(open[day].opens) + '&ndash;' + escapeHtml(open[day].closes) : 'Closed') + '</td></tr>';
    }).join('') + '</table>';
  }

  function physician(doctor, url) {
    return {
      '@type': 'Physician', '@id': url + '#physician', name: doctor.name, url: url,
      image: absolute('/images/doctor-placeholder.svg'), description: doctor.bio, telephone: doctor.phone,
      medicalSpecialty: 'https://schema.org/' + doctor.specialtySchema,
      isAcceptingNewPatients: doctor.acceptsNewPatients, knowsLanguage: doctor.languages,
      address: { '@type': 'PostalAddress', streetAddress: doctor.address.street, postalCode: doctor.address.postalCode,
        addressLocality: doctor.address.city, addressCountry: doctor.address.country },
      aggregateRating: { '@type': 'AggregateRating', ratingValue: doctor.rating, reviewCount: doctor.reviewCount,
        bestRating: 5, worstRating: 1 },
      openingHoursSpecification: doctor.hours.map(function (day) {
        return { '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/' + day.day,
          opens: day.opens, closes: day.closes };
      })
    };
  }

  function bookingPanel(doctor) {
    return '<div id="booking" class="booking-panel" hidden><h2>Request an appointment</h2>' +
      '<form data-booking><label><span>Your name</span><input name="patient" required autocomplete="name"></label>' +
      '<label><span>Preferred time</span><select name="slot"><option>Morning</option><option>Afternoon</option>' +
      '<option>First available</option></select></label><button class="button primary" type="submit">Send request' +
      '</button></form><p class="muted small">Or call <a href="tel:' + escapeHtml(doctor.phone.replace(/ /g, '')) +
      '">' + escapeHtml(doctor.phone) + '</a>.</p></div>';
  }

  function profileHtml(doctor) {
    var address = doctor.address;
    return '<article class="profile"><header class="profile-header">' +
      '<img src="/images/doctor-placeholder.svg" alt="" width="96" height="96"><div>' +
      '<h1>' + escapeHtml(doctor.name) + '</h1><p class="lead">' + escapeHtml(doctor.title) + DOT +
      escapeHtml(doctor.clinic) + '</p><p>' + ratingHtml(doctor) + ' ' + (doctor.acceptsNewPatients
        ? '<span class="badge">Accepting new patients</span>' : '<span class="badge muted-badge">Waiting list</span>') +
      '</p></div><button type="button" class="button primary" data-action="book" aria-controls="booking">' +
      'Book an appointment</button></header>' + bookingPanel(doctor) +
      '<div class="profile-grid"><section><h2>About</h2><p>' + escapeHtml(doctor.bio) + '</p>' +
      '<h2>Languages</h2><ul class="pills">' + doctor.languages.map(function (language) {
        return '<li>' + escapeHtml(language) + '</li>';
      }).join('') + '</ul><h2>Education</h2><p>' + escapeHtml(doctor.education) + DOT + doctor.yearsOfExperience +
      ' years of experience</p></section><aside class="card"><h2>Address</h2><address>' +
      escapeHtml(doctor.clinic) + '<br>' + escapeHtml(address.street) + '<br>' + escapeHtml(address.postalCode) + ' ' +
      escapeHtml(address.city) + ', ' + escapeHtml(address.country) + '</address><p>Phone: ' +
      escapeHtml(doctor.phone) + '</p><h2>Opening hours</h2>' + hoursHtml(doctor.hours) + '</aside></div></article>';
  }

  function detailView(ctx) {
    getJson('/api/doctors/' + ctx.params[1] + '.json', ctx.guard(function (doctor) {
      var path = doctorPath(doctor);
      if (ctx.path !== path) {
        ctx.redirect(path);
        return;
      }
      var crumbs = [['Home', '/'], ['Doctors', '/doctors'], [doctor.specialtyName, '/specialties/' + doctor.specialty],
        [doctor.name, path]];
      ctx.show({
        title: doctor.name + ', ' + doctor.title + ' in ' + doctor.cityName + ' | ' + SITE_NAME,
        description: doctor.name + ' is a ' + doctor.title.toLowerCase() + ' at ' + doctor.clinic + '. Rated ' +
          doctor.rating.toFixed(1) + '/5 from ' + doctor.reviewCount + ' reviews. Speaks ' +
          doctor.languages.join(', ') + '. Book online.',
        canonical: path,
        type: 'profile',
        jsonLd: graph([physician(doctor, absolute(path)), breadcrumbs(crumbs)]),
        html: breadcrumbHtml(crumbs) + profileHtml(doctor) + '<p><a class="button" href="/doctors' +
          escapeHtml(buildQuery({ specialty: doctor.specialty, city: doctor.city })) + '">More ' +
          escapeHtml(doctor.specialtyName.toLowerCase()) + ' doctors in ' + escapeHtml(doctor.cityName) + '</a></p>'
      });
    }));
  }

  /** The old singular URL /doctor/<id>: look up the slug, then move to /doctors/<id>-<slug> (301). */
  function oldDoctorView(ctx) {
    getJson('/api/doctors/' + ctx.params[1] + '.json', ctx.guard(function (doctor) {
      ctx.redirect(doctorPath(doctor));
    }));
  }

  function specialtyView(ctx) {
    withCatalog(ctx, function (catalog) {
      var specialty = catalog.specialty[ctx.params[1]];
      if (!specialty) {
        ctx.notFound();
        return;
      }
      var doctors = catalog.doctors.filter(matcher({ specialty: specialty.slug }, catalog)).sort(byRating);
      var path = '/specialties/' + specialty.slug;
      var crumbs = [['Home', '/'], ['Doctors', '/doctors'], [specialty.name, path]];
      var plural = specialty.title.toLowerCase() + 's';
      ctx.show({
        title: specialty.name + ': ' + doctors.length + ' doctors to book online | ' + SITE_NAME,
        description: specialty.description + ' Compare ' + doctors.length + ' ' + plural + ' by rating and book online.',
        canonical: path,
        jsonLd: graph([breadcrumbs(crumbs)]),
        html: breadcrumbHtml(crumbs) + '<h1>' + escapeHtml(specialty.name) + '</h1><p class="lead">' +
          escapeHtml(specialty.description) + '</p><h2>By city</h2><ul class="pills">' +
          catalog.cities.map(function (city) {
            return '<li><a href="/doctors' + escapeHtml(buildQuery({ specialty: specialty.slug, city: city.slug })) +
              '">' + escapeHtml(city.name) + '</a></li>';
          }).join('') + '</ul><h2>' + doctors.length + ' ' + escapeHtml(plural) + '</h2>' + doctorGrid(doctors, catalog)
      });
    });
  }

  function aboutView(ctx) {
    ctx.show({
      title: 'About ' + SITE_NAME,
      description: SITE_NAME + ' helps patients find the right doctor: independent ratings, opening hours, ' +
        'languages and online appointment requests.',
      canonical: '/about',
      jsonLd: graph([organization(), breadcrumbs([['Home', '/'], ['About', '/about']])]),
      html: '<article class="prose"><h1>About ' + SITE_NAME + '</h1><p class="lead">' + SITE_NAME +
        ' is a directory of doctors and clinics across Europe. Patients compare specialists by rating, ' +
        'language and opening hours, and request an appointment online.</p><h2>How it works</h2><ol>' +
        '<li>Search by specialty, city or name.</li><li>Read the profile: languages, hours, address.</li>' +
        '<li>Request an appointment; the practice confirms by phone.</li></ol><h2>About this site</h2>' +
        '<p>This is a sample application. Every doctor and clinic on it is fictional.</p>' +
        '<p><a class="button primary" href="/doctors">Find a doctor</a></p></article>'
    });
  }

  function messagePage(title, status, html) {
    return {
      title: title + ' | ' + SITE_NAME, description: title + ' on ' + SITE_NAME + '.',
      canonical: window.location.pathname, robots: 'noindex', status: status,
      jsonLd: graph([organization()]), html: '<section class="message"><h1>' + title + '</h1>' + html + '</section>'
    };
  }

  function notFoundPage() {
    return messagePage('Page not found', 404, '<p>Sorry, we could not find that page. The doctor may have left ' +
      'the directory, or the link is mistyped.</p><p><a class="button primary" href="/doctors">Find a doctor</a> ' +
      '<a class="button" href="/">Go to the home page</a></p>');
  }

  /** A failed API call is temporary: status 503 tells the prerender farm not to cache the page. */
  function errorPage() {
    return messagePage('Something went wrong', 503, '<p>We could not load this page. Please <a href="' +
      escapeHtml(window.location.pathname + window.location.search) + '">try again</a>.</p>');
  }

  /* ----------------------------------------------------------------- router */

  var ROUTES = [
    { pattern: /^\/$/, view: homeView },
    { pattern: /^\/doctors$/, view: listView },
    { pattern: /^\/doctors\/([1-9][0-9]{0,5})(?:-[a-z0-9-]*)?$/, view: detailView },
    { pattern: /^\/doctor\/([1-9][0-9]{0,5})$/, view: oldDoctorView },
    { pattern: /^\/specialties\/([a-z0-9-]+)$/, view: specialtyView },
    { pattern: /^\/about$/, view: aboutView }
  ];

  var app;
  var currentRender = 0;

  function highlightNav(path) {
    var links = document.querySelectorAll('.main-nav a');
    for (var i = 0; i < links.length; i++) {
      var href = links[i].getAttribute('href');
      if (path === href || (href === '/doctors' && path.indexOf('/doctors') === 0)) {
        links[i].setAttribute('aria-current', 'page');
      } else {
        links[i].removeAttribute('aria-current');
      }
    }
  }

  /** Renders the current location. moved = this location was reached by a permanent redirect. */
  function render(moved, focus) {
    currentRender += 1;
    var token = currentRender;
    window.prerenderReady = false;
    var path = window.location.pathname;
    var ctx = { path: path, query: parseQuery(window.location.search), params: null };

    ctx.show = function (page) {
      if (token !== currentRender) { return; }
      if (moved && !page.status) {
        page.status = 301;
        page.location = absolute(window.location.pathname + window.location.search);
      }
      app.innerHTML = page.html;
      applyHead(page);
      highlightNav(path);
      if (focus) {
        var heading = app.querySelector('h1');
        if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus(); }
        window.scrollTo(0, 0);
      }
      window.prerenderReady = true;
    };
    ctx.notFound = function () { ctx.show(notFoundPage()); };
    ctx.redirect = function (target) {
      if (token !== currentRender) { return; }
      window.history.replaceState(null, '', target + window.location.search + window.location.hash);
      render(true, focus);
    };
    /** Wraps a data callback: API errors become the not-found or error page, exceptions too. */
    ctx.guard = function (onData) {
      return function (error, data) {
        if (token !== currentRender) { return; }
        if (error) {
          ctx.show(error.status === 404 ? notFoundPage() : errorPage());
          return;
        }
        try {
          onData(data);
        } catch (e) {
          ctx.show(errorPage());
          throw e;
        }
      };
    };

    // "/doctors/" and "/doctors" are one page; the trailing-slash form moves permanently.
    if (path.length > 1 && path.charAt(path.length - 1) === '/') {
      ctx.redirect(path.replace(/\/+$/, '') || '/');
      return;
    }
    for (var i = 0; i < ROUTES.length; i++) {
      var match = ROUTES[i].pattern.exec(path);
      if (match) {
        ctx.params = match;
        try {
          ROUTES[i].view(ctx);
        } catch (e) {
          // A bug must not leave the ready flag down: the renderer would wait for its whole budget.
          ctx.show(errorPage());
          throw e;
        }
        return;
      }
    }
    ctx.notFound();
  }

  function navigate(url) {
    window.history.pushState(null, '', url);
    render(false, true);
  }

  /** The nearest element from node upwards (node included) that passes test, or null. */
  function closest(node, test) {
    while (node && node.nodeType === 1) {
      if (test(node)) { return node; }
      node = node.parentNode;
    }
    return null;
  }

  function onClick(event) {
    if (event.defaultPrevented === true || event.button || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var action = closest(event.target, function (n) { return n.getAttribute('data-action') === 'book'; });
    if (action) {
      var panel = document.getElementById('booking');
      if (panel) { panel.removeAttribute('hidden'); }
      return;
    }
    var link = closest(event.target, function (n) { return n.tagName === 'A'; });
    if (!link || !link.getAttribute('href') || link.getAttribute('target') || link.hasAttribute('download')) { return; }
    if (link.protocol !== window.location.protocol || link.host !== window.location.host) { return; }
    // Files (sitemap.xml, images, the API) are real requests, not routes.
    if (/\.[a-z0-9]+$/i.test(link.pathname) || link.pathname.indexOf('/api/') === 0) { return; }
    if (link.pathname === window.location.pathname && link.search === window.location.search && link.hash) { return; }
    event.preventDefault();
    navigate(link.pathname + link.search);
  }

  function onSubmit(event) {
    var form = event.target;
    if (form.hasAttribute('data-booking')) {
      event.preventDefault();
      form.parentNode.innerHTML = '<h2>Request sent</h2><p>Thank you, ' + escapeHtml(form.elements.patient.value) +
        '. The practice will call you to confirm a ' + escapeHtml(form.elements.slot.value.toLowerCase()) + ' appointment.</p>';
      return;
    }
    if (!form.hasAttribute('data-route')) { return; }
    event.preventDefault();
    var params = {};
    for (var i = 0; i < form.elements.length; i++) {
      var field = form.elements[i];
      if (field.name) { params[field.name] = field.value.replace(/^\s+|\s+$/g, ''); }
    }
    navigate(form.getAttribute('action') + buildQuery(params));
  }

  function start() {
    app = document.getElementById('app');
    document.addEventListener('click', onClick, false);
    document.addEventListener('submit', onSubmit, false);
    window.addEventListener('popstate', function () { render(false, false); }, false);
    render(false, false);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start, false);
  } else {
    start();
  }
}());
