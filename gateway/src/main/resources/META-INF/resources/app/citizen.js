// The resident's page: register, declare, check in, my code (refreshed, with a moving time mark),
// why this colour, family members, venue check-in by the poster's QR, appeals, employers, and the
// residential community one names.
import { start, api, json, image, el, field, options, t, say, sayError, today, formatTime, onLanguage, relabel,
  regionPicker, qrReader, whileVisible, language } from '/app/app.js';

const SYMPTOMS = ['FEVER', 'FATIGUE', 'DRY_COUGH', 'STUFFY_NOSE', 'RUNNY_NOSE', 'SORE_THROAT', 'DIARRHOEA'];
const DOCUMENTS = ['RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT'];
const TABS = [['code', 'tabCode'], ['declare', 'tabDeclare'], ['checkin', 'tabCheckin'], ['venue', 'tabVenue'],
  ['dependents', 'tabDependents'], ['appeals', 'tabAppeals'], ['organisations', 'tabOrganisations'],
  ['community', 'tabCommunity']];
// a fresh code well before the 3 minutes a token lasts; a new colour shows within this
const REFRESH_SECONDS = 20;

const content = document.getElementById('content');
await start('citizen');

let dependents = [];

async function profile() {
  try {
    return await json('/me');
  } catch (e) {
    if (e.api?.error === 'NOT_REGISTERED') return null;
    throw e;
  }
}

function personForm(idPrefix, { relation = false } = {}) {
  const name = el('input', { id: idPrefix + '-name', autocomplete: 'name', required: true });
  const type = el('select', { id: idPrefix + '-document-type' }, options(DOCUMENTS));
  const number = el('input', { id: idPrefix + '-document-number', autocomplete: 'off', required: true });
  const phone = el('input', { id: idPrefix + '-phone', type: 'tel', autocomplete: relation ? 'off' : 'tel' });
  const region = regionPicker(idPrefix + '-region');
  const relationSelect = el('select', { id: idPrefix + '-relation' }, options(['PARENT', 'CHILD', 'SPOUSE', 'OTHER']));
  const box = el('div', {}, field('name', name), field('documentType', type), field('documentNumber', number),
    field('phone', phone), el('div', { class: 'field' }, el('span', { class: 'muted', 'data-t': 'region' }, t('region')), region),
    relation ? field('relation', relationSelect) : null);
  box.value = () => {
    const person = { name: name.value.trim(), documentType: type.value, documentNumber: number.value.trim(),
      phone: phone.value.trim() || null, regionCode: region.value() };
    if (relation) person.relation = relationSelect.value;
    return person;
  };
  return box;
}

function showRegistration() {
  const person = personForm('reg');
  const form = el('form', { id: 'registration', onsubmit: async event => {
    event.preventDefault();
    try {
      await json('/me/registration', { method: 'POST', body: person.value() });
      say('');
      await showHome();
    } catch (e) { sayError(e); }
  } }, el('h2', { 'data-t': 'register' }, t('register')), person,
    el('button', { type: 'submit', id: 'register-submit', 'data-t': 'register' }, t('register')));
  content.replaceChildren(el('section', {}, form));
}

// ---- my code ----

