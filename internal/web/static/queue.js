// Live speaking queue: follow the queue's server-sent events and swap in the queue region
// when it changes, announcing the new state to screen readers. Without this script the
// page still works: every button posts a form and the page comes back.
(function () {
  'use strict';
  var region = document.getElementById('queue-region');
  var live = document.getElementById('queue-live');
  if (!region || !window.EventSource || !window.fetch) {
    return;
  }
  var fragment = region.getAttribute('data-fragment');
  var loading = false;
  var again = false;

  function shownVersion() {
    var el = region.querySelector('[data-version]');
    return el ? el.getAttribute('data-version') : '';
  }

  function refresh() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    fetch(fragment, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (res) {
        if (!res.ok) {
          throw new Error('status ' + res.status);
        }
        return res.text();
      })
      .then(function (html) {
        var focused = document.activeElement && region.contains(document.activeElement) ? document.activeElement.id : '';
        region.innerHTML = html;
        if (focused && document.getElementById(focused)) {
          document.getElementById(focused).focus();
        }
        var summary = region.querySelector('[data-summary]');
        if (summary && live) {
          live.textContent = summary.textContent;
        }
      })
      .catch(function () { /* the next event or a reload tries again */ })
      .then(function () {
        loading = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  }

  function onQueue(e) {
    var data;
    try {
      data = JSON.parse(e.data);
    } catch (err) {
      return;
    }
    if (String(data.version) !== shownVersion()) {
      refresh();
    }
  }

  // EventSource reconnects by itself after a dropped connection; after a refusal (a busy
  // server answers 429) it gives up, so try again a little later.
  var source = null;
  function connect() {
    var es = new EventSource(region.getAttribute('data-events'));
    source = es;
    es.addEventListener('queue', onQueue);
    es.addEventListener('open', function () { region.setAttribute('data-live', 'on'); });
    es.addEventListener('error', function () {
      region.removeAttribute('data-live');
      if (es.readyState === EventSource.CLOSED && source === es) {
        source = null;
        setTimeout(function () {
          if (!source) {
            connect();
            refresh();
          }
        }, 5000 + Math.random() * 5000);
      }
    });
  }
  connect();

  // A page left for another stops listening (the browser may keep it in its back-forward
  // cache with the stream open, holding a listener on the server); it listens again, and
  // catches up, when it is shown again.
  window.addEventListener('pagehide', function () {
    if (source) {
      source.close();
      source = null;
    }
  });
  window.addEventListener('pageshow', function (e) {
    if (e.persisted && !source) {
      connect();
      refresh();
    }
  });
})();
