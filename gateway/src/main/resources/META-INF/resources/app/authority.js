// The health authority's desk: cases, region risk, four-eyes overrides, the appeals queue and
// rule sets with their dry run before publication.
import { start, json, el, field, options, t, say, sayError, relabel, regionPicker, regionName, formatTime, today } from '/app/app.js';

const DOCUMENTS = ['RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT'];
const COLOURS = ['GREEN', 'YELLOW', 'RED'];

const { subject } = await start('authority');
const content = document.getElementById('content');

/** A date (yyyy-mm-dd) as the end of that local day, as an instant. */
function endOfDay(date) {
  return new Date(date + 'T23:59:00').toISOString();
}

function casesSection() {
  const docType = el('select', { id: 'case-document-type' }, options(DOCUMENTS));
  const docNumber = el('input', { id: 'case-document-number', autocomplete: 'off' });
  const subjectId = el('input', { id: 'case-subject-id', autocomplete: 'off' });
  const status = el('select', { id: 'case-status' }, options(['CONFIRMED', 'SUSPECTED', 'CLEARED']));
  const onset = el('input', { type: 'date', id: 'case-onset' });
  const result = el('div', { id: 'case-result' });
  return el('section', {}, el('h2', { 'data-t': 'cases' }, t('cases')),
    el('form', { id: 'case', onsubmit: async event => {
      event.preventDefault();
      const body = subjectId.value.trim() ? { subjectId: subjectId.value.trim() }
        : { documentType: docType.value, documentNumber: docNumber.value.trim() };
      body.status = status.value;
      if (onset.value) body.onsetDate = onset.value;
      try {
        const recorded = await json('/cases', { method: 'POST', body });
        docNumber.value = '';
        result.replaceChildren(el('p', { class: 'message', id: 'case-recorded', dataset: { caseId: recorded.id } },
          t('caseRecorded') + ' ' + recorded.id + ' · ' + t(recorded.status) + ' · ' + (recorded.contactsFound ?? 0) + ' ' + t('contactsFound') + ' ',
          el('a', { href: '/app/epidemiologist.html?case=' + encodeURIComponent(recorded.id), 'data-t': 'openCase' }, t('openCase'))));
      } catch (e) { sayError(e); }
    } }, el('p', { class: 'muted', 'data-t': 'caseSubject' }, t('caseSubject')),
    el('div', { class: 'row' }, field('documentType', docType), field('documentNumber', docNumber)), field('subjectId', subjectId),
    el('div', { class: 'row' }, field('status', status), field('onsetDate', onset)),
    el('button', { type: 'submit', id: 'case-submit', 'data-t': 'save' }, t('save'))), result);
}

function regionSection() {
  const region = regionPicker('risk-region');
  const level = el('select', { id: 'risk-level' }, options(['HIGH', 'MEDIUM', 'LOW']));
  const list = el('ul', { id: 'risk-list' });
  const load = async () => {
    const risks = await json('/regions/risk');
    const items = Array.isArray(risks) ? risks : risks.items || [];
    const names = await Promise.all(items.map(r => regionName(r.regionCode)));
    list.replaceChildren(...items.map((r, i) => el('li', { dataset: { region: r.regionCode, level: r.level } },
      names[i] + ' (' + r.regionCode + ') · ', el('span', { 'data-t': r.level }, t(r.level)), ' · ' + formatTime(r.updatedAt))));
  };
  load().catch(sayError);
  return el('section', {}, el('h2', { 'data-t': 'regionRisk' }, t('regionRisk')),
    el('form', { id: 'region-risk', onsubmit: async event => {
      event.preventDefault();
      try {
        await json('/regions/' + region.value() + '/risk', { method: 'PUT', body: { level: level.value } });
        await load();
      } catch (e) { sayError(e); }
    } }, region, field('level', level), el('button', { type: 'submit', id: 'risk-submit', 'data-t': 'setRisk' }, t('setRisk'))), list);
}