function codeCard(idPrefix) {
  const colourName = el('div', { class: 'colour-name', id: idPrefix + '-colour-name' });
  const img = el('img', { id: idPrefix + '-qr', alt: '' });
  const clock = el('div', { class: 'clock', id: idPrefix + '-clock', 'aria-live': 'off' });
  const who = el('div', { id: idPrefix + '-who' });
  const valid = el('div', { class: 'valid', id: idPrefix + '-valid' });
  const gold = el('div', { id: idPrefix + '-gold' });
  const card = el('div', { class: 'code-card', id: idPrefix + '-card', role: 'img' },
    el('div', { class: 'band' }), who, colourName, gold, el('div', { class: 'qr' }, img), clock, valid);
  const tick = () => {
    const now = new Date();
    clock.textContent = now.toLocaleTimeString('zh-CN', { hour12: false }) + '.' + String(Math.floor(now.getMilliseconds() / 100));
  };
  setInterval(tick, 100);
  tick();
  let last;
  card.show = (code, png, maskedName) => {
    last = { code, maskedName };
    card.dataset.colour = code.colour;
    card.dataset.gold = String(code.gold);
    colourName.textContent = t(code.colour);
    gold.replaceChildren(code.gold ? el('span', { class: 'gold-mark' }, t('gold')) : '');
    if (png) {
      const old = img.src;
      img.src = png;
      if (old) URL.revokeObjectURL(old);
    }
    img.alt = t(code.colour);
    who.textContent = maskedName || '';
    const due = code.validUntil && new Date(code.validUntil) < new Date();
    valid.textContent = due ? t('declarationDue') : t('validUntil') + ' ' + formatTime(code.validUntil);
    card.setAttribute('aria-label', t(code.colour) + (maskedName ? ' ' + maskedName : ''));
  };
  onLanguage(() => last && card.show(last.code, null, last.maskedName));
  return card;
}

function explanationBox(id) {
  const box = el('div', { id });
  box.show = explanation => box.replaceChildren(
    el('h3', { 'data-t': 'why' }, t('why')),
    el('p', { id: id + '-summary' }, explanation.summary),
    ...explanation.reasons.map(reason => el('div', { class: 'reason', dataset: { colour: reason.colour, code: reason.code } },
      el('strong', {}, reason.title), el('div', {}, reason.text),
      reason.until ? el('div', { class: 'muted' }, t('until') + ' ' + formatTime(reason.until)) : null,
      el('div', {}, el('span', { class: 'muted' }, t('whatToDo') + ': '), reason.action))));
  return box;
}

