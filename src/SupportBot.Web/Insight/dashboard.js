// The dashboard: every chart from /admin/api/analytics/dashboard drawn with Chart.js; a bar (or a table cell) opens
// the conversations behind it in the review.
(function () {
  'use strict';
  const { el, getJson, params, fillForm, options, exports } = window.Insight;
  const form = document.getElementById('filters');
  const status = document.getElementById('status');
  const colours = ['#0063B1', '#C239B3', '#2D7D2D', '#CA5010', '#5C2E91', '#038387'];
  const kinds = {
    volume: { type: 'line' },
    containment: { type: 'doughnut' },
    reasons: { type: 'bar', horizontal: true },
    dropoff: { type: 'bar', horizontal: true, stacked: true },
    remedies: { type: 'bar', horizontal: true, stacked: true },
    cost: { type: 'bar', only: 1 },
  };
  let charts = [];
  let prompts = [];
  let sort = { key: 'shown', descending: true };

  function reviewLink(chart, series, index) {
    const query = params(form);
    const key = chart.keys[index];
    if (series.filter && series.filter.includes('{key}')) {
      const [name, value] = series.filter.replace('{key}', key).split('=');
      query.set(name, value);
    } else {
      query.set(chart.drill, key);
      if (series.filter) { const [name, value] = series.filter.split('='); query.set(name, value); }
    }
    return '/admin/review?' + query;
  }

  function draw(chart) {
    const kind = kinds[chart.id] || { type: 'bar' };
    const series = kind.only ? chart.series.slice(0, kind.only) : chart.series;
    const total = chart.series.reduce((sum, s) => sum + s.values.reduce((a, b) => a + b, 0), 0);
    const canvas = el('canvas', { role: 'img', 'aria-label': chart.title + ': ' + describe(chart), 'data-chart': chart.id });
    const table = el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Bar' }), chart.series.map(s => el('th', { scope: 'col', class: 'n', text: s.name })))),
      el('tbody', {}, chart.labels.map((label, i) => el('tr', {}, el('th', { scope: 'row', text: label }),
        chart.series.map(s => el('td', { class: 'n' }, s.values[i] ? el('a', { href: reviewLink(chart, s, i), text: s.values[i].toLocaleString() }) : '0'))))));
    const section = el('section', { class: 'chart', 'aria-labelledby': 'chart-' + chart.id },
      el('h2', { id: 'chart-' + chart.id, text: chart.title }),
      total === 0 ? el('p', { class: 'empty', text: 'Nothing in this period yet.' }) : null,
      el('div', { class: 'canvas' }, canvas),
      el('details', {}, el('summary', { text: 'As a table, with links to the conversations' }), el('div', { class: 'scroll' }, table)));
    document.getElementById('charts').append(section);
    const drawn = new Chart(canvas, {
      type: kind.type,
      data: {
        labels: chart.labels,
        datasets: series.map((s, i) => ({
          label: s.name,
          data: s.values,
          backgroundColor: kind.type === 'doughnut' ? colours : colours[i % colours.length],
          borderColor: kind.type === 'doughnut' ? '#fff' : colours[i % colours.length],
          tension: 0.2,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        indexAxis: kind.horizontal ? 'y' : 'x',
        scales: kind.type === 'doughnut' ? {} : { x: { stacked: !!kind.stacked, ticks: { precision: 0 } }, y: { stacked: !!kind.stacked, beginAtZero: true, ticks: { precision: 0 } } },
        plugins: { legend: { display: series.length > 1 || kind.type === 'doughnut', position: 'bottom' } },
        onClick: (event, elements) => {
          if (elements.length) location.href = reviewLink(chart, chart.series[elements[0].datasetIndex], elements[0].index);
        },
        onHover: (event, elements) => { event.native.target.style.cursor = elements.length ? 'pointer' : 'default'; },
      },
    });
    charts.push(drawn);
  }

  function describe(chart) {
    return chart.labels.map((label, i) => label + ' ' + chart.series.map(s => s.name + ' ' + s.values[i]).join(', ')).join('; ') || 'no data';
  }

  function summary(s) {
    const share = n => s.conversations ? Math.round(100 * n / s.conversations) + '%' : '–';
    const lift = s.firstHeat !== undefined && s.lastHeat !== undefined ? (s.firstHeat - s.lastHeat).toFixed(2) : '–';
    const wait = s.averageSecondsToAgent !== undefined ? (s.averageSecondsToAgent < 90 ? Math.round(s.averageSecondsToAgent) + ' s' : (s.averageSecondsToAgent / 60).toFixed(1) + ' min') : '–';
    const tiles = [
      ['Conversations', s.conversations.toLocaleString()],
      ['Resolved without a person', share(s.contained)],
      ['Handed to a person', share(s.handedOff)],
      ['Average rating', s.averageRating !== undefined ? s.averageRating.toFixed(1) + ' of 5' : '–'],
      ['Average wait for a colleague', wait],
      ['Sentiment lift (first minus last turn heat)', lift],
    ];
    document.getElementById('summary').replaceChildren(...tiles.map(([name, value]) => el('li', {}, el('span', { class: 'value', text: value }), el('span', { class: 'name', text: name }))));
  }

  function promptRows() {
    const sorted = [...prompts].sort((a, b) => {
      const x = a[sort.key] ?? -Infinity, y = b[sort.key] ?? -Infinity;
      const order = typeof x === 'string' ? x.localeCompare(y) : x - y;
      return sort.descending ? -order : order;
    });
    document.querySelector('#prompts tbody').replaceChildren(...sorted.map(p => el('tr', {},
      el('td', { text: p.key }), el('td', { text: p.variant }),
      ['shown', 'answered', 'retried', 'left', 'person'].map(k => el('td', { class: 'n', text: p[k] })),
      el('td', { class: 'n', text: p.feelingChange === undefined ? '–' : (p.feelingChange > 0 ? '+' : '') + p.feelingChange.toFixed(2) }),
      el('td', { class: 'n', text: p.calmer }), el('td', { class: 'n', text: p.hotter }))));
    for (const th of document.querySelectorAll('#prompts th')) {
      const key = th.querySelector('button').dataset.sort;
      th.setAttribute('aria-sort', key === sort.key ? (sort.descending ? 'descending' : 'ascending') : 'none');
    }
  }

  async function load() {
    const query = params(form);
    status.textContent = 'Loading…';
    document.body.removeAttribute('data-drawn');
    try {
      const view = await getJson('/dashboard', query);
      charts.forEach(c => c.destroy());
      charts = [];
      document.getElementById('charts').replaceChildren();
      options(document.getElementById('channel'), view.channels, 'All channels');
      options(document.getElementById('category'), view.categories, 'All categories');
      summary(view.summary);
      view.charts.forEach(draw);
      prompts = view.prompts;
      promptRows();
      exports(document.getElementById('exports'), query);
      const from = view.filter.from.slice(0, 10), to = new Date(Date.parse(view.filter.to) - 1).toISOString().slice(0, 10);
      form.elements.from.value ||= from;
      form.elements.to.value ||= to;
      status.textContent = `${view.summary.conversations.toLocaleString()} conversation${view.summary.conversations === 1 ? '' : 's'} from ${from} to ${to}.`;
      document.body.setAttribute('data-drawn', 'true');
    } catch (error) {
      status.textContent = 'Could not load the dashboard: ' + error.message;
    }
  }

  document.querySelectorAll('#prompts th button').forEach(button => button.addEventListener('click', () => {
    const key = button.dataset.sort;
    sort = { key, descending: sort.key === key ? !sort.descending : !['key', 'variant'].includes(key) };
    promptRows();
  }));
  form.addEventListener('submit', event => {
    event.preventDefault();
    history.replaceState(null, '', '?' + params(form));
    load();
  });
  const query = new URLSearchParams(location.search);
  fillForm(form, query);
  load();
})();
