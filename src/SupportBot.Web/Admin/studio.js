/*
 * The admin studio's shell: sections by address (/admin/prompts, /admin/understanding, /admin/remedies, /admin/test),
 * the calls to /admin/api (every change with the console's header), and the small pieces the sections share.
 */
(function () {
  'use strict';

  var sections = {};
  var current = null;

  function el(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) {
        return;
      }
      if (name === 'text') {
        node.textContent = value;
      } else if (name.indexOf('on') === 0) {
        node.addEventListener(name.slice(2), value);
      } else {
        node.setAttribute(name, value === true ? '' : value);
      }
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) {
        continue;
      }
      (Array.isArray(child) ? child : [child]).forEach(function (c) {
        node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
      });
    }
    return node;
  }

  async function call(method, path, body) {
    var options = { method: method, credentials: 'same-origin', headers: {} };
    if (method !== 'GET') {
      options.headers['X-SupportBot-Agent'] = '1';
    }
    if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    var response = await fetch('/admin/api/' + path, options);
    if (response.status === 401) {
      window.location.href = '/agent/signin?ReturnUrl=' + encodeURIComponent(window.location.pathname);
      throw new Error('Signed out.');
    }
    var text = await response.text();
    var data = text ? JSON.parse(text) : null;
    return { ok: response.ok, status: response.status, data: data };
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function errorList(errors) {
    return el('ul', { 'class': 'errors', role: 'alert' }, (errors || []).map(function (e) {
      return el('li', { text: (e.line > 0 ? e.file + ':' + e.line + ': ' : e.file + ': ') + e.message });
    }));
  }

  function diffView(target, lines) {
    target.textContent = '';
    (lines || []).forEach(function (line) {
      var kind = line.op === '+' ? 'add' : line.op === '-' ? 'del' : line.op === '…' ? 'gap' : '';
      target.appendChild(el('span', { 'class': kind, text: (line.op === '…' ? '…' : line.op + ' ' + line.text) + '\n' }));
    });
  }

  function band(name) {
    return el('span', { 'class': 'band ' + name, text: name });
  }

  function show(name, push) {
    if (!sections[name]) {
      name = 'prompts';
    }
    Object.keys(sections).forEach(function (key) {
      document.getElementById(key).hidden = key !== name;
    });
    document.querySelectorAll('nav.studio a[data-section]').forEach(function (a) {
      if (a.dataset.section === name) {
        a.setAttribute('aria-current', 'page');
      } else {
        a.removeAttribute('aria-current');
      }
    });
    if (push) {
      window.history.pushState({ section: name }, '', '/admin/' + name);
    }
    if (current !== name) {
      current = name;
      sections[name]();
    }
  }

  function sectionOf(path) {
    var match = /^\/admin\/([a-z]+)/.exec(path);
    return match ? match[1] : 'prompts';
  }

  async function refreshDraft() {
    var bar = document.getElementById('draft-bar');
    var result = await call('GET', 'draft');
    if (!result.ok || !result.data || !result.data.exists) {
      bar.hidden = true;
      return null;
    }
    var files = result.data.files || [];
    document.getElementById('draft-summary').textContent = files.length === 0
      ? 'A draft is open; it changes nothing yet.'
      : 'A draft changes ' + files.map(function (f) { return f.file; }).join(', ') + '. It is not live until you publish it.';
    bar.hidden = false;
    return result.data;
  }

  async function publishDraft() {
    var status = document.getElementById('draft-status');
    status.textContent = 'Publishing…';
    var result = await call('POST', 'draft/publish');
    status.textContent = result.data ? result.data.message || result.data.detail || '' : '';
    await refreshDraft();
    Studio.changed();
  }

  async function discardDraft() {
    var result = await call('POST', 'draft/discard');
    document.getElementById('draft-status').textContent = result.ok ? 'The draft was discarded.' : 'The draft could not be discarded.';
    await refreshDraft();
    Studio.changed();
  }

  var listeners = [];

  window.Studio = {
    el: el,
    get: function (path) { return call('GET', path); },
    post: function (path, body) { return call('POST', path, body === undefined ? {} : body); },
    debounce: debounce,
    errorList: errorList,
    diffView: diffView,
    band: band,
    refreshDraft: refreshDraft,
    section: function (name, open) { sections[name] = open; },
    show: function (name) { show(name, true); },
    onChange: function (listener) { listeners.push(listener); },
    changed: function () { listeners.forEach(function (l) { l(); }); },
    start: async function () {
      document.querySelectorAll('nav.studio a[data-section]').forEach(function (a) {
        a.addEventListener('click', function (event) {
          event.preventDefault();
          show(a.dataset.section, true);
        });
      });
      window.addEventListener('popstate', function () { show(sectionOf(window.location.pathname), false); });
      document.getElementById('draft-publish').addEventListener('click', publishDraft);
      document.getElementById('draft-discard').addEventListener('click', discardDraft);
      document.getElementById('draft-try').addEventListener('click', function () { show('test', true); });
      call('GET', 'me').then(function (me) {
        if (me.ok) {
          document.getElementById('me').textContent = (me.data.name || me.data.login) + ' ';
        }
      });
      refreshDraft();
      show(sectionOf(window.location.pathname), false);
    }
  };
})();