function overridesSection() {
  const subjectId = el('input', { id: 'override-subject', autocomplete: 'off' });
  const colour = el('select', { id: 'override-colour' }, options(COLOURS));
  const until = el('input', { type: 'date', id: 'override-until' });
  const justification = el('textarea', { id: 'override-justification', maxlength: '500', style: 'min-height:80px' });
  const list = el('div', { id: 'overrides-list' });
  const load = async () => {
    const proposals = (await json('/overrides?status=PROPOSED')).items;
    list.replaceChildren(proposals.length ? el('table', {}, el('thead', {}, el('tr', {}, ['subjectId', 'colour', 'until', 'justification', 'proposedBy', 'status', '']
      .map(k => el('th', { 'data-t': k }, k ? t(k) : '')))),
    el('tbody', {}, proposals.map(o => {
      const note = el('input', { 'aria-label': t('note'), class: 'override-note' });
      const decide = how => async () => {
        try {
          await json('/overrides/' + o.id + '/' + how, { method: 'POST', body: note.value ? { note: note.value } : {} });
          say(t(how === 'approve' ? 'APPROVED' : 'REJECTED') + ': ' + o.subjectId);
          await load();
        } catch (e) { sayError(e); }
      };
      const mine = o.proposedBy === subject;
      return el('tr', { class: 'override', dataset: { id: o.id, subject: o.subjectId } },
        el('td', {}, o.subjectId), el('td', { 'data-t': o.colour }, t(o.colour)), el('td', {}, formatTime(o.until)),
        el('td', {}, o.justification), el('td', { class: 'proposed-by' }, o.proposedBy + ' · ' + formatTime(o.proposedAt)),
        el('td', { 'data-t': o.status }, t(o.status)),
        el('td', {}, note, el('button', { type: 'button', class: 'approve', disabled: mine, onclick: decide('approve'), 'data-t': 'approve' }, t('approve')), ' ',
          el('button', { type: 'button', class: 'secondary reject', disabled: mine, onclick: decide('reject'), 'data-t': 'reject' }, t('reject'))));
    }))) : el('p', { class: 'muted', 'data-t': 'none' }, t('none')));
  };
  load().catch(sayError);
  return el('section', { id: 'overrides' }, el('h2', { 'data-t': 'overrides' }, t('overrides')), list,
    el('form', { id: 'propose-override', onsubmit: async event => {
      event.preventDefault();
      try {
        await json('/overrides', { method: 'POST', body: { subjectId: subjectId.value.trim(), colour: colour.value,
          justification: justification.value, until: endOfDay(until.value) } });
        await load();
      } catch (e) { sayError(e); }
    } }, el('h3', { 'data-t': 'propose' }, t('propose')), field('subjectId', subjectId), el('div', { class: 'row' }, field('colour', colour), field('until', until)),
    field('justification', justification), el('button', { type: 'submit', id: 'override-submit', 'data-t': 'propose' }, t('propose'))));
}

function appealsSection(reloadOverrides) {
  const list = el('div', { id: 'appeals-queue' });
  const load = async () => {
    const appeals = (await json('/appeals?status=OPEN')).items;
    list.replaceChildren(...(appeals.length ? appeals.map(a => {
      const decision = el('select', { class: 'appeal-decision', 'aria-label': t('decision') }, options(['UPHELD', 'REJECTED']));
      const note = el('input', { class: 'appeal-note', 'aria-label': t('note') });
      const propose = el('input', { type: 'checkbox', class: 'appeal-propose' });
      const colour = el('select', { class: 'appeal-colour', 'aria-label': t('colour') }, options(COLOURS));
      const until = el('input', { type: 'date', class: 'appeal-until', 'aria-label': t('until') });
      return el('form', { class: 'appeal', dataset: { id: a.id, subject: a.subjectId }, onsubmit: async event => {
        event.preventDefault();
        const body = { decision: decision.value, note: note.value };
        if (propose.checked && decision.value === 'UPHELD') body.override = { colour: colour.value, until: endOfDay(until.value) };
        try {
          await json('/appeals/' + a.id + '/answer', { method: 'POST', body });
          await load();
          await reloadOverrides();
        } catch (e) { sayError(e); }
      } }, el('p', {}, el('strong', {}, a.maskedName), ' · ', formatTime(a.createdAt), el('br'), a.reason),
      el('div', { class: 'row' }, field('decision', decision), field('note', note)),
      el('div', { class: 'row' }, el('label', { class: 'check' }, propose, el('span', { 'data-t': 'proposeOverride' }, t('proposeOverride'))), colour, until),
      el('button', { type: 'submit', class: 'appeal-submit', 'data-t': 'answerAppeal' }, t('answerAppeal')), el('hr'));
    }) : [el('p', { class: 'muted', 'data-t': 'none' }, t('none'))]));
  };
  load().catch(sayError);
  return el('section', {}, el('h2', { 'data-t': 'appeals' }, t('appeals')), list);
}

