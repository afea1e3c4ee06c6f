// The epidemiologist's desk: a case, its contacts (paged, masked, CSV export) and its transmission
// chain as a graph, read again every few seconds while the page is visible, so contacts appear as
// tracing finds them (the contact-identified events reach the API at once).
import { start, api, json, el, field, t, say, sayError, relabel, formatTime, whileVisible, onLanguage, regionName } from '/app/app.js';

// contacts a page: 20, or ?size= (1 to 100) in the address
const PAGE_SIZE = Math.min(100, Math.max(1, Number(new URLSearchParams(location.search).get('size')) || 20));
const REFRESH_SECONDS = 5;
const NODE_COLOURS = { CASE: '#d32f2f', 1: '#f57c00', 2: '#e0a800' };

await start('epidemiologist');
const content = document.getElementById('content');

let caseId = new URLSearchParams(location.search).get('case') || '';
let page = 0;
let graph;
let shownChain = '';
let shownContacts = '';

const caseInput = el('input', { id: 'case-id', value: caseId, autocomplete: 'off' });
const summary = el('div', { id: 'case-summary' });
const contacts = el('div', { id: 'contacts' });
const edges = el('div', { id: 'edges' });
const updated = el('p', { class: 'muted', id: 'chain-updated' });
const graphBox = el('div', { id: 'graph', role: 'img', 'aria-label': t('chain') });

function legend() {
  return el('p', { class: 'legend' }, el('span', {}, el('i', { style: 'background:' + NODE_COLOURS.CASE }), t('CASE')),
    el('span', {}, el('i', { style: 'background:' + NODE_COLOURS[1] }), t('CONTACT') + ' 1'),
    el('span', {}, el('i', { style: 'background:' + NODE_COLOURS[2] }), t('CONTACT') + ' 2'));
}

function span(from, to) {
  const start = new Date(from);
  const end = new Date(to);
  return start.toLocaleString(undefined, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false })
    + '–' + end.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });
}

async function loadContacts() {
  const answer = await json('/cases/' + encodeURIComponent(caseId) + '/contacts?page=' + page + '&size=' + PAGE_SIZE);
  const key = page + JSON.stringify(answer);
  if (key === shownContacts) return;
  shownContacts = key;
  const pages = Math.max(1, Math.ceil(answer.total / PAGE_SIZE));
  // a visitor's home province by name: their finding is sent there, nobody here knocks for them
  const homes = await Promise.all(answer.items.map(c => c.homeProvince ? regionName(c.homeProvince) : null));
  contacts.replaceChildren(el('table', {}, el('thead', {}, el('tr', {}, ['name', 'degree', 'exposure', 'venue', 'overlap', 'homeProvince'].map(k => el('th', { 'data-t': k }, t(k))))),
    el('tbody', {}, answer.items.map((c, i) => el('tr', { class: 'contact', dataset: { subject: c.contactSubjectId } },
      el('td', {}, c.maskedName || c.contactSubjectId), el('td', {}, c.degree), el('td', { 'data-t': c.exposure }, t(c.exposure)),
      el('td', {}, c.venueId), el('td', {}, span(c.overlapFrom, c.overlapTo)),
      homes[i] ? el('td', { class: 'home' }, homes[i]) : el('td', { class: 'home', 'data-t': 'thisProvince' }, t('thisProvince')))))),
  el('div', { class: 'row' },
    el('button', { type: 'button', class: 'secondary', id: 'contacts-previous', disabled: page === 0, onclick: () => { page--; loadContacts().catch(sayError); }, 'data-t': 'previous' }, t('previous')),
    el('span', { id: 'contacts-page', 'aria-live': 'polite', dataset: { page: page + 1, pages, total: answer.total } },
      t('pageOf').replace('{page}', page + 1).replace('{pages}', pages).replace('{total}', answer.total)),
    el('button', { type: 'button', class: 'secondary', id: 'contacts-next', disabled: page + 1 >= pages, onclick: () => { page++; loadContacts().catch(sayError); }, 'data-t': 'next' }, t('next'))));
}

