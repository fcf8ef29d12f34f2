// The review: conversations found by text, category, outcome, feeling and handoff (and by the chart bar they came
// from), each opened with its messages as stored, the customer's marked with the feeling band read from them.
(function () {
  'use strict';
  const { el, getJson, params, fillForm, options, band, exports, when } = window.Insight;
  const form = document.getElementById('filters');
  const status = document.getElementById('status');
  const drillNames = { step: 'Last step', remedy: 'Remedy granted', currency: 'Paid in', wait: 'Wait for a colleague', period: 'Started within', first: 'Feeling at the first turn', last: 'Feeling at the last turn', rating: 'Rating' };
  const waits = ['under 1 min', '1 to 5 min', '5 to 15 min', '15 to 60 min', 'over 1 hour'];
  const outcomes = { resolved: 'Resolved without a person', handoff: 'Handed to a person', open: 'Open or left' };
  const query = new URLSearchParams(location.search);
  const drill = {};
  for (const name of Object.keys(drillNames)) if (query.get(name)) drill[name] = query.get(name);
  let offset = 0;
  const limit = 50;

  function chips() {
    document.getElementById('chips').replaceChildren(...Object.entries(drill).map(([name, value]) => {
      let shown = value;
      if (name === 'wait') shown = waits[Number(value)] || value;
      if (name === 'period') shown = value.split('~').map(v => when(Number(v))).join(' to ');
      return el('li', {}, el('button', { type: 'button', 'aria-label': `Remove: ${drillNames[name]} ${shown}`, onclick: () => { delete drill[name]; offset = 0; search(); } }, `${drillNames[name]}: ${shown} ✕`));
    }));
  }

  async function search() {
    chips();
    const q = params(form, drill);
    history.replaceState(null, '', '?' + q);
    exports(document.getElementById('exports'), q);
    q.set('limit', limit);
    q.set('offset', offset);
    status.textContent = 'Searching…';
    try {
      const page = await getJson('/conversations', q);
      options(document.getElementById('channel'), page.channels, 'All channels');
      options(document.getElementById('category'), page.categories, 'All categories');
      const rows = page.items.map(c => el('tr', {},
        el('td', { text: when(c.started) }), el('td', { text: c.channelId }), el('td', { text: c.category || '–' }),
        el('td', {}, band(c.firstFeeling), ' → ', band(c.lastFeeling)),
        el('td', { text: outcomes[c.outcome] || c.outcome }), el('td', { text: c.handoffReason || '–' }),
        el('td', { class: 'n', text: c.rating ?? '–' }), el('td', { text: c.lastStep || '–' }),
        el('td', {}, el('button', { type: 'button', class: 'plain', 'data-id': c.id, onclick: () => open(c.id), text: 'Open' }))));
      document.querySelector('#results tbody').replaceChildren(...rows);
      status.textContent = page.total === 0 ? 'No conversations match.' : `${page.total.toLocaleString()} conversation${page.total === 1 ? '' : 's'}; showing ${offset + 1} to ${offset + page.items.length}.`;
      document.getElementById('previous').disabled = offset === 0;
      document.getElementById('next').disabled = offset + page.items.length >= page.total;
      document.body.setAttribute('data-found', String(page.total));
    } catch (error) {
      status.textContent = 'Could not search: ' + error.message;
    }
  }

  async function open(id) {
    const detail = await getJson('/conversations/' + encodeURIComponent(id));
    const f = detail.review.facts;
    const facts = [
      ['Channel', f.channelId], ['Conversation', f.conversationId], ['Case', f.caseId || '–'], ['Started', when(f.started)], ['Category', f.category || '–'],
      ['Outcome', outcomes[f.outcome] || f.outcome], ['Handoff reason', f.handoffReason || '–'],
      ['Wait for a colleague', f.secondsToAgent !== undefined ? Math.round(f.secondsToAgent) + ' s' : '–'], ['Rating', f.rating ?? '–'], ['Last step', f.lastStep || '–'],
      ['Remedies granted', detail.review.remedies.map(r => r.title + (r.amount !== undefined ? ` (${r.amount} ${r.currency})` : '') + (r.byColleague ? ', by a colleague' : '')).join('; ') || '–'],
    ];
    document.getElementById('facts').replaceChildren(...facts.flatMap(([name, value]) => [el('dt', { text: name }), el('dd', { text: value })]));
    document.getElementById('transcript').replaceChildren(...detail.lines.map(line => el('li', { class: line.who, 'data-feeling': line.feeling || null },
      el('span', { class: 'who', text: line.who === 'customer' ? 'Customer' : line.who === 'colleague' ? (line.name || 'Colleague') : 'Bot' }),
      line.who === 'customer' ? band(line.feeling) : null,
      el('time', { datetime: line.at || null, text: when(line.at) }),
      el('div', { text: line.text }))));
    const section = document.getElementById('detail');
    section.hidden = false;
    document.getElementById('detail-title').textContent = `Conversation of ${when(f.started)}`;
    document.getElementById('detail-title').focus();
  }

  form.addEventListener('submit', event => { event.preventDefault(); offset = 0; search(); });
  document.getElementById('previous').addEventListener('click', () => { offset = Math.max(0, offset - limit); search(); });
  document.getElementById('next').addEventListener('click', () => { offset += limit; search(); });
  fillForm(form, query);
  search();
})();
