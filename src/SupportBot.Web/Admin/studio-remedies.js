/*
 * Remedies: each remedy's wording and approval rules, edited with the files' checks, and which past cases a change
 * of the rules would have sent to a person (or granted) before it is saved.
 */
(function () {
  'use strict';

  var el = Studio.el;
  var book = null;
  var notes = {}; // what the last save of each remedy said, kept across a reload of the list

  function field(label, input) {
    return el('label', { 'class': 'field' }, label + ' ', input);
  }

  function rulesOf(form) {
    var upTo = form.querySelector('[name=autoUpTo]').value.trim();
    var prior = form.querySelector('[name=maxPrior]').value.trim();
    var tiers = form.querySelector('[name=tiers]').value.split(',').map(function (t) { return t.trim(); }).filter(function (t) { return t; });
    return {
      autoUpTo: upTo === '' ? null : Number(upTo),
      maxPriorRemedies: prior === '' ? null : Number(prior),
      tiers: tiers,
      always: form.querySelector('[name=always]').checked
    };
  }

  function pastTable(cases) {
    return el('table', { 'class': 'plain affected' },
      el('tr', {}, el('th', { text: 'Case' }), el('th', { text: 'Customer' }), el('th', { text: 'Amount' }), el('th', { text: 'When' }), el('th', { text: 'Was' }), el('th', { text: 'Why a person' })),
      cases.map(function (c) {
        return el('tr', {}, el('td', { text: c.caseId }), el('td', { text: c.customer || '' }), el('td', { text: c.amount || 'not known' }),
          el('td', { text: new Date(c.at).toLocaleString() }), el('td', { text: c.source }), el('td', { text: c.reason || '' }));
      }));
  }

  async function impact(remedy, form, target) {
    target.textContent = 'Looking at past cases…';
    var result = await Studio.post('remedies/impact', { id: remedy.id, approval: rulesOf(form) });
    target.textContent = '';
    if (!result.ok) {
      target.appendChild(el('p', { 'class': 'errors', role: 'alert', text: (result.data && result.data.detail) || 'Error ' + result.status }));
      return;
    }
    var r = result.data;
    target.appendChild(el('p', { 'class': 'muted', text: r.considered + ' past cases of this remedy. ' + r.note }));
    target.appendChild(el('p', { 'data-impact': 'to-person', text: r.nowToPerson.length + ' would now go to a person.' }));
    if (r.nowToPerson.length) {
      target.appendChild(pastTable(r.nowToPerson));
    }
    target.appendChild(el('p', { 'data-impact': 'automatic', text: r.nowAutomatic.length + ' would now be granted without a person.' }));
    if (r.nowAutomatic.length) {
      target.appendChild(pastTable(r.nowAutomatic));
    }
  }

  async function save(remedy, form, status, draft) {
    status.textContent = draft ? 'Saving to the draft…' : 'Saving and applying…';
    var text = function (name) { var input = form.querySelector('[name=' + name + ']'); return input ? input.value : null; };
    var result = await Studio.post('remedies/save', {
      id: remedy.id, approval: rulesOf(form), title: text('title'), asked: text('asked'), done: text('done'), nextSteps: text('nextSteps'), about: text('about'),
      base: book.text, draft: draft
    });
    var data = result.data || {};
    status.textContent = '';
    status.appendChild(el('span', { text: data.message || data.detail || '' }));
    if (data.errors && data.errors.length) {
      status.appendChild(Studio.errorList(data.errors));
    }
    if (result.status === 409) {
      var diff = el('pre', { 'class': 'diff' });
      Studio.diffView(diff, data.diff);
      status.appendChild(diff);
      status.appendChild(el('button', { type: 'button', 'class': 'secondary', text: 'Open the newer version', onclick: load }));
      return;
    }
    if (result.ok) {
      notes[remedy.id] = data.message;
      if (draft) {
        Studio.refreshDraft();
      }
      Studio.changed();
    }
  }

  function card(remedy) {
    var a = remedy.approval;
    var form = el('form', { 'class': 'card', id: 'remedy-' + remedy.id, 'aria-label': remedy.title, onsubmit: function (e) { e.preventDefault(); } });
    var impactTarget = el('div', { 'aria-live': 'polite' });
    var status = el('div', { role: 'status', text: notes[remedy.id] || '' });
    var wording = remedy.fulfil === 'information only'
      ? [field('Next steps', el('textarea', { name: 'nextSteps', rows: 2, text: remedy.nextSteps }))]
      : [field('Told until done', el('textarea', { name: 'asked', rows: 2, text: remedy.asked })), field('Told once done', el('textarea', { name: 'done', rows: 2, text: remedy.done }))];
    form.appendChild(el('h3', {}, remedy.title + ' ', el('span', { 'class': 'key', text: remedy.id })));
    form.appendChild(el('p', { 'class': 'muted', text: 'Carried out by: ' + remedy.fulfil + (remedy.paysFor ? '; pays for the ' + remedy.paysFor : '') + '. Offered for: ' + (remedy.categories.join(', ') || 'no category') + '.' }));
    form.appendChild(el('div', { 'class': 'actions' }, field('Title', el('input', { name: 'title', value: remedy.title, size: 50 }))));
    form.appendChild(el('div', {}, wording));
    form.appendChild(el('div', {}, field('How it works and how long it takes (told when a customer asks)', el('textarea', { name: 'about', rows: 2, text: remedy.about || '' }))));
    form.appendChild(el('fieldset', { 'class': 'sample' }, el('legend', { text: 'Approval: the bot grants it itself only when every rule holds' }),
      field('Automatic up to (' + book.currency + ')', el('input', { name: 'autoUpTo', type: 'number', min: 0, step: '0.01', value: a.autoUpTo === null || a.autoUpTo === undefined ? '' : a.autoUpTo })),
      field('At most this many earlier remedies', el('input', { name: 'maxPrior', type: 'number', min: 0, step: 1, value: a.maxPriorRemedies === null || a.maxPriorRemedies === undefined ? '' : a.maxPriorRemedies })),
      field('Only for tiers', el('input', { name: 'tiers', value: (a.tiers || []).join(', '), placeholder: 'all tiers' })),
      field('Always a colleague', el('input', { name: 'always', type: 'checkbox', checked: a.always }))));
    form.appendChild(el('div', { 'class': 'actions' },
      el('button', { type: 'button', 'class': 'secondary', onclick: function () { impact(remedy, form, impactTarget); } }, 'Which past cases would change?'),
      book.draft ? null : el('button', { type: 'button', onclick: function () { save(remedy, form, status, false); } }, 'Save and publish'),
      el('button', { type: 'button', 'class': 'secondary', onclick: function () { save(remedy, form, status, true); } }, 'Save to draft')));
    form.appendChild(impactTarget);
    form.appendChild(status);
    return form;
  }

  async function load() {
    var result = await Studio.get('remedies?draft=true');
    if (!result.ok) {
      return;
    }
    book = result.data;
    var target = document.getElementById('remedy-list');
    target.textContent = '';
    if (book.draft) {
      target.appendChild(el('p', { 'class': 'muted', text: 'A draft is open: these are the draft\'s remedies, and changes go to the draft.' }));
    }
    book.remedies.forEach(function (remedy) { target.appendChild(card(remedy)); });
  }

  var started = false;
  Studio.section('remedies', function () {
    if (!started) {
      started = true;
      Studio.onChange(function () { if (book) { load(); } });
    } else {
      notes = {};
    }
    load();
  });

  Studio.section('test', function () {
    var start = function () {
      var source = document.getElementById('chat-source');
      StudioChat.startChat(document.getElementById('test-chat'), document.getElementById('chat-name').value, function (which) {
        source.textContent = which === 'draft'
          ? 'This chat talks to the draft. Nothing said here reaches the desk, and no remedy is carried out.'
          : 'There is no draft, so this chat talks to the live files. Nothing said here reaches the desk, and no remedy is carried out.';
      });
    };
    var restart = document.getElementById('chat-restart');
    if (!restart.dataset.ready) {
      restart.dataset.ready = '1';
      restart.addEventListener('click', start);
    }
    start();
  });
})();
