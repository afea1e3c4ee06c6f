// The checkpoint's page, on a phone at a gate: choose or register the venue (and print its poster),
// scan codes with the camera or from a picture, look a person up by ID document; each answer fills
// the screen: ALLOW or DENY in the code's colour with the masked name.
import { start, json, image, el, field, options, t, say, sayError, relabel, regionPicker, qrReader, today } from '/app/app.js';

const VENUE_TYPES = ['RESIDENTIAL_COMMUNITY', 'COMPANY', 'MALL', 'MARKET', 'HOSPITAL', 'PARK', 'SCHOOL', 'BUS', 'TRAIN', 'FLIGHT'];
const TRANSPORT = ['BUS', 'TRAIN', 'FLIGHT'];
const DOCUMENTS = ['RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT'];

await start('checkpoint');
const content = document.getElementById('content');

// the venue this phone scans at: an id, no personal data
let venue = JSON.parse(localStorage.getItem('hc.venue') || 'null');
let reader;

function useVenue(chosen) {
  venue = { id: chosen.id, name: chosen.name };
  localStorage.setItem('hc.venue', JSON.stringify(venue));
  document.getElementById('current-venue').textContent = venue.name + ' (' + venue.id + ')';
}

function verdict(answer) {
  const colour = answer.colour || 'NONE';
  const screen = el('div', { class: 'verdict', id: 'verdict', role: 'alertdialog', 'aria-live': 'assertive',
    dataset: { decision: answer.decision, colour }, tabindex: '0', onclick: () => screen.remove() },
  el('div', { class: 'decision', id: 'verdict-decision' }, t(answer.decision)),
  el('div', { class: 'who', id: 'verdict-name' }, answer.maskedName || ''),
  answer.mode === 'PAPER_CODE' ? el('div', { class: 'why', id: 'verdict-kind', 'data-t': 'paperCodeScanned' }, t('paperCodeScanned')) : null,
  el('div', { class: 'why' }, answer.reason === 'NOT_REQUIRED' ? t('NOT_REQUIRED') : '',
    answer.colour ? t(answer.colour) : '', answer.reason && answer.decision === 'DENY' ? ' · ' + answer.reason : ''),
  el('div', { class: 'muted', id: 'verdict-source', style: 'color:inherit' },
    answer.colourSource ? t('colourSource' + answer.colourSource) : ''),
  el('p', { class: 'muted', style: 'color:inherit' }, t('tapToContinue')));
  document.getElementById('verdict')?.remove();
  document.body.append(screen);
  screen.focus();
}

async function scanned(token) {
  if (!venue) { say(t('noVenue'), 'error'); return; }
  try {
    verdict(await json('/scans', { method: 'POST', body: { token: token.trim(), venueId: venue.id, scanId: crypto.randomUUID() } }));
  } catch (e) { sayError(e); }
}

function scannerSection() {
  const file = el('input', { type: 'file', accept: 'image/*', capture: 'environment', id: 'scan-file', onchange: async () => {
    reader ||= qrReader('reader');
    try {
      const text = await reader.file(file.files[0]);
      file.value = '';
      await scanned(text);
    } catch (e) { say(String(e), 'error'); }
  } });
  const cameraButton = el('button', { type: 'button', id: 'scan-camera', 'data-t': 'startCamera', onclick: async () => {
    reader ||= qrReader('reader');
    try {
      await reader.camera(async text => {
        // one verdict at a time: the next code is read once this one is dismissed
        await reader.stop();
        await scanned(text);
        const resume = new MutationObserver(() => {
          if (!document.getElementById('verdict')) { resume.disconnect(); cameraButton.click(); }
        });
        resume.observe(document.body, { childList: true });
      });
    } catch (e) { say(String(e), 'error'); }
  } }, t('startCamera'));
  const docType = el('select', { id: 'id-document-type' }, options(DOCUMENTS));
  const docNumber = el('input', { id: 'id-document-number', autocomplete: 'off' });
  return el('section', {}, el('h2', { 'data-t': 'scanner' }, t('scanner')),
    el('p', {}, el('span', { class: 'muted', 'data-t': 'venue' }, t('venue')), ': ', el('strong', { id: 'current-venue' }, venue ? venue.name + ' (' + venue.id + ')' : '—')),
    el('div', { id: 'reader' }), el('div', { class: 'row' }, cameraButton), field('scanImage', file),
    el('form', { id: 'id-card', onsubmit: async event => {
      event.preventDefault();
      if (!venue) { say(t('noVenue'), 'error'); return; }
      try {
        verdict(await json('/scans/id-card', { method: 'POST', body: { documentType: docType.value,
          documentNumber: docNumber.value.trim(), venueId: venue.id, scanId: crypto.randomUUID() } }));
        docNumber.value = '';
      } catch (e) { sayError(e); }
    } }, el('h3', { 'data-t': 'idCardLookup' }, t('idCardLookup')), el('div', { class: 'row' }, field('documentType', docType), field('documentNumber', docNumber)),
    el('button', { type: 'submit', id: 'id-card-submit', 'data-t': 'lookUp' }, t('lookUp'))));
}

