// The platform administrator's desk: the audit trail merged from every service.
import { start, json, el, field, t, sayError, relabel, formatTime, today } from '/app/app.js';

await start('admin');
const content = document.getElementById('content');
const subjectId = el('input', { id: 'audit-subject', autocomplete: 'off' });
const actor = el('input', { id: 'audit-actor', autocomplete: 'off' });
// since yesterday unless changed: the trail answers at most 1,000 entries a service, oldest first
const from = el('input', { type: 'date', id: 'audit-from', value: today(-1) });
const to = el('input', { type: 'date', id: 'audit-to' });
const rows = el('div', { id: 'audit' });

async function search() {
  const query = new URLSearchParams();
  if (subjectId.value.trim()) query.set('subjectId', subjectId.value.trim());
  if (actor.value.trim()) query.set('actor', actor.value.trim());
  if (from.value) query.set('from', new Date(from.value + 'T00:00:00').toISOString());
  if (to.value) query.set('to', new Date(to.value + 'T23:59:59').toISOString());
  const answer = await json('/audit?' + query);
  // newest first, as an admin reads a trail
  const entries = (answer.items || answer.entries || []).sort((a, b) => new Date(b.at) - new Date(a.at));
  rows.replaceChildren(el('table', {}, el('thead', {}, el('tr', {}, ['at', 'service', 'actor', 'action', 'outcome', 'object', 'subjectId'].map(k => el('th', { 'data-t': k }, t(k))))),
    el('tbody', {}, entries.map(e => el('tr', { class: 'audit-entry' }, el('td', {}, formatTime(e.at)), el('td', {}, e.service || ''),
      el('td', {}, e.actor || ''), el('td', {}, e.action || ''), el('td', {}, e.outcome || ''), el('td', {}, e.object || e.detail || ''),
      el('td', {}, e.subjectId || ''))))));
  relabel();
}

content.replaceChildren(el('section', {}, el('h2', { 'data-t': 'audit' }, t('audit')),
  el('form', { id: 'audit-search', onsubmit: event => { event.preventDefault(); search().catch(sayError); } },
    el('div', { class: 'row' }, field('subjectId', subjectId), field('actor', actor), field('from', from), field('to', to)),
    el('button', { type: 'submit', id: 'audit-submit', 'data-t': 'search' }, t('search'))), rows));
relabel();
search().catch(sayError);
