/*
 * Prompts: browse every line of dialogs/ by step and feeling band, edit a variant with the files' own checks shown
 * as you type, preview it in Web Chat for a sample customer, save it live or to the draft, and roll a change back.
 */
(function () {
  'use strict';

  var el = Studio.el;
  var bands = ['calm', 'mild', 'upset', 'furious', 'positive', 'improving'];
  var book = null;
  var samples = null;
  var filter = { step: '', band: '', search: '' };
  var editing = null; // { file, key, id, base, prompt }

  function $(id) { return document.getElementById(id); }

  async function load() {
    var result = await Studio.get('prompts?draft=true');
    book = result.data;
    var steps = $('step-filter');
    var chosen = steps.value;
    steps.textContent = '';
    steps.appendChild(el('option', { value: '', text: 'All steps' }));
    book.files.forEach(function (f) { steps.appendChild(el('option', { value: f.step, text: f.step })); });
    steps.value = chosen;
    var errors = $('book-errors');
    errors.hidden = book.errors.length === 0;
    errors.textContent = book.errors.length === 0 ? '' : 'The files on disk have errors, so the bot keeps its last good prompts: ' +
      book.errors.map(function (e) { return e.file + ':' + e.line + ': ' + e.message; }).join(' · ');
    $('save-live').hidden = book.draft;
    list();
  }

  function matches(prompt) {
    if (filter.band && prompt.band !== filter.band) {
      return false;
    }
    if (!filter.search) {
      return true;
    }
    var words = filter.search.toLowerCase();
    return prompt.key.toLowerCase().indexOf(words) >= 0 || prompt.variants.some(function (v) { return v.text.toLowerCase().indexOf(words) >= 0; });
  }

  function list() {
    var target = $('prompt-list');
    target.textContent = '';
    book.files.filter(function (f) { return !filter.step || f.step === filter.step; }).forEach(function (file) {
      var prompts = file.prompts.filter(matches);
      if (prompts.length === 0) {
        return;
      }
      target.appendChild(el('h3', { text: file.step + (book.draft ? ' (draft)' : '') }));
      prompts.forEach(function (prompt) {
        target.appendChild(el('div', { 'class': 'prompt' },
          el('h4', {}, prompt.key + ' ', prompt.band ? Studio.band(prompt.band) : null),
          el('ul', {}, prompt.variants.map(function (v) {
            var current = editing && editing.key === prompt.key && editing.id === v.id;
            return el('li', {}, el('button', {
              type: 'button', 'class': 'variant', 'aria-current': current ? 'true' : null,
              onclick: function () { open(file, prompt, v.id); }
            }, el('span', { 'class': 'id', text: v.id }), v.text));
          })),
          el('button', { type: 'button', 'class': 'link', text: 'Add a variant to ' + prompt.key, onclick: function () { open(file, prompt, null); } })));
      });
    });
  }

  function find(key) {
    for (var i = 0; i < book.files.length; i++) {
      var prompt = book.files[i].prompts.find(function (p) { return p.key === key; });
      if (prompt) {
        return { file: book.files[i], prompt: prompt };
      }
    }
    return null;
  }

  function open(file, prompt, id, pendingText) {
    var variant = id ? prompt.variants.find(function (v) { return v.id === id; }) : null;
    editing = { file: file.file, key: prompt.key, id: variant ? variant.id : null, base: file.text, prompt: prompt };
    $('editor-title').textContent = prompt.key + ' · ' + (variant ? variant.id : 'new variant');
    $('editor-where').textContent = (book.draft ? 'Draft of ' : '') + 'dialogs/' + file.file + (variant ? ', line ' + variant.line : ', added at the end of ' + prompt.key);
    $('editor-vars').textContent = prompt.variables.length === 0 ? 'This line takes no variables.'
      : 'Variables it may use: ' + prompt.variables.map(function (v) { return '{' + v + '}'; }).join(', ');
    $('editor-body').hidden = false;
    $('variant-text').value = pendingText !== undefined ? pendingText : variant ? variant.text : '';
    $('save-status').textContent = '';
    $('stale').hidden = true;
    if (prompt.band && bands.indexOf(prompt.band) >= 0 && prompt.band !== 'improving') {
      $('sample-band').value = prompt.band;
      $('sample-message').placeholder = '';
    }
    list();
    check();
    preview();
    history();
    $('variant-text').focus();
  }

  function edit() {
    return { file: editing.file, key: editing.key, id: editing.id, text: $('variant-text').value, base: editing.base, draft: book.draft };
  }

  async function check() {
    if (!editing) {
      return;
    }
    var target = $('check');
    var result = await Studio.post('prompts/check', edit());
    target.textContent = '';
    if (!result.ok) {
      target.appendChild(el('p', { 'class': 'errors', role: 'alert', text: (result.data && result.data.detail) || 'The check failed.' }));
    } else if (result.data.errors.length > 0) {
      target.appendChild(Studio.errorList(result.data.errors));
    } else {
      target.appendChild(el('p', { 'class': 'ok', text: '✓ Passes every check the files are held to.' }));
    }
  }

  async function preview() {
    if (!editing) {
      return;
    }
    var name = $('sample-name').value;
    var result = await Studio.post('prompts/preview', {
      key: editing.key, text: $('variant-text').value, name: name, category: $('sample-category').value,
      amount: $('sample-amount').value, band: $('sample-band').value, message: $('sample-message').value
    });
    if (!result.ok) {
      return;
    }
    var lines = [];
    if (result.data.message && editing.key.indexOf('greeting.') !== 0) {
      lines.push({ from: 'user', name: name, text: result.data.message });
      if (!$('sample-message').value) {
        $('sample-message').placeholder = result.data.message;
      }
    }
    lines.push({ from: 'bot', text: result.data.text });
    $('preview-note').textContent = lines.length > 1
      ? 'The bot reads what ' + (result.data.name || 'they') + ' wrote as ' + result.data.feeling + '.'
      : '';
    StudioChat.showLines($('preview-chat'), lines);
  }

  async function save(draft) {
    var status = $('save-status');
    status.textContent = draft ? 'Saving to the draft…' : 'Saving and applying…';
    $('stale').hidden = true;
    var body = edit();
    body.draft = draft;
    var result = await Studio.post('prompts/save', body);
    var data = result.data || {};
    if (result.status === 409) {
      showStale(status, data);
      return;
    }
    status.textContent = data.message || data.detail || ('Error ' + result.status);
    if (result.status === 400 && data.errors) {
      $('check').textContent = '';
      $('check').appendChild(Studio.errorList(data.errors));
      return;
    }
    if (!result.ok) {
      return;
    }
    var key = editing.key;
    var id = editing.id;
    await load();
    if (draft) {
      Studio.refreshDraft();
    }
    var found = find(key);
    if (found) {
      var variant = id || found.prompt.variants[found.prompt.variants.length - 1].id;
      open(found.file, found.prompt, variant);
      $('save-status').textContent = data.message;
    }
    Studio.changed();
  }

  // A newer edit on disk: say so and show how it differs, instead of saving over it.
  function showStale(status, data) {
    status.textContent = '';
    $('stale-message').textContent = data.message;
    Studio.diffView($('stale-diff'), data.diff);
    $('stale').hidden = false;
  }

  async function reloadNewer() {
    var pending = $('variant-text').value;
    var key = editing.key;
    var id = editing.id;
    await load();
    var found = find(key);
    if (found) {
      open(found.file, found.prompt, id, pending);
      $('save-status').textContent = 'This is the newer version, with your wording kept in the box: check it and save again.';
    }
  }

  async function history() {
    var target = $('history');
    target.textContent = '';
    var result = await Studio.get('history?file=' + encodeURIComponent(editing.file));
    if (!result.ok || result.data.length === 0) {
      target.appendChild(el('li', { 'class': 'muted', text: 'No changes made in the studio yet.' }));
      return;
    }
    result.data.slice(0, 20).forEach(function (entry) {
      target.appendChild(el('li', {},
        el('span', { 'class': 'muted', text: new Date(entry.at).toLocaleString() + ' · ' + entry.who + ': ' }),
        entry.summary + ' ',
        el('button', { type: 'button', 'class': 'secondary', text: 'Roll back', 'aria-label': 'Roll back ' + entry.summary, onclick: function () { rollBack(entry); } })));
    });
  }

  async function rollBack(entry) {
    var status = $('save-status');
    status.textContent = 'Rolling back…';
    var result = await Studio.post('history/' + encodeURIComponent(entry.id) + '/rollback');
    var data = result.data || {};
    if (result.status === 409) {
      showStale(status, data);
      return;
    }
    if (result.status === 400 && data.errors) {
      status.textContent = data.message;
      $('check').textContent = '';
      $('check').appendChild(Studio.errorList(data.errors));
      return;
    }
    var key = editing.key;
    var id = editing.id;
    await load();
    var found = find(key);
    if (found) {
      open(found.file, found.prompt, id && found.prompt.variants.some(function (v) { return v.id === id; }) ? id : found.prompt.variants[0].id);
    }
    $('save-status').textContent = data.message || data.detail || '';
    Studio.changed();
  }

  async function loadSamples() {
    var result = await Studio.get('samples');
    samples = result.data;
    var categories = $('sample-category');
    samples.categories.forEach(function (c) { categories.appendChild(el('option', { value: c.id, text: c.title })); });
    var select = $('sample-band');
    samples.bands.forEach(function (b) { select.appendChild(el('option', { value: b, text: b })); });
    select.value = 'mild';
  }

  function setUp() {
    var chips = $('band-filter');
    [''].concat(bands).forEach(function (b) {
      chips.appendChild(el('button', {
        type: 'button', 'aria-pressed': b === '' ? 'true' : 'false', text: b || 'all',
        onclick: function (event) {
          filter.band = b;
          chips.querySelectorAll('button').forEach(function (button) { button.setAttribute('aria-pressed', button === event.currentTarget ? 'true' : 'false'); });
          list();
        }
      }));
    });
    $('step-filter').addEventListener('change', function (e) { filter.step = e.target.value; list(); });
    $('prompt-search').addEventListener('input', Studio.debounce(function (e) { filter.search = e.target.value.trim(); list(); }, 200));
    var typed = Studio.debounce(function () { check(); preview(); }, 300);
    $('variant-text').addEventListener('input', function () { $('save-status').textContent = ''; typed(); });
    ['sample-category', 'sample-band'].forEach(function (id) {
      $(id).addEventListener('change', function () { $('sample-message').value = ''; preview(); });
    });
    ['sample-name', 'sample-amount', 'sample-message'].forEach(function (id) {
      $(id).addEventListener('input', Studio.debounce(preview, 400));
    });
    $('save-live').addEventListener('click', function () { save(false); });
    $('save-draft').addEventListener('click', function () { save(true); });
    $('reload-file').addEventListener('click', reloadNewer);
    Studio.onChange(function () { if (book) { load(); } });
  }

  var started = false;
  Studio.section('prompts', async function () {
    if (!started) {
      started = true;
      setUp();
      await Promise.all([loadSamples(), load()]);
    }
  });

  window.StudioPrompts = {
    /* Opens the editor on a prompt variant (from a line the bot said elsewhere in the studio). */
    open: async function (key, id) {
      Studio.show('prompts');
      while (!book) {
        await new Promise(function (resolve) { window.setTimeout(resolve, 50); });
      }
      var found = find(key);
      if (found) {
        open(found.file, found.prompt, id);
      }
    }
  };
})();