async function loadChain() {
  const chain = await json('/cases/' + encodeURIComponent(caseId) + '/chain');
  updated.textContent = t('lastUpdate') + ' ' + formatTime(new Date());
  const key = JSON.stringify(chain);
  if (key === shownChain) return;
  shownChain = key;
  const label = node => (node.maskedName || node.subjectId.substring(0, 6));
  const elements = [
    ...chain.nodes.map(node => ({ data: { id: node.subjectId, label: label(node),
      colour: node.role === 'CASE' ? NODE_COLOURS.CASE : NODE_COLOURS[node.degree] || NODE_COLOURS[2] } })),
    ...chain.edges.map((edge, i) => ({ data: { id: 'e' + i, source: edge.source, target: edge.target,
      label: edge.venueId.substring(0, 8) + ' ' + span(edge.overlapFrom, edge.overlapTo) } })),
  ];
  graph?.destroy();
  graph = cytoscape({
    container: graphBox, elements,
    style: [
      { selector: 'node', style: { 'background-color': 'data(colour)', label: 'data(label)', 'font-size': 14, 'text-valign': 'bottom', 'text-margin-y': 4 } },
      { selector: 'edge', style: { width: 2, 'line-color': '#888', 'target-arrow-color': '#888', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
        label: 'data(label)', 'font-size': 11, 'text-rotation': 'autorotate', 'text-background-color': '#fafafa', 'text-background-opacity': 1 } },
    ],
    layout: { name: chain.nodes.length > 2 ? 'cose' : 'breadthfirst', animate: false, padding: 30 },
  });
  window.chainGraph = graph;
  const names = new Map(chain.nodes.map(node => [node.subjectId, label(node)]));
  // the same links as text, for screen readers and for copying
  edges.replaceChildren(el('table', {}, el('caption', { 'data-t': 'edges' }, t('edges')),
    el('thead', {}, el('tr', {}, ['from', 'to', 'venue', 'overlap', 'exposure'].map(k => el('th', { 'data-t': k }, t(k))))),
    el('tbody', {}, chain.edges.map(edge => el('tr', { class: 'edge', dataset: { source: edge.source, target: edge.target } },
      el('td', {}, names.get(edge.source)), el('td', {}, names.get(edge.target)), el('td', {}, edge.venueId),
      el('td', {}, span(edge.overlapFrom, edge.overlapTo)), el('td', { 'data-t': edge.exposure }, t(edge.exposure)))))));
  relabel();
}

async function openCase() {
  if (!caseId) return;
  const query = new URLSearchParams(location.search);
  query.set('case', caseId);
  history.replaceState(null, '', '?' + query);
  try {
    const found = await json('/cases/' + encodeURIComponent(caseId));
    summary.replaceChildren(el('p', {}, t('caseId') + ' ' + found.id + ' · ' + t(found.status) + ' · ' + formatTime(found.confirmedAt)));
    page = 0;
    shownChain = '';
    await Promise.all([loadContacts(), loadChain()]);
  } catch (e) { sayError(e); }
}

content.replaceChildren(
  el('section', {}, el('form', { id: 'open-case', class: 'row', onsubmit: event => { event.preventDefault(); caseId = caseInput.value.trim(); openCase(); } },
    field('caseId', caseInput), el('button', { type: 'submit', id: 'case-open', 'data-t': 'open' }, t('open'))), summary),
  el('div', { class: 'columns' },
    el('section', {}, el('h2', { 'data-t': 'chain' }, t('chain')), legend(), graphBox, updated, edges),
    el('section', {}, el('h2', { 'data-t': 'contacts' }, t('contacts')), contacts,
      el('button', { type: 'button', id: 'export-csv', 'data-t': 'exportCsv', onclick: async () => {
        try {
          const blob = await (await api('/cases/' + encodeURIComponent(caseId) + '/contacts.csv')).blob();
          const link = el('a', { href: URL.createObjectURL(blob), download: 'contacts-' + caseId + '.csv' });
          document.body.append(link);
          link.click();
          link.remove();
        } catch (e) { sayError(e); }
      } }, t('exportCsv')))));
onLanguage(() => { shownChain = ''; shownContacts = ''; if (caseId) loadChain().catch(sayError); });
relabel();
whileVisible(REFRESH_SECONDS, async () => {
  if (!caseId) return;
  if (!summary.hasChildNodes()) await openCase();
  else await Promise.all([loadContacts(), loadChain()]).catch(sayError);
});