/** Prints a new paper code (an A6 PDF, downloaded); the one printed before stops being accepted. */
async function printPaperCode(base) {
  const response = await api(base + '/paper-code', { method: 'POST' });
  const url = URL.createObjectURL(await response.blob());
  const link = el('a', { href: url, download: 'paper-code-' + (response.headers.get('Paper-Code-Reference') || 'new') + '.pdf' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  say(t('paperCodePrinted'));
}

/** Shows a subject's code (base: '/me' or '/me/dependents/{id}'); the caller refreshes it. */
function codeView(base, idPrefix, maskedName) {
  const card = codeCard(idPrefix);
  const why = explanationBox(idPrefix + '-why');
  const refreshedAt = el('p', { class: 'muted', id: idPrefix + '-refreshed' });
  const noColour = el('p', { class: 'message', id: idPrefix + '-no-colour', 'data-t': 'noColourYet', hidden: true }, t('noColourYet'));
  const paper = el('p', { class: 'muted' },
    el('button', { type: 'button', class: 'secondary', id: idPrefix + '-paper-code', 'data-t': 'printPaperCode',
      onclick: () => printPaperCode(base).catch(sayError) }, t('printPaperCode')), ' ',
    el('span', { 'data-t': 'paperCodeHint' }, t('paperCodeHint')));
  const view = el('div', {}, noColour, card, refreshedAt, paper, why);
  card.hidden = true;
  let shown = '';
  let retry;
  view.refresh = async () => {
    clearTimeout(retry);
    try {
      const [code, png] = await Promise.all([json(base + '/code'), image(base + '/code.png')]);
      card.show(code, png, maskedName);
      card.hidden = false;
      noColour.hidden = true;
      refreshedAt.textContent = t('refreshed') + ' ' + formatTime(new Date());
      const key = code.colour + code.gold + code.validUntil + language + JSON.stringify(code.reasons);
      if (key !== shown) {
        why.show(await json(base + '/code/explanation'));
        shown = key;
      }
    } catch (e) {
      if (e.api?.error !== 'NO_COLOUR_YET') throw e;
      // a declaration is coloured within seconds: look again soon
      card.hidden = true;
      noColour.hidden = false;
      if (document.body.contains(view)) retry = setTimeout(() => view.refresh().catch(sayError), 3000);
    }
  };
  onLanguage(() => { shown = ''; if (document.body.contains(view)) view.refresh().catch(sayError); });
  return view;
}

// ---- declarations ----

function declarationForm(idPrefix, target) {
  const travelRows = el('div', { id: idPrefix + '-travel' });
  const addTravel = () => {
    const region = regionPicker(idPrefix + '-travel-' + travelRows.children.length);
    const from = el('input', { type: 'date', value: today(-1), max: today(), 'aria-label': t('from') });
    const to = el('input', { type: 'date', value: today(), max: today(), 'aria-label': t('to') });
    const row = el('div', { class: 'travel-row' }, region, el('div', { class: 'row' }, field('from', from), field('to', to),
      el('button', { type: 'button', class: 'secondary', onclick: () => row.remove(), 'data-t': 'remove' }, t('remove'))));
    row.value = () => ({ regionCode: region.value(), from: from.value, to: to.value });
    travelRows.append(row);
  };
  const contact = el('input', { type: 'checkbox', id: idPrefix + '-contact' });
  const symptoms = symptomBoxes(idPrefix);
  const temperature = el('input', { type: 'number', step: '0.1', min: '34', max: '43', value: '36.5', id: idPrefix + '-temperature', inputmode: 'decimal' });
  const doses = el('input', { type: 'number', min: '0', max: '10', value: '0', id: idPrefix + '-doses', inputmode: 'numeric' });
  const lastDose = el('input', { type: 'date', max: today(), id: idPrefix + '-last-dose' });
  const inbound = el('input', { type: 'checkbox', id: idPrefix + '-inbound' });
  const flight = el('input', { id: idPrefix + '-flight' });
  const fromCountry = el('input', { id: idPrefix + '-from-country' });
  const arrival = el('input', { type: 'date', max: today(), id: idPrefix + '-arrival' });
  const port = el('input', { id: idPrefix + '-port' });
  const inboundFields = el('div', { hidden: true }, field('flight', flight), field('fromCountry', fromCountry),
    field('arrivalDate', arrival), field('port', port));
  inbound.addEventListener('change', () => { inboundFields.hidden = !inbound.checked; });
  return el('form', { id: idPrefix, onsubmit: async event => {
    event.preventDefault();
    const declaration = {
      travel: [...travelRows.children].map(row => row.value()),
      contactWithCase: contact.checked,
      symptoms: symptoms.value(),
      temperature: Number(temperature.value),
      vaccination: Number(doses.value) > 0 ? { doses: Number(doses.value), lastDose: lastDose.value || null } : null,
      inbound: inbound.checked ? { flight: flight.value, fromCountry: fromCountry.value, arrivalDate: arrival.value, port: port.value } : null,
    };
    try {
      await json(target() + '/declarations', { method: 'POST', body: declaration });
      say(t('declared'));
      await showTab('code');
    } catch (e) { sayError(e); }
  } },
  el('h3', { 'data-t': 'travel' }, t('travel')), travelRows,
  el('button', { type: 'button', class: 'secondary', id: idPrefix + '-add-travel', onclick: addTravel, 'data-t': 'addTravel' }, t('addTravel')),
  el('p', {}, el('label', { class: 'check' }, contact, el('span', { 'data-t': 'contactWithCase' }, t('contactWithCase')))),
  el('h3', { 'data-t': 'symptoms' }, t('symptoms')), symptoms, field('temperature', temperature),
  el('h3', { 'data-t': 'vaccination' }, t('vaccination')), el('div', { class: 'row' }, field('doses', doses), field('lastDose', lastDose)),
  el('p', {}, el('label', { class: 'check' }, inbound, el('span', { 'data-t': 'inbound' }, t('inbound')))), inboundFields,
  el('button', { type: 'submit', id: idPrefix + '-submit', 'data-t': 'save' }, t('save')));
}

function symptomBoxes(idPrefix) {
  const boxes = SYMPTOMS.map(symptom => el('input', { type: 'checkbox', value: symptom, id: idPrefix + '-symptom-' + symptom }));
  const group = el('div', { role: 'group', 'aria-label': t('symptoms') },
    boxes.map(box => el('label', { class: 'check' }, box, el('span', { 'data-t': box.value }, t(box.value)))));
  group.value = () => boxes.filter(box => box.checked).map(box => box.value);
  return group;
}

function whoSelect(id) {
  return el('select', { id }, el('option', { value: '/me', 'data-t': 'me' }, t('me')),
    dependents.map(d => el('option', { value: '/me/dependents/' + d.id }, d.maskedName)));
}

// ---- tabs ----

let myCode;

async function showTab(name) {
  document.querySelectorAll('nav.tabs button').forEach(b => b.setAttribute('aria-selected', String(b.dataset.tab === name)));
  const panel = document.getElementById('panel');
  if (name === 'code') {
    panel.replaceChildren(myCode);
    await myCode.refresh().catch(sayError);
  } else if (name === 'declare') {
    const who = whoSelect('declare-for');
    panel.replaceChildren(el('section', {}, field('declareFor', who), declarationForm('declaration', () => who.value)));
  } else if (name === 'checkin') {
    const who = whoSelect('checkin-for');
    const symptoms = symptomBoxes('checkin');
    const temperature = el('input', { type: 'number', step: '0.1', min: '34', max: '43', value: '36.5', id: 'checkin-temperature', inputmode: 'decimal' });
    panel.replaceChildren(el('section', {}, el('form', { id: 'checkin', onsubmit: async event => {
      event.preventDefault();
      try {
        await json(who.value + '/checkins', { method: 'POST', body: { symptoms: symptoms.value(), temperature: Number(temperature.value) } });
        say(t('checkedIn'));
      } catch (e) { sayError(e); }
    } }, field('declareFor', who), el('h3', { 'data-t': 'symptoms' }, t('symptoms')), symptoms, field('temperature', temperature),
    el('button', { type: 'submit', id: 'checkin-submit', 'data-t': 'save' }, t('save')))));
  } else if (name === 'venue') {
    panel.replaceChildren(venuePanel());
  } else if (name === 'dependents') {
    panel.replaceChildren(await dependentsPanel());
  } else if (name === 'appeals') {
    panel.replaceChildren(await appealsPanel());
  } else if (name === 'organisations') {
    panel.replaceChildren(await organisationsPanel());
  } else if (name === 'community') {
    panel.replaceChildren(await communityPanel());
  }
  relabel();
}

function venuePanel() {
  const code = el('input', { id: 'venue-code', autocomplete: 'off' });
  const companions = dependents.map(d => el('input', { type: 'checkbox', value: d.id }));
  const result = el('div', { id: 'venue-result' });
  const checkIn = async venueCode => {
    try {
      const answer = await json('/me/venue-checkins', { method: 'POST',
        body: { venueCode, dependents: companions.filter(c => c.checked).map(c => c.value) } });
      result.replaceChildren(el('div', { class: 'code-card', dataset: { colour: answer.colour } },
        el('div', { class: 'colour-name' }, t(answer.colour)), el('div', {}, t('checkedInAt') + answer.venueName)));
    } catch (e) { sayError(e); }
  };
  const readerBox = el('div', { id: 'reader' });
  let reader;
  const file = el('input', { type: 'file', accept: 'image/*', id: 'venue-file', onchange: async () => {
    reader ||= qrReader('reader');
    try { await checkIn(await reader.file(file.files[0])); } catch (e) { say(String(e), 'error'); }
  } });
  return el('section', {}, el('h2', { 'data-t': 'scanPoster' }, t('scanPoster')), readerBox,
    el('div', { class: 'row' },
      el('button', { type: 'button', id: 'venue-camera', onclick: async () => {
        reader ||= qrReader('reader');
        try { await reader.camera(async text => { await reader.stop(); await checkIn(text); }); } catch (e) { say(String(e), 'error'); }
      }, 'data-t': 'scanPoster' }, t('scanPoster'))),
    field('scanImage', file),
    el('form', { onsubmit: event => { event.preventDefault(); checkIn(code.value.trim()); } }, field('venueCode', code),
      dependents.length ? el('div', { role: 'group', 'aria-label': t('companions') }, el('span', { class: 'muted', 'data-t': 'companions' }, t('companions')),
        dependents.map((d, i) => el('label', { class: 'check' }, companions[i], d.maskedName))) : null,
      el('button', { type: 'submit', id: 'venue-submit', 'data-t': 'checkInHere' }, t('checkInHere'))),
    result);
}

async function dependentsPanel() {
  dependents = (await json('/me/dependents')).items;
  const shown = el('div', { id: 'dependent-code' });
  const person = personForm('dependent', { relation: true });
  return el('section', {}, el('h2', { 'data-t': 'dependents' }, t('dependents')),
    el('ul', { id: 'dependents-list' }, dependents.map(d => el('li', {}, d.maskedName + ' · ', el('span', { 'data-t': d.relation }, t(d.relation)), ' ',
      el('button', { type: 'button', class: 'link', onclick: async () => {
        const view = codeView('/me/dependents/' + d.id, 'dependent-' + d.id, d.maskedName);
        shown.replaceChildren(view);
        await view.refresh().catch(sayError);
      }, 'data-t': 'showCode' }, t('showCode'))))),
    shown,
    el('form', { id: 'add-dependent', onsubmit: async event => {
      event.preventDefault();
      try {
        await json('/me/dependents', { method: 'POST', body: person.value() });
        await showTab('dependents');
      } catch (e) { sayError(e); }
    } }, el('h3', { 'data-t': 'addDependent' }, t('addDependent')), person,
    el('button', { type: 'submit', id: 'dependent-submit', 'data-t': 'addDependent' }, t('addDependent'))));
}

async function appealsPanel() {
  const appeals = (await json('/me/appeals')).items;
  const reason = el('textarea', { id: 'appeal-reason', maxlength: '1000', style: 'min-height:100px' });
  const who = el('select', { id: 'appeal-for' }, el('option', { value: '', 'data-t': 'me' }, t('me')),
    dependents.map(d => el('option', { value: d.subjectId }, d.maskedName)));
  return el('section', {},
    el('h2', { 'data-t': 'myAppeals' }, t('myAppeals')),
    appeals.length ? el('ul', { id: 'appeals-list' }, appeals.map(a => el('li', { dataset: { status: a.status } },
      el('strong', { 'data-t': a.status }, t(a.status)), ' · ', formatTime(a.createdAt), el('div', {}, a.reason),
      a.answer ? el('div', { class: 'muted' }, t('answer') + ': ' + (a.answer.note || '')) : null)))
      : el('p', { class: 'muted', 'data-t': 'none' }, t('none')),
    el('form', { id: 'appeal', onsubmit: async event => {
      event.preventDefault();
      try {
        const body = { reason: reason.value };
        if (who.value) body.subjectId = who.value;
        await json('/me/appeals', { method: 'POST', body });
        await showTab('appeals');
      } catch (e) { sayError(e); }
    } }, el('h3', { 'data-t': 'appeal' }, t('appeal')), field('appealFor', who), field('appealReason', reason),
    el('button', { type: 'submit', id: 'appeal-submit', 'data-t': 'appeal' }, t('appeal'))));
}

// The employers one joined (they see masked name, colour and today's declaration and check-in only).
async function organisationsPanel() {
  const joined = (await json('/me/organisations')).items;
  const code = el('input', { id: 'invitation-code', maxlength: '8', autocomplete: 'off', required: true });
  const consent = el('input', { type: 'checkbox', id: 'roster-consent' });
  return el('section', {}, el('h2', { 'data-t': 'organisations' }, t('organisations')),
    joined.length ? el('ul', { id: 'organisations-list' }, joined.map(o => el('li', {}, o.name + ' ',
      el('button', { type: 'button', class: 'link', 'data-t': 'leave', onclick: async () => {
        try {
          await json('/me/organisations/' + o.organisationId, { method: 'DELETE' });
          await showTab('organisations');
        } catch (e) { sayError(e); }
      } }, t('leave')))))
      : el('p', { class: 'muted', 'data-t': 'none' }, t('none')),
    el('form', { id: 'join-organisation', onsubmit: async event => {
      event.preventDefault();
      try {
        await json('/me/organisations', { method: 'POST', body: { invitationCode: code.value.trim(), consent: consent.checked } });
        await showTab('organisations');
      } catch (e) { sayError(e); }
    } }, el('h3', { 'data-t': 'joinOrganisation' }, t('joinOrganisation')), field('invitationCode', code),
    el('label', {}, consent, ' ', el('span', { 'data-t': 'consentToRoster' }, t('consentToRoster'))),
    el('button', { type: 'submit', id: 'join-submit', 'data-t': 'joinOrganisation' }, t('joinOrganisation'))));
}

// The residential community one names (its workers see masked name, colour and today's check-in).
async function communityPanel() {
  const named = (await json('/me/community')).community;
  const venue = el('input', { id: 'community-venue', autocomplete: 'off', required: true });
  return el('section', {}, el('h2', { 'data-t': 'myCommunity' }, t('myCommunity')),
    named ? el('p', { id: 'community-named' }, named.name + ' ',
      el('button', { type: 'button', class: 'link', id: 'community-leave', 'data-t': 'leaveCommunity', onclick: async () => {
        try {
          await json('/me/community', { method: 'DELETE' });
          say('');
          await showTab('community');
        } catch (e) { sayError(e); }
      } }, t('leaveCommunity')))
      : el('p', { class: 'muted', 'data-t': 'none' }, t('none')),
    el('form', { id: 'name-community', onsubmit: async event => {
      event.preventDefault();
      try {
        await json('/me/community', { method: 'PUT', body: { venueId: venueIdOf(venue.value) } });
        // a refusal shown before (another kind of venue, say) is over
        say('');
        await showTab('community');
      } catch (e) { sayError(e); }
    } }, el('h3', { 'data-t': 'nameCommunity' }, t('nameCommunity')), field('communityVenue', venue),
    el('p', { class: 'muted', 'data-t': 'communityConsent' }, t('communityConsent')),
    el('button', { type: 'submit', id: 'community-submit', 'data-t': 'save' }, t('save'))));
}

// A poster's code (HCV1.<venue id>.<signature>) or the venue id itself.
function venueIdOf(text) {
  const value = text.trim();
  const poster = /^HCV1\.([0-9a-fA-F-]{36})\./.exec(value);
  return poster ? poster[1] : value;
}

async function showHome() {
  const me = await profile();
  if (!me) {
    showRegistration();
    return;
  }
  dependents = (await json('/me/dependents')).items;
  myCode = codeView('/me', 'my', me.maskedName);
  content.replaceChildren(
    el('nav', { class: 'tabs', role: 'tablist' }, TABS.map(([name, key]) => el('button', { type: 'button', role: 'tab',
      id: 'tab-' + name, dataset: { tab: name, t: key }, onclick: () => showTab(name) }, t(key)))),
    el('div', { id: 'panel' }));
  // the code on show is refreshed while the page is visible, well before it expires
  whileVisible(REFRESH_SECONDS, () => document.body.contains(myCode) ? myCode.refresh().catch(sayError) : undefined);
  await showTab('code');
}

try {
  await showHome();
} catch (e) {
  sayError(e);
}
