// A community worker's desk (role community): for each of their residential communities (the venue
// ids in their token), who needs a knock today: yellow or red, or a day's check-in missed; everyone
// on request; the same lines as CSV. Masked names only, never reasons or places.
import { start, api, json, el, t, say, sayError, errorText, relabel, onLanguage } from '/app/app.js';

const { session } = await start('community');
const content = document.getElementById('content');
let everyone = false;

async function show() {
  if (!session.communities.length) {
    content.replaceChildren(el('p', { class: 'muted', 'data-t': 'noCommunities' }, t('noCommunities')));
    relabel();
    return;
  }
  const all = el('input', { type: 'checkbox', id: 'community-all' });
  all.checked = everyone;
  all.addEventListener('change', () => { everyone = all.checked; show().catch(sayError); });
  const sections = [];
  for (const venueId of session.communities) {
    sections.push(await community(venueId));
  }
  content.replaceChildren(el('p', {}, el('label', { class: 'check' }, all, el('span', { 'data-t': 'everyone' }, t('everyone')))),
    ...sections);
  relabel();
}

// One community's lines; a community that cannot be read (refused, or its list unavailable) says why
// in its own section, and the others are still shown.
async function community(venueId) {
  const path = '/community/' + encodeURIComponent(venueId) + '/residents';
  const heading = el('h2', {}, t(everyone ? 'communityEveryone' : 'communityResidents') + ' · ' + venueId.slice(0, 8));
  let list;
  try {
    list = await json(path + (everyone ? '?all=true' : ''));
  } catch (e) {
    sayError(e);
    return el('section', { class: 'community', 'data-venue': venueId }, heading,
      el('p', { class: 'message error community-error' }, errorText(e)));
  }
  const empty = everyone ? 'noResidents' : 'noOneToVisit';
  return el('section', { class: 'community', 'data-venue': venueId }, heading,
    el('p', {}, list.date + ' · ' + list.items.length + ' ' + t('people')),
    list.items.length ? el('table', { class: 'community-residents' }, el('thead', {}, el('tr', {}, ['name', 'colour', 'checkinToday', 'dependent']
      .map(k => el('th', { 'data-t': k }, t(k))))),
      el('tbody', {}, list.items.map(line => el('tr', { class: 'resident-line ' + (line.colour || '').toLowerCase()
          + (line.attention ? ' attention' : '') },
        el('td', {}, line.maskedName),
        el('td', {}, line.colour ? t(line.colour) : '—'),
        el('td', {}, t(line.checkin)),
        el('td', {}, line.dependent ? '✓' : '—')))))
      : el('p', { class: 'muted no-residents', 'data-t': empty }, t(empty)),
    el('button', { type: 'button', class: 'export-csv', 'data-t': 'exportCsv', onclick: async () => {
      try {
        const blob = await (await api(path + '.csv' + (everyone ? '?all=true' : ''))).blob();
        const link = el('a', { href: URL.createObjectURL(blob), download: 'community-' + venueId + '-residents.csv' });
        document.body.append(link);
        link.click();
        link.remove();
        say('');
      } catch (e) { sayError(e); }
    } }, t('exportCsv')));
}

onLanguage(() => show().catch(sayError));
show().catch(sayError);