// organisations of the province waiting for approval: approving gives one its invitation code
function organisationsSection() {
  const list = el('div', { id: 'organisations-queue' });
  const load = async () => {
    const pending = (await json('/organisations?status=PENDING')).items;
    list.replaceChildren(...(pending.length ? pending.map(o => el('p', { class: 'organisation', dataset: { id: o.id } },
      el('strong', {}, o.name), ' · ' + o.uscc + ' · ' + formatTime(o.registeredAt) + ' ',
      el('button', { type: 'button', class: 'organisation-approve', 'data-t': 'approve', onclick: async () => {
        try {
          await json('/organisations/' + o.id + '/approve', { method: 'POST' });
          await load();
        } catch (e) { sayError(e); }
      } }, t('approve')))) : [el('p', { class: 'muted', 'data-t': 'none' }, t('none'))]));
    relabel();
  };
  load().catch(sayError);
  return el('section', {}, el('h2', { 'data-t': 'organisationsPending' }, t('organisationsPending')), list);
}

function ruleSetsSection() {
  const list = el('div', { id: 'rule-sets' });
  const definition = el('textarea', { id: 'rule-definition', spellcheck: 'false' });
  // a version takes effect no sooner than the lead time (24 h): the day after tomorrow at midnight, unless changed
  const effective = el('input', { type: 'datetime-local', id: 'rule-effective', value: today(2) + 'T00:00' });
  const dryRun = el('div', { id: 'dry-run' });
  const load = async () => {
    const sets = await json('/rule-sets');
    list.replaceChildren(el('table', {}, el('thead', {}, el('tr', {}, ['version', 'status', 'effectiveFrom'].map(k => el('th', { 'data-t': k }, t(k))))),
      el('tbody', {}, sets.map(s => el('tr', { class: 'rule-set', dataset: { version: s.version, status: s.status, province: s.province } }, el('td', {}, s.province + ' v' + s.version), el('td', { 'data-t': s.status }, t(s.status)), el('td', {}, formatTime(s.effectiveFrom)))))));
    const active = sets.find(s => s.status === 'ACTIVE');
    if (active && !definition.value) definition.value = JSON.stringify(active.definition, null, 2);
  };
  load().catch(sayError);
  const parsed = () => JSON.parse(definition.value);
  return el('section', {}, el('h2', { 'data-t': 'ruleSets' }, t('ruleSets')), list, field('definition', definition),
    el('div', { class: 'row' },
      el('button', { type: 'button', id: 'rule-dry-run', 'data-t': 'dryRun', onclick: async () => {
        try {
          const answer = await json('/rule-sets/dry-run', { method: 'POST', body: { definition: parsed() } });
          dryRun.replaceChildren(el('p', { id: 'dry-run-summary', dataset: { subjects: answer.subjects, unchanged: answer.unchanged } },
            t('subjects') + ': ' + answer.subjects + ' · ' + t('unchanged') + ': ' + answer.unchanged),
          el('table', {}, el('thead', {}, el('tr', {}, ['change', 'count'].map(k => el('th', { 'data-t': k }, t(k))))),
            el('tbody', {}, answer.changes.map(c => el('tr', { class: 'dry-run-change', dataset: { from: c.from, to: c.to, count: c.count } },
              el('td', {}, t(c.from) + ' → ' + t(c.to)), el('td', {}, c.count))))));
          relabel();
        } catch (e) { sayError(e); }
      } }, t('dryRun'))),
    dryRun, field('effectiveFrom', effective),
    el('button', { type: 'button', id: 'rule-publish', 'data-t': 'publish', onclick: async () => {
      try {
        const published = await json('/rule-sets', { method: 'POST', body: { definition: parsed(), effectiveFrom: new Date(effective.value).toISOString() } });
        say(t('publish') + ': v' + published.version);
        await load();
      } catch (e) { sayError(e); }
    } }, t('publish')));
}

// the overrides are read again after an appeal proposes one
const overrides = el('div', {}, overridesSection());
content.replaceChildren(el('div', { class: 'columns' },
  el('div', {}, casesSection(), appealsSection(async () => { overrides.replaceChildren(overridesSection()); relabel(); }), regionSection(),
    organisationsSection()),
  el('div', {}, overrides, ruleSetsSection())));
relabel();