function venueSection() {
  const name = el('input', { id: 'venue-name' });
  const type = el('select', { id: 'venue-type' }, options(VENUE_TYPES));
  const region = regionPicker('venue-region');
  const address = el('input', { id: 'venue-address' });
  const vehicle = el('input', { id: 'venue-vehicle' });
  const tripDate = el('input', { type: 'date', id: 'venue-trip-date', value: today() });
  const carriage = el('input', { id: 'venue-carriage' });
  const transport = el('div', { hidden: true }, field('vehicle', vehicle), field('tripDate', tripDate), field('carriage', carriage));
  type.addEventListener('change', () => { transport.hidden = !TRANSPORT.includes(type.value); });
  const existing = el('input', { id: 'venue-id', autocomplete: 'off' });
  const poster = el('section', { class: 'poster', id: 'poster', hidden: true });
  const showPoster = async v => {
    poster.hidden = false;
    poster.replaceChildren(el('h2', {}, v.name), el('img', { id: 'poster-image', alt: t('venueCode') + ' ' + v.name, src: await image('/venues/' + v.id + '/poster.png') }),
      el('p', {}, el('span', { class: 'muted', 'data-t': 'venueCode' }, t('venueCode')), ': ', el('code', { id: 'poster-code' }, v.posterCode || '')),
      el('p', { class: 'muted' }, v.address || ''), el('button', { type: 'button', id: 'print-poster', onclick: () => print(), 'data-t': 'printPoster' }, t('printPoster')));
  };
  return el('div', {},
    el('section', {}, el('h2', { 'data-t': 'venue' }, t('venue')),
      el('form', { id: 'choose-venue', onsubmit: async event => {
        event.preventDefault();
        try {
          const found = await json('/venues/' + encodeURIComponent(existing.value.trim()));
          useVenue(found);
          await showPoster(found);
        } catch (e) { sayError(e); }
      } }, field('venueId', existing), el('button', { type: 'submit', id: 'venue-use', 'data-t': 'useVenue' }, t('useVenue'))),
      el('form', { id: 'register-venue', onsubmit: async event => {
        event.preventDefault();
        const body = { name: name.value.trim(), type: type.value, regionCode: region.value(), address: address.value.trim() };
        if (TRANSPORT.includes(type.value)) Object.assign(body, { vehicle: vehicle.value.trim(), tripDate: tripDate.value, carriage: carriage.value.trim() });
        try {
          const created = await json('/venues', { method: 'POST', body });
          useVenue(created);
          await showPoster(created);
          say(t('venue') + ': ' + created.name);
        } catch (e) { sayError(e); }
      } }, el('h3', { 'data-t': 'registerVenue' }, t('registerVenue')), field('venueName', name), field('venueType', type),
      el('div', { class: 'field' }, el('span', { class: 'muted', 'data-t': 'region' }, t('region')), region), field('address', address), transport,
      el('button', { type: 'submit', id: 'venue-submit', 'data-t': 'registerVenue' }, t('registerVenue')))),
    poster);
}

content.replaceChildren(scannerSection(), venueSection());
relabel();
