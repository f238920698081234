// ES5 on purpose: HtmlUnit runs it too. Each store is tried on its own; one the engine lacks reads "n/a",
// one that never answers reads "no-answer", so the page always finishes.
var stateKit = (function () {
  var DB = 'rendergate-state';

  function attempt(f, onError) {
    try { return f(); } catch (e) { return onError ? onError(e) : undefined; }
  }

  function openDb(done) {
    var open = attempt(function () { return indexedDB.open(DB, 1); });
    if (!open) { done(null); return; }
    open.onupgradeneeded = function () { open.result.createObjectStore('kv'); };
    open.onsuccess = function () { done(open.result); };
    open.onerror = function () { done(null); };
  }

  function writeIdb(value, done) {
    openDb(function (db) {
      if (!db) { done('n/a'); return; }
      attempt(function () {
        var tx = db.transaction('kv', 'readwrite');
        tx.objectStore('kv').put(value, 'k');
        tx.oncomplete = function () { db.close(); done('ok'); };
        tx.onerror = function () { done('error'); };
      }, function () { done('error'); });
    });
  }

  function readIdb(done) {
    openDb(function (db) {
      if (!db) { done('n/a'); return; }
      attempt(function () {
        var get = db.transaction('kv', 'readonly').objectStore('kv').get('k');
        get.onsuccess = function () { db.close(); done(String(get.result)); };
        get.onerror = function () { done('error'); };
      }, function () { done('error'); });
    });
  }

  function writeCaches(value, done) {
    if (typeof caches === 'undefined') { done('n/a'); return; }
    caches.open(value).then(function () { done('ok'); }, function () { done('error'); });
  }

  function readCaches(done) {
    if (typeof caches === 'undefined') { done('n/a'); return; }
    caches.keys().then(function (k) { done(k.join(',')); }, function () { done('error'); });
  }

  function writeWorker(done) {
    if (!navigator.serviceWorker) { done('n/a'); return; }
    navigator.serviceWorker.register('sw.js').then(function () { done('ok'); }, function () { done('error'); });
  }

  function readWorker(done) {
    if (!navigator.serviceWorker || !navigator.serviceWorker.getRegistrations) { done('n/a'); return; }
    navigator.serviceWorker.getRegistrations().then(function (r) { done(String(r.length)); },
        function () { done('error'); });
  }

  // Runs named async steps one after the other; each answers once, or "no-answer" after a second.
  function chain(steps, done) {
    var names = Object.keys(steps);
    var results = {};
    var i = 0;
    function next() {
      if (i === names.length) { done(results); return; }
      var name = names[i++];
      var answered = false;
      function answer(v) {
        if (!answered) { answered = true; results[name] = v; next(); }
      }
      setTimeout(function () { answer('no-answer'); }, 1000);
      attempt(function () { steps[name](answer); }, function () { answer('error'); });
    }
    next();
  }

  return {
    write: function (where, done) {
      var v = 'W-' + where;
      document.cookie = 'leak=' + v + '; path=/';
      attempt(function () { localStorage.setItem('leak', v); });
      attempt(function () { sessionStorage.setItem('leak', v); });
      window.name = v;
      attempt(function () { history.pushState({}, '', location.pathname + '?pushed=1'); });
      chain({
        idb: function (cb) { writeIdb(v, cb); },
        caches: function (cb) { writeCaches(v, cb); },
        workers: function (cb) { writeWorker(cb); }
      }, function () { done(); });
    },
    read: function (done) {
      var seen = 'cookie=' + document.cookie
          + ' local=' + attempt(function () { return String(localStorage.getItem('leak')); }, function () { return 'n/a'; })
          + ' session=' + attempt(function () { return String(sessionStorage.getItem('leak')); }, function () { return 'n/a'; })
          + ' name=' + window.name
          + ' history=' + history.length;
      chain({ idb: readIdb, caches: readCaches, workers: readWorker }, function (r) {
        done(seen + ' idb=' + r.idb + ' caches=' + r.caches + ' workers=' + r.workers);
      });
    }
  };
})();
