// An organisation's desk (role organisation): register it by its unified social credit code, see
// whether the authority approved it and its invitation code, and today's roster of the people who
// joined: masked name, colour, gold, today's declaration and check-in. Never reasons or places.
import { start, json, el, field, t, say, sayError, relabel, onLanguage } from '/app/app.js';

await start('organisation');
const content = document.getElementById('content');

async function show() {
  let organisation;
  try {
    organisation = await json('/organisations/mine');
  } catch (error) {
    if (error.status !== 404) throw error;
    return showRegistration();
  }
  const head = el('section', {}, el('h2', {}, organisation.name),
    el('p', { id: 'organisation-status' }, t('status') + ': ' + t(organisation.status)),
    organisation.invitationCode
      ? el('p', {}, t('invitationCode') + ': ', el('strong', { id: 'invitation-code' }, organisation.invitationCode))
      : el('p', { 'data-t': 'waitingForApproval' }, t('waitingForApproval')));
  if (organisation.status !== 'APPROVED') {
    content.replaceChildren(head);
    relabel();
    return;
  }
  const roster = await json('/organisations/mine/roster');
  const yes = done => el('td', {}, done ? '✓' : '—');
  content.replaceChildren(head, el('section', {}, el('h2', { 'data-t': 'roster' }, t('roster')),
    el('p', {}, roster.date + ' · ' + roster.items.length + ' ' + t('people')),
    el('table', { id: 'roster' }, el('thead', {}, el('tr', {}, ['name', 'colour', 'declaredToday', 'checkedInToday']
      .map(k => el('th', { 'data-t': k }, t(k))))),
      el('tbody', {}, roster.items.map(line => el('tr', { class: 'roster-line ' + (line.colour || '').toLowerCase() },
        el('td', {}, line.maskedName),
        el('td', {}, line.colour ? t(line.colour) + (line.gold ? ' ★' : '') : t('noColourYet')),
        yes(line.declaredToday), yes(line.checkedInToday)))))));
  relabel();
}

function showRegistration() {
  const uscc = el('input', { id: 'org-uscc', maxlength: 18, autocomplete: 'off', required: true });
  const name = el('input', { id: 'org-name', maxlength: 100, required: true });
  content.replaceChildren(el('section', {}, el('h2', { 'data-t': 'registerOrganisation' }, t('registerOrganisation')),
    el('form', { id: 'org-register', onsubmit: event => {
      event.preventDefault();
      json('/organisations', { method: 'POST', body: { uscc: uscc.value.trim(), name: name.value.trim() } })
        .then(() => { say(t('waitingForApproval')); return show(); }).catch(sayError);
    } }, field('uscc', uscc), field('organisationName', name),
      el('button', { type: 'submit', 'data-t': 'save' }, t('save')))));
  relabel();
}

onLanguage(() => show().catch(sayError));
show().catch(sayError);
