/* rendergate SEO inspector: plain JavaScript, no build step. Data is only ever put into the page as text. */
(function () {
  'use strict';
  var API = '/inspect/api/';
  var main = document.getElementById('main');
  var LABELS = { 'server-error': 'server error', 'title-missing': 'no title', 'title-multiple': 'several titles', 'title-duplicate': 'duplicate title',
    'description-missing': 'no description', 'description-too-long': 'long description',
    'canonical-elsewhere': 'canonical elsewhere', 'noindex': 'noindex', 'soft-404': 'soft 404',
    'empty-render': 'empty render', 'json-ld-invalid': 'bad JSON-LD', 'slow-render': 'slow render',
    'engine-disagreement': 'engines disagreed' };
  var COLUMNS = [['url', 'URL'], ['device', 'Device'], ['status', 'Status'], ['title', 'Title'],
    ['renderedAt', 'Rendered'], ['age', 'Age'], ['engine', 'Engine'], ['renderMs', 'Render ms'], ['size', 'Size'],
    ['problems', 'SEO flags']];
  var crawlers = null;

  /* ---- helpers ---- */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') { node.textContent = attrs[k]; } else if (k === 'class') { node.className = attrs[k]; }
      else if (k.indexOf('on') === 0) { node.addEventListener(k.slice(2), attrs[k]); }
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); }
    });
    return node;
  }
  function request(method, path, body) {
    var init = { method: method, credentials: 'same-origin', headers: { 'Accept': 'application/json' } };
    if (method !== 'GET') { init.headers['X-Rendergate-Csrf'] = '1'; }
    if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(API + path, init).then(function (r) {
      if (r.status === 401) { location.href = '/inspect/sign-in'; throw new Error('signed out'); }
      var type = r.headers.get('Content-Type') || '';
      var read = type.indexOf('application/json') === 0 ? r.json() : r.text();
      return read.then(function (data) {
        if (!r.ok) { throw new Error((data && data.message) || ('HTTP ' + r.status)); }
        return data;
      });
    });
  }
  function toast(text) {
    var t = document.getElementById('toast');
    t.textContent = text; t.className = 'show';
    clearTimeout(toast.timer); toast.timer = setTimeout(function () { t.className = ''; }, 3500);
  }
  function show(title, nodes) {
    main.textContent = '';
    main.appendChild(el('h1', { text: title }));
    nodes.forEach(function (n) { if (n) { main.appendChild(n); } });
    document.title = title + ' · SEO inspector';
    main.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
  function failed(error) { show('Something went wrong', [el('p', { class: 'error-box', text: error.message })]); }
  function flag(label, severity) { return el('span', { class: 'flag ' + (severity || 'notice'), text: LABELS[label] || label }); }
  function bytes(n) { return n < 1024 ? n + ' B' : (n / 1024).toFixed(1) + ' KB'; }
  function age(s) {
    if (s < 90) { return s + ' s'; } if (s < 5400) { return Math.round(s / 60) + ' min'; }
    if (s < 172800) { return Math.round(s / 3600) + ' h'; } return Math.round(s / 86400) + ' d';
  }
  function when(iso) { return iso ? new Date(iso).toLocaleString() : '—'; }
  function severityOf(row, label) {
    var i = row.flags.indexOf(label);
    return i === 0 ? row.severity : (label === 'description-too-long' ? 'notice' : 'warning');
  }
  function parseHash() {
    var hash = location.hash.replace(/^#/, '') || '/';
    var q = hash.indexOf('?');
    var params = new URLSearchParams(q < 0 ? '' : hash.slice(q + 1));
    return { path: q < 0 ? hash : hash.slice(0, q), params: params };
  }
  function go(path, params) {
    var query = params ? params.toString() : '';
    location.hash = '#' + path + (query ? '?' + query : '');
  }
  function markNav(name) {
    document.querySelectorAll('[data-nav]').forEach(function (a) {
      if (a.getAttribute('data-nav') === name) { a.setAttribute('aria-current', 'page'); } else { a.removeAttribute('aria-current'); }
    });
  }
  function loadCrawlers() {
    return crawlers ? Promise.resolve(crawlers) : request('GET', 'crawlers').then(function (c) { crawlers = c; return c; });
  }
  function select(id, name, options, value) {
    return el('select', { id: id, name: name }, options.map(function (o) {
      return el('option', { value: o[0], selected: o[0] === value ? 'selected' : null, text: o[1] });
    }));
  }
  function field(labelText, control) { return el('div', {}, [el('label', { for: control.id, text: labelText }), control]); }

  /* ---- list ---- */
  function listView(params) {
    markNav('list');
    request('GET', 'snapshots?' + params.toString()).then(function (page) { renderList(page, params); }).catch(failed);
  }
  function renderList(page, params) {
    var flags = [['', 'any']].concat([['any', 'any problem'], ['none', 'no problem']])
      .concat(Object.keys(LABELS).map(function (k) { return [k, LABELS[k]]; }));
    var form = el('form', { class: 'filters card', role: 'search', onsubmit: function (e) {
      e.preventDefault();
      var next = new URLSearchParams();
      new FormData(form).forEach(function (v, k) { if (v) { next.set(k, v); } });
      ['sort', 'order'].forEach(function (k) { if (params.get(k)) { next.set(k, params.get(k)); } });
      go('/', next);
    } }, [
      el('div', { class: 'wide' }, [el('label', { for: 'q', text: 'URL or title contains' }),
        el('input', { id: 'q', name: 'q', type: 'search', value: params.get('q') || '' })]),
      field('Status', select('status', 'status', [['', 'any'], ['2xx', '2xx'], ['3xx', '3xx'], ['4xx', '4xx'], ['5xx', '5xx']], params.get('status') || '')),
      field('SEO flag', select('flag', 'flag', flags, params.get('flag') || '')),
      field('Engine', select('engine', 'engine', [['', 'any'], ['htmlunit', 'HtmlUnit'], ['chromium', 'Chromium']], params.get('engine') || '')),
      field('Device', select('device', 'device', [['', 'any'], ['mobile', 'mobile'], ['desktop', 'desktop']], params.get('device') || '')),
      el('div', {}, [el('button', { type: 'submit', text: 'Filter' })])
    ]);
    var sort = params.get('sort') || 'renderedAt';
    var order = params.get('order') || (sort === 'renderedAt' || sort === 'problems' ? 'desc' : 'asc');
    var head = el('tr', {}, COLUMNS.map(function (c) {
      var sorted = c[0] === sort ? (order === 'asc' ? 'ascending' : 'descending') : null;
      return el('th', { scope: 'col', 'aria-sort': sorted }, [el('button', { type: 'button', text: c[1], onclick: function () {
        var next = new URLSearchParams(params);
        next.set('sort', c[0]); next.set('order', sorted === 'ascending' ? 'desc' : 'asc'); next.delete('page');
        go('/', next);
      } })]);
    }));
    var body = el('tbody', {}, page.items.map(function (r) {
      return el('tr', { 'data-id': r.id }, [
        el('td', { class: 'url', 'data-label': 'URL' }, [el('a', { href: '#/s/' + r.id, text: r.url })]),
        el('td', { 'data-label': 'Device', text: r.device }),
        el('td', { 'data-label': 'Status', class: 'status-' + String(r.status).charAt(0), text: String(r.status) }),
        el('td', { 'data-label': 'Title', text: r.title || '—' }),
        el('td', { 'data-label': 'Rendered', text: when(r.renderedAt) }),
        el('td', { 'data-label': 'Age', class: 'num', text: age(r.ageSeconds) }),
        el('td', { 'data-label': 'Engine', text: r.engine + (r.renderedAs ? ' (as ' + r.renderedAs + ')' : '') }),
        el('td', { 'data-label': 'Render ms', class: 'num', text: String(r.renderMs) }),
        el('td', { 'data-label': 'Size', class: 'num', text: bytes(r.bytes) }),
        el('td', { 'data-label': 'SEO flags', class: 'flags' }, r.flags.length
          ? r.flags.map(function (f) { return flag(f, severityOf(r, f)); }) : [el('span', { class: 'flag ok', text: 'ok' })])
      ]);
    }));
    var pages = Math.max(1, Math.ceil(page.total / page.size));
    function pageLink(n, text) {
      var next = new URLSearchParams(params); next.set('page', String(n));
      return el('a', { class: 'button quiet', href: '#/?' + next.toString(), text: text });
    }
    var pager = el('nav', { class: 'pager', 'aria-label': 'Pages' }, [
      page.page > 1 ? pageLink(page.page - 1, '← Previous') : null,
      el('span', { text: 'Page ' + page.page + ' of ' + pages }),
      page.page < pages ? pageLink(page.page + 1, 'Next →') : null
    ]);
    show('Snapshots', [form, el('p', { class: 'summary', id: 'summary', text: page.total + ' snapshot' + (page.total === 1 ? '' : 's')
      + ' match' + (page.total === 1 ? 'es' : '') }),
      page.items.length ? el('table', { class: 'snapshots' }, [el('thead', {}, [head]), body])
        : el('p', { class: 'card', text: 'No snapshot matches. Render a page with "Render as a crawler", or let crawlers come.' }),
      pager]);
  }

  /* ---- detail ---- */
  function detailView(id) {
    markNav('list');
    request('GET', 'snapshots/' + encodeURIComponent(id)).then(function (d) { renderDetail(id, d); }).catch(failed);
  }
  function renderDetail(id, d) {
    var r = d.row, f = d.facts;
    var canonicalElsewhere = d.problems.some(function (p) { return p.kind === 'canonical-elsewhere'; });
    var meta = el('div', { class: 'meta' }, [
      el('span', {}, ['Device ', el('b', { text: r.device })]),
      el('span', {}, ['Status ', el('b', { class: 'status-' + String(r.status).charAt(0), text: String(r.status) })]),
      el('span', {}, ['Engine ', el('b', { text: r.engine })]),
      r.renderedAs ? el('span', {}, ['Rendered as ', el('b', { text: r.renderedAs })]) : null,
      el('span', {}, ['Rendered ', el('b', { text: when(r.renderedAt) })]),
      el('span', {}, ['Render ', el('b', { text: r.renderMs + ' ms' })]),
      el('span', {}, ['Size ', el('b', { text: bytes(r.bytes) })])
    ]);
    var problems = d.problems.length ? el('ul', { class: 'problems', id: 'problems' }, d.problems.map(function (p) {
      return el('li', { class: p.severity, 'data-kind': p.kind }, [
        flag(p.kind, p.severity), el('strong', { text: ' ' + p.explanation }),
        el('p', { class: 'fix', text: 'Fix: ' + p.fix }), el('div', { class: 'seen', text: 'Seen: ' + p.detail })]);
    })) : el('p', { id: 'problems', class: 'card', text: 'No problem found on this snapshot.' });
    var facts = el('dl', { class: 'facts card' }, [].concat(
      fact('Title', f.titles.length ? f.titles.join(' | ') + ' (' + (f.titles[0] || '').length + ' characters)' : 'none'),
      fact('Meta description', f.descriptions.length ? f.descriptions[0] + ' (' + [...f.descriptions[0]].length + ' characters)' : 'none'),
      fact('Canonical', f.canonical ? f.canonical + (canonicalElsewhere ? ' — points elsewhere' : ' — matches this URL') : 'none'),
      fact('Robots meta', f.robots || 'none'), fact('X-Robots-Tag', f.xRobotsTag || 'none'),
      fact('hreflang', f.hreflang.length ? f.hreflang.map(function (h) { return h.lang + ' → ' + h.href; }).join('\n') : 'none'),
      fact('h1', f.h1.length + (f.h1.length ? ': ' + f.h1.join(' | ') : '')),
      fact('JSON-LD', f.jsonLd.length ? f.jsonLd.map(function (b) {
        return b.valid ? 'valid: ' + (b.types.join(', ') || 'no @type') : 'invalid: ' + b.error; }).join('\n') : 'none'),
      fact('Links', f.internalLinks + ' internal, ' + f.externalLinks + ' external'),
      fact('Words', String(f.wordCount)), fact('Status', String(f.status) + (f.location ? ' → ' + f.location : ''))
    ));
    var social = el('div', { class: 'grid2' }, [
      el('div', {}, [el('h2', { text: 'Open Graph and Twitter' }), el('dl', { class: 'facts card' },
        [].concat.apply([], Object.keys(f.openGraph).sort().map(function (k) { return fact(k, f.openGraph[k]); })
          .concat(Object.keys(f.twitter).sort().map(function (k) { return fact(k, f.twitter[k]); }))))]),
      el('div', {}, [el('h2', { text: 'Link preview' }), ogCard(r.url, f)])
    ]);
    var crawlerSelect = el('select', { id: 'render-as', name: 'as' });
    loadCrawlers().then(function (list) {
      list.forEach(function (c) { crawlerSelect.appendChild(el('option', { value: c.label, text: c.name + ' (' + c.device + ')' })); });
    });
    var renderButton = el('button', { type: 'button', id: 'render-now', text: 'Render now', onclick: function () {
      renderAs(r.url, crawlerSelect.value, renderButton);
    } });
    var recache = el('button', { type: 'button', class: 'quiet', id: 'recache', text: 'Recache', onclick: function () {
      recache.disabled = true;
      request('POST', 'snapshots/' + encodeURIComponent(id) + '/recache').then(function (next) {
        toast('Recached: status ' + next.row.status + ' in ' + next.row.renderMs + ' ms'); renderDetail(id, next);
      }).catch(function (e) { toast(e.message); recache.disabled = false; });
    } });
    var actions = el('div', { class: 'actions card' }, [field('Render as', crawlerSelect), renderButton, recache,
      d.previousRenderedAt ? el('a', { class: 'button quiet', id: 'compare', href: '#/s/' + id + '/diff',
        text: 'Compare with previous (' + when(d.previousRenderedAt) + ')' }) : el('span', { class: 'muted', text: 'No previous render kept yet.' })]);
    var html = el('pre', { class: 'html', id: 'html', tabindex: '0', 'aria-label': 'Rendered HTML' }, ['Loading…']);
    var frames = el('div', { class: 'frames' }, [
      el('figure', {}, [el('figcaption', { text: 'What the crawler gets (snapshot, scripts off)' }),
        el('iframe', { title: 'Snapshot preview', sandbox: '', src: API + 'snapshots/' + encodeURIComponent(id) + '/preview',
          loading: 'lazy' })]),
      el('figure', {}, [el('figcaption', {}, ['What a person sees (', el('a', { href: r.url, target: '_blank', rel: 'noopener', text: 'live page' }), ')']),
        el('iframe', { title: 'Live page', src: r.url, sandbox: 'allow-scripts allow-same-origin allow-forms', loading: 'lazy',
          referrerpolicy: 'no-referrer' })])
    ]);
    show(r.url, [meta, actions, el('h2', { text: 'Problems' }), problems, el('h2', { text: 'SEO facts' }), facts, social,
      el('h2', { text: 'Crawler vs person' }), frames, el('h2', { text: 'Rendered HTML' }), html]);
    request('GET', 'snapshots/' + encodeURIComponent(id) + '/html').then(function (text) { highlight(html, text); })
      .catch(function (e) { html.textContent = e.message; });
  }
  function fact(name, value) { return [el('dt', { text: name }), el('dd', { class: 'pre-line', text: value })]; }
  function ogCard(pageUrl, f) {
    var og = f.openGraph, tw = f.twitter;
    var image = og['og:image'] || tw['twitter:image'];
    var domain = '';
    try { domain = new URL(pageUrl).hostname; } catch (e) { domain = pageUrl; }
    var src = null;
    try { src = image ? new URL(image, pageUrl).href : null; } catch (e) { src = null; }
    return el('div', { class: 'og-card', id: 'og-card' }, [
      src ? el('img', { src: src, alt: '' }) : null,
      el('div', {}, [el('div', { class: 'domain', text: domain }),
        el('div', { class: 'title', text: og['og:title'] || tw['twitter:title'] || f.titles[0] || '(no title)' }),
        el('div', { class: 'muted', text: og['og:description'] || tw['twitter:description'] || f.descriptions[0] || '' })])
    ]);
  }
  /* Tags green, attribute names blue, values orange, comments grey: spans built as nodes, never as markup. */
  function highlight(pre, text) {
    pre.textContent = '';
    var re = /<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>/g, last = 0, m;
    var frag = document.createDocumentFragment();
    while ((m = re.exec(text)) !== null) {
      if (m.index > last) { frag.appendChild(document.createTextNode(text.slice(last, m.index))); }
      if (m[0].indexOf('<!--') === 0) { frag.appendChild(el('span', { class: 'c', text: m[0] })); }
      else { tag(frag, m[0]); }
      last = re.lastIndex;
    }
    frag.appendChild(document.createTextNode(text.slice(last)));
    pre.appendChild(frag);
  }
  function tag(frag, source) {
    var name = /^<\/?[A-Za-z][^\s/>]*/.exec(source)[0];
    frag.appendChild(el('span', { class: 't', text: name }));
    var rest = source.slice(name.length), attr = /([^\s=/>]+)(\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g, last = 0, m;
    while ((m = attr.exec(rest)) !== null) {
      frag.appendChild(document.createTextNode(rest.slice(last, m.index)));
      frag.appendChild(el('span', { class: 'a', text: m[1] }));
      if (m[2]) {
        var eq = m[2].indexOf('=');
        frag.appendChild(document.createTextNode(m[2].slice(0, eq + 1)));
        frag.appendChild(el('span', { class: 'v', text: m[2].slice(eq + 1) }));
      }
      last = attr.lastIndex;
    }
    frag.appendChild(el('span', { class: 't', text: rest.slice(last) }));
  }
  function renderAs(url, as, button) {
    button.disabled = true;
    var old = button.textContent; button.textContent = 'Rendering…';
    return request('POST', 'render', { url: url, as: as }).then(function (d) {
      toast('Rendered as ' + as + ': status ' + d.row.status + ', ' + d.problems.length + ' problem(s)');
      if (location.hash === '#/s/' + d.row.id) { renderDetail(d.row.id, d); } else { go('/s/' + d.row.id); }
    }).catch(function (e) { toast(e.message); }).then(function () { button.disabled = false; button.textContent = old; });
  }

  /* ---- diff ---- */
  function diffView(id) {
    markNav('list');
    request('GET', 'snapshots/' + encodeURIComponent(id) + '/diff').then(function (d) {
      var changes = d.fields.length ? el('table', { class: 'changes', id: 'changes' }, [
        el('thead', {}, [el('tr', {}, [el('th', { text: 'Field' }), el('th', { text: 'Before (' + when(d.before) + ')' }),
          el('th', { text: 'After (' + when(d.after) + ')' })])]),
        el('tbody', {}, d.fields.map(function (c) {
          return el('tr', {}, [el('th', { scope: 'row', text: c.field }), el('td', { text: c.before === null ? '—' : c.before }),
            el('td', { text: c.after === null ? '—' : c.after })]);
        }))]) : el('p', { class: 'card', id: 'changes', text: 'No SEO field changed.' });
      var lines = el('ul', { class: 'diff', id: 'text-diff' }, foldSame(d.text).map(function (l) {
        return el('li', { class: l.op, text: l.text });
      }));
      show('Changes since the previous render', [el('p', {}, [el('a', { href: '#/s/' + id, text: '← Back to the snapshot' })]),
        el('h2', { text: 'SEO fields' }), changes, el('h2', { text: 'Text' }), lines,
        d.textTruncated ? el('p', { class: 'muted', text: 'Only the first 1,000 lines of each page were compared.' }) : null]);
    }).catch(failed);
  }
  function foldSame(lines) {
    var out = [], run = [];
    function flush(atEdge) {
      if (run.length > 6) {
        var keep = atEdge ? 2 : 2;
        out.push.apply(out, run.slice(0, keep));
        out.push({ op: 'fold', text: '… ' + (run.length - 2 * keep) + ' unchanged lines …' });
        out.push.apply(out, run.slice(run.length - keep));
      } else { out.push.apply(out, run); }
      run = [];
    }
    lines.forEach(function (l) { if (l.op === 'same') { run.push(l); } else { flush(false); out.push(l); } });
    flush(true);
    return out;
  }

  /* ---- render as ---- */
  function renderView() {
    markNav('render');
    loadCrawlers().then(function (list) {
      var url = el('input', { id: 'render-url', name: 'url', type: 'url', required: 'required', placeholder: 'https://www.example.com/page' });
      var as = el('select', { id: 'render-as', name: 'as' }, list.map(function (c) {
        return el('option', { value: c.label, text: c.name + ' (' + c.device + ')' });
      }));
      var button = el('button', { type: 'submit', id: 'render-now', text: 'Render now' });
      var form = el('form', { class: 'card filters', onsubmit: function (e) { e.preventDefault(); renderAs(url.value, as.value, button); } },
        [el('div', { class: 'wide' }, [el('label', { for: 'render-url', text: 'Page URL' }), url]), field('Crawler', as),
          el('div', {}, [button])]);
      show('Render a page as a crawler', [el('p', { text: 'The farm renders the page now, exactly as that crawler gets it, '
        + 'replaces its cached snapshot and keeps the previous one for comparison.' }), form]);
    }).catch(failed);
  }

  /* ---- crawl report ---- */
  function crawlView() {
    markNav('crawl');
    request('GET', 'crawl-report').then(function (report) {
      show('Crawl report (recent traffic)', reportTables(report));
    }).catch(function (e) {
      show('Crawl report', [el('p', { class: 'card', text: e.message })]);
    });
  }
  function reportTables(report) {
    var nodes = [el('p', { class: 'muted', text: report.lines + ' requests read, ' + report.crawlerRequests + ' from crawlers, '
      + report.humanRequests + ' from people.' })];
    Object.keys(report.sections || {}).forEach(function (name) {
      var rows = report.sections[name];
      if (!rows.length) { return; }
      var keys = Object.keys(rows[0]);
      nodes.push(el('h2', { text: name }));
      nodes.push(el('table', { class: 'report' }, [el('thead', {}, [el('tr', {}, keys.map(function (k) { return el('th', { text: k }); }))]),
        el('tbody', {}, rows.map(function (row) {
          return el('tr', {}, keys.map(function (k) { return el('td', { text: String(row[k]) }); }));
        }))]));
    });
    return nodes;
  }

  /* ---- router ---- */
  function route() {
    var h = parseHash(), m;
    if ((m = /^\/s\/([A-Za-z0-9_-]+)\/diff$/.exec(h.path))) { diffView(m[1]); }
    else if ((m = /^\/s\/([A-Za-z0-9_-]+)$/.exec(h.path))) { detailView(m[1]); }
    else if (h.path === '/render') { renderView(); }
    else if (h.path === '/crawl') { crawlView(); }
    else { listView(h.params); }
  }
  window.addEventListener('hashchange', route);
  route();
}());
