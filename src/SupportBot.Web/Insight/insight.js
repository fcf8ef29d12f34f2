// Shared by the dashboard and the review: the filters in the URL, the JSON API, small DOM helpers.
(function () {
  'use strict';
  const api = '/admin/api/analytics';

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children.flat()) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  async function getJson(path, params) {
    const response = await fetch(api + path + (params ? '?' + params : ''), { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch { /* not JSON */ }
      throw new Error(detail);
    }
    return response.json();
  }

  // The form's fields that have a value, plus any drill-down parameters in the URL the form has no field for.
  function params(form, extra) {
    const query = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (value) query.set(name, value);
    for (const [name, value] of Object.entries(extra || {})) if (value) query.set(name, value);
    return query;
  }

  // A select's choices come with the data; the value asked for in the URL is kept until they do.
  function fillForm(form, query) {
    for (const field of form.elements) {
      if (!field.name || !query.has(field.name)) continue;
      const value = query.get(field.name);
      if (field.tagName === 'SELECT' && ![...field.options].some(o => o.value === value)) field.append(el('option', { value, text: value }));
      field.value = value;
    }
  }

  function options(select, values, label) {
    const current = select.value;
    select.replaceChildren(el('option', { value: '' , text: label }), ...values.map(v => el('option', { value: v, text: v })));
    if (current && !values.includes(current)) select.append(el('option', { value: current, text: current }));
    select.value = current;
  }

  function band(feeling) {
    return feeling ? el('span', { class: 'band band-' + feeling, text: feeling }) : el('span', { class: 'band', text: '–' });
  }

  function exports(container, query) {
    const list = [];
    for (const what of ['conversations', 'transcripts', 'metrics']) {
      for (const format of ['csv', 'json']) {
        list.push(el('a', { href: `${api}/export/${what}.${format}?${query}`, download: true, text: `${what} (${format.toUpperCase()})` }));
      }
    }
    container.replaceChildren(el('span', { text: 'Export:' }), ...list);
  }

  function when(value) {
    return value ? new Date(value).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '';
  }

  window.Insight = { el, getJson, params, fillForm, options, band, exports, when };
})();
