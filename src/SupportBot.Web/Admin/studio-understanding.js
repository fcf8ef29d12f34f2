/*
 * Understanding: "try a message" (what the bot reads and would answer), and each category with its examples,
 * keywords, questions, remedies and cross-validated accuracy; an example is added in one click, from the message tried.
 */
(function () {
  'use strict';

  var el = Studio.el;
  var view = null;
  var notes = {}; // what the last keywords save of each category said
  var polling = null;

  function $(id) { return document.getElementById(id); }

  function percent(value) { return Math.round(value * 100) + '%'; }

  function line(target, label, botLine) {
    if (!botLine) {
      return [el('dt', { text: label }), el('dd', { 'class': 'muted', text: '(none)' })];
    }
    var edit = botLine.key
      ? el('button', { type: 'button', 'class': 'link', text: 'edit this line', onclick: function () { StudioPrompts.open(botLine.key, botLine.id); } })
      : null;
    return [el('dt', { text: label }), el('dd', {},
      el('div', { 'class': 'said', text: botLine.text }),
      botLine.buttons.length ? el('div', { 'class': 'muted', text: 'Buttons: ' + botLine.buttons.join(' · ') }) : null,
      botLine.key ? el('div', { 'class': 'key' }, botLine.key + ' › ' + botLine.id + ' ', edit) : null)];
  }

  async function tryMessage(event) {
    event.preventDefault();
    var text = $('try-text').value.trim();
    var target = $('try-result');
    if (!text) {
      return;
    }
    target.textContent = 'Reading…';
    var result = await Studio.post('try', { text: text, name: $('try-name').value, draft: !!(view && view.draft) });
    target.textContent = '';
    if (!result.ok) {
      target.appendChild(el('p', { 'class': 'errors', role: 'alert', text: (result.data && result.data.detail) || 'Error ' + result.status }));
      return;
    }
    var r = result.data;
    var categorySelect = el('select', { id: 'example-category', 'aria-label': 'Category for the example' },
      (view ? view.categories : []).map(function (c) { return el('option', { value: c.id, text: c.title, selected: c.id === (r.filedUnder || r.category.id) }); }));
    var entities = r.entities.length === 0 ? el('span', { 'class': 'muted', text: 'none' })
      : el('table', { 'class': 'plain' }, r.entities.map(function (e) { return el('tr', {}, el('td', { text: e.kind }), el('td', { text: '“' + e.text + '”' }), el('td', { text: e.value })); }));
    if (r.draft) {
      target.appendChild(el('p', { 'class': 'muted', text: 'Read and answered with the draft\'s files.' }));
    }
    target.appendChild(el('dl', { 'class': 'reading', id: 'reading' },
      el('dt', { text: 'Kind' }), el('dd', { 'data-field': 'kind', text: r.kind }),
      el('dt', { text: 'Category' }), el('dd', { 'data-field': 'category' },
        r.category.title + ' (' + r.category.id + '), ' + percent(r.category.probability) + ' sure' +
        (r.confident ? '' : ', below ' + percent(r.threshold) + ': the bot asks') +
        (r.runnerUp ? '; next: ' + r.runnerUp.title + ' ' + percent(r.runnerUp.probability) : '')),
      el('dt', { text: 'Filed under' }), el('dd', { 'data-field': 'filed', text: r.filedUnder || 'not yet: the bot asks which category fits' }),
      el('dt', { text: 'Asks for a person' }), el('dd', { text: r.wantsPerson ? 'yes' : 'no' }),
      el('dt', { text: 'Entities' }), el('dd', { 'data-field': 'entities' }, entities),
      el('dt', { text: 'Feeling' }), el('dd', { 'data-field': 'feeling' }, Studio.band(r.feeling), r.emotions.length ? ' ' + r.emotions.join(', ') : ''),
      line(null, 'Empathy line', r.empathy),
      line(null, 'First question', r.question)));
    target.appendChild(el('div', { 'class': 'actions' },
      el('span', { text: 'Misread? Add it as an example of ' }), categorySelect,
      el('button', { type: 'button', id: 'add-example', onclick: function () { addExample(text, categorySelect.value); } }, 'Add as an example'),
      el('span', { id: 'example-status', role: 'status' })));
  }

  async function addExample(text, category) {
    var status = $('example-status');
    status.textContent = 'Adding and retraining…';
    if (!view) {
      await load();
    }
    var result = await Studio.post('understanding/examples', { category: category, text: text, base: view.examplesText, draft: view.draft });
    var data = result.data || {};
    if (result.status === 409) {
      status.textContent = data.message;
      await load();
      return;
    }
    status.textContent = result.status === 400 && data.errors ? data.message + ' ' + data.errors.map(function (e) { return e.message; }).join(' ') : data.message || data.detail || '';
    if (result.ok) {
      await load();
      if (view.draft) {
        Studio.refreshDraft();
      }
    }
  }

  function accuracyText(accuracy) {
    var report = accuracy.report;
    var text = report
      ? 'The reader files ' + percent(report.overall) + ' of ' + report.examples + ' examples under their own category when it did not learn from them (' +
        report.folds + '-fold cross-validation, ' + new Date(report.at).toLocaleTimeString() + ', ' + report.seconds + ' s).'
      : 'Cross-validated accuracy: not computed yet.';
    return text + (accuracy.computing ? ' Computing it again for the files as they are now…' : '');
  }

  async function load() {
    var result = await Studio.get('understanding?draft=true');
    if (!result.ok) {
      return;
    }
    view = result.data;
    $('accuracy-status').textContent = accuracyText(view.accuracy);
    var target = $('categories');
    target.textContent = '';
    view.categories.forEach(function (c) {
      var keywords = el('input', { value: c.keywords.join(', '), 'aria-label': 'Keywords of ' + c.title, size: 60 });
      target.appendChild(el('div', { 'class': 'category', id: 'category-' + c.id },
        el('h4', {}, c.title + ' ', el('span', { 'class': 'key', text: c.id }), ' ',
          c.accuracy ? el('span', { 'class': 'band', 'data-accuracy': c.id, text: percent(c.accuracy.accuracy) + ' of ' + c.accuracy.total }) : null),
        el('div', { 'class': 'actions' }, el('label', {}, 'Keywords ', keywords),
          el('button', { type: 'button', 'class': 'secondary', onclick: function () { saveKeywords(c, keywords.value); } }, 'Save keywords'),
          el('span', { id: 'keywords-status-' + c.id, role: 'status', text: notes[c.id] || '' })),
        el('div', { 'class': 'muted', text: 'Asks: ' + (c.questions.map(function (q) { return q.text; }).join(' · ') || 'nothing') }),
        el('div', { 'class': 'muted', text: 'Remedies: ' + (c.remedies.map(function (r) { return r.title; }).join(' · ') || 'none') }),
        el('details', {}, el('summary', { text: c.examples.length + ' examples in examples.yaml (' + c.learned + ' with the included files)' }),
          el('ul', { 'class': 'examples' }, c.examples.map(function (e) { return el('li', { text: e }); })))));
    });
    window.clearTimeout(polling);
    if (view.accuracy.computing) {
      polling = window.setTimeout(load, 3000);
    }
  }

  async function saveKeywords(category, text) {
    var keywords = text.split(',').map(function (k) { return k.trim(); }).filter(function (k) { return k; });
    var result = await Studio.post('understanding/keywords', { category: category.id, keywords: keywords, base: view.categoriesText, draft: view.draft });
    var data = result.data || {};
    notes[category.id] = (data.message || data.detail || '') + (data.errors && data.errors.length ? ' ' + data.errors.map(function (e) { return e.message; }).join(' ') : '');
    if (result.ok) {
      await load();
      Studio.changed();
    } else {
      $('keywords-status-' + category.id).textContent = notes[category.id];
    }
  }

  var started = false;
  Studio.section('understanding', function () {
    if (!started) {
      started = true;
      $('try-form').addEventListener('submit', tryMessage);
      Studio.onChange(function () { if (view) { load(); } });
    }
    load();
  });
})();
