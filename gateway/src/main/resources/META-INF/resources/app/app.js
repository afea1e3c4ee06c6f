// Shared by every page under /app/: sign-in (OpenID Connect code flow with PKCE, through keycloak-js;
// the token stays in this page's memory, never in a URL or in storage), calls to /api/v1, the two
// languages, the region picker, the QR reader and the messages a page shows.

const TEXT = {
  zh: {
    appTitle: '健康码', signOut: '退出', language: 'English', loading: '加载中…', save: '提交', cancel: '取消',
    figuresTitle: '疫情数据', figuresRegion: '地区代码（GB/T 2260，如 330106 区县、330100 城市）', figuresShow: '查询', figuresToday: '今日',
    figuresWeek: '近 7 日', figuresConfirmed: '新增确诊', figuresSuspected: '新增疑似', figuresCodes: '健康码（当前）', figuresClinics: '发热门诊',
    figuresFewer: '少于 {n}', figuresLevel: '风险等级：{level}', figuresWithin: '（区域内最高：{level}）', figuresAsOf: '数据时间：{time}（每分钟更新）',
    figuresNoClinic: '该地区暂无发热门诊信息', figuresHours: '开放时间', figuresPhone: '电话', figuresFailed: '暂时无法获取数据，请稍后再试',
    roleCitizen: '居民', roleCheckpoint: '检查点', roleAuthority: '卫生主管部门', roleEpidemiologist: '流调人员', roleAdmin: '管理员',
    pagesForYou: '您可以使用的页面', signInFailed: '登录失败，请稍后再试。',
    signInUnavailable: '登录服务暂时无法访问，请几分钟后刷新重试。已登录的页面不受影响。', retry: '重试', noRole: '此账号没有可用的角色。',
    GREEN: '绿码', YELLOW: '黄码', RED: '红码', gold: '已完成疫苗接种', ALLOW: '通行', DENY: '禁止通行', NOT_REQUIRED: '此类场所已无需查验健康码',
    colourSourceISSUER: '发码省份的当前颜色', colourSourceTOKEN: '码上颜色（未能联系发码省份）',
    tabCode: '我的码', tabDeclare: '申报', tabCheckin: '每日打卡', tabVenue: '场所扫码', tabDependents: '家人', tabAppeals: '申诉',
    register: '注册', name: '姓名', documentType: '证件类型', documentNumber: '证件号码', phone: '手机号', region: '所在地区',
    RESIDENT_ID: '居民身份证', PASSPORT: '护照', HK_MACAO_PERMIT: '港澳居民来往内地通行证', TAIWAN_PERMIT: '台湾居民来往大陆通行证',
    province: '省', city: '市', county: '区县', choose: '请选择',
    validUntil: '有效至', expiresIn: '秒后刷新', declarationDue: '请重新申报后再出示此码', noColourYet: '请先完成健康申报，随后生成健康码。',
    why: '为什么是这个颜色', until: '至', since: '自', whatToDo: '该怎么做', refreshed: '更新于',
    travel: '14天内到过的地区', addTravel: '添加地区', remove: '删除', from: '从', to: '到',
    contactWithCase: '接触过确诊或疑似病例', symptoms: '症状', temperature: '体温 (°C)',
    FEVER: '发热', FATIGUE: '乏力', DRY_COUGH: '干咳', STUFFY_NOSE: '鼻塞', RUNNY_NOSE: '流涕', SORE_THROAT: '咽痛', DIARRHOEA: '腹泻',
    vaccination: '疫苗接种', doses: '剂次', lastDose: '最近一剂日期', inbound: '从境外入境',
    flight: '航班号', fromCountry: '出发国家或地区', arrivalDate: '入境日期', port: '入境口岸',
    declared: '已提交申报', checkedIn: '已打卡', declareFor: '申报对象', me: '本人',
    venueCode: '场所码', scanPoster: '扫描场所码', scanImage: '从图片识别', stopCamera: '关闭摄像头', checkInHere: '登记',
    companions: '同行家人', checkedInAt: '已登记：',
    dependents: '家人', addDependent: '添加家人', relation: '关系', PARENT: '父母', CHILD: '子女', SPOUSE: '配偶', OTHER: '其他',
    printPaperCode: '打印纸质码', paperCodeHint: '给没有手机的人：纸质码有效期数月，不显示颜色，扫码时由核验点查询当前颜色；重新打印后旧的作废。', paperCodePrinted: '纸质码已生成，旧的纸质码已作废', paperCodeScanned: '纸质码',
    showCode: '查看健康码', appeal: '提出申诉', appealReason: '申诉理由', appealFor: '申诉对象', myAppeals: '我的申诉',
    OPEN: '待处理', UPHELD: '已支持', REJECTED: '未支持', answer: '答复', none: '暂无',
    venue: '场所', venueId: '场所编号', registerVenue: '登记场所', venueName: '场所名称', venueType: '场所类型', address: '地址',
    vehicle: '车次/航班', tripDate: '出行日期', carriage: '车厢/舱位', printPoster: '打印场所码', useVenue: '在此场所扫码',
    RESIDENTIAL_COMMUNITY: '居民小区', COMPANY: '单位', MALL: '商场', MARKET: '市场', HOSPITAL: '医院', PARK: '公园', SCHOOL: '学校', BUS: '公交', TRAIN: '列车', FLIGHT: '航班',
    scanner: '扫码核验', startCamera: '打开摄像头扫码', idCardLookup: '证件核验', lookUp: '查询', tapToContinue: '点击继续', noVenue: '请先选择场所。',
    cases: '病例', caseSubject: '按证件或编号', subjectId: '人员编号', status: '状态', onsetDate: '发病日期',
    CONFIRMED: '确诊', SUSPECTED: '疑似', CLEARED: '排除/治愈', caseRecorded: '已记录病例', contactsFound: '找到密接', openCase: '查看流调',
    regionRisk: '地区风险等级', level: '等级', HIGH: '高风险', MEDIUM: '中风险', LOW: '低风险', setRisk: '设置',
    overrides: '人工改码（双人复核）', propose: '提出', colour: '颜色', justification: '理由', note: '备注',
    approve: '批准', reject: '驳回', proposedBy: '提出人', PROPOSED: '待复核', APPROVED: '已批准', EXPIRED: '已过期',
    appeals: '申诉队列', decision: '决定', proposeOverride: '同时提出改码', answerAppeal: '答复',
    ruleSets: '规则版本', version: '版本', effectiveFrom: '生效时间', definition: '规则定义 (JSON)', dryRun: '试运行', publish: '发布',
    subjects: '人数', unchanged: '不变', change: '变化', count: '人数', ACTIVE: '生效中', SCHEDULED: '待生效', SUPERSEDED: '已替代',
    audit: '审计记录', actor: '操作人', action: '操作', outcome: '结果', at: '时间', search: '查询', service: '服务', object: '对象',
    caseId: '病例编号', open: '打开', contacts: '密切接触者', degree: '代际', exposure: '暴露方式', overlap: '重叠时段',
    homeProvince: '居住地', thisProvince: '本省',
    exportCsv: '导出 CSV', previous: '上一页', next: '下一页', page: '页', pageOf: '第 {page} / {pages} 页，共 {total} 人', chain: '传播链', edges: '连线',
    CASE: '病例', CONTACT: '接触者', CLOSE: '密切接触', TRANSPORT: '同乘', SPATIOTEMPORAL: '时空伴随', lastUpdate: '最近更新',
    organisationsPending: '待审核的复工单位', tabOrganisations: '单位', roleOrganisation: '复工单位', registerOrganisation: '登记单位', uscc: '统一社会信用代码', organisationName: '单位名称',
    PENDING: '待审核', invitationCode: '邀请码', waitingForApproval: '已提交，等待卫生主管部门审核。', roster: '今日员工健康状况',
    people: '人', declaredToday: '今日已申报', checkedInToday: '今日已打卡',
    organisations: '我的单位', joinOrganisation: '加入单位', consentToRoster: '我同意单位查看我的姓名（部分隐藏）、健康码颜色和今日是否申报、打卡', leave: '退出',
    tabCommunity: '社区', roleCommunity: '社区工作者', myCommunity: '我所在的社区', nameCommunity: '登记所在社区',
    communityVenue: '社区场所码或场所编号', communityConsent: '社区工作人员将看到您的姓名（部分隐藏）、健康码颜色和今日是否打卡。',
    communityResidents: '需要上门的居民', everyone: '显示全部居民', checkinToday: '今日打卡', dependent: '家属',
    DONE: '已打卡', DUE: '待打卡', MISSED: '漏打卡', noCommunities: '您的账号尚未分配社区。',
    leaveCommunity: '退出社区', communityEveryone: '社区居民', noOneToVisit: '今天没有需要上门的居民。', noResidents: '还没有居民登记此社区。',
  },
  en: {
    appTitle: 'Health code', signOut: 'Sign out', language: '中文', loading: 'Loading…', save: 'Submit', cancel: 'Cancel',
    figuresTitle: 'Epidemic figures', figuresRegion: 'Region code (GB/T 2260, e.g. 330106 a county, 330100 a city)', figuresShow: 'Show',
    figuresToday: 'Today', figuresWeek: 'Last 7 days', figuresConfirmed: 'New confirmed cases', figuresSuspected: 'New suspected cases',
    figuresCodes: 'Health codes (now)', figuresClinics: 'Fever clinics', figuresFewer: 'fewer than {n}', figuresLevel: 'Risk level: {level}',
    figuresWithin: ' (highest within: {level})', figuresAsOf: 'As of {time} (updated every minute)',
    figuresNoClinic: 'No fever clinic is listed for this region', figuresHours: 'Opening hours', figuresPhone: 'Telephone',
    figuresFailed: 'The figures cannot be fetched now; please try again later',
    roleCitizen: 'Resident', roleCheckpoint: 'Checkpoint', roleAuthority: 'Health authority', roleEpidemiologist: 'Epidemiologist', roleAdmin: 'Administrator',
    pagesForYou: 'Pages open to you', signInFailed: 'Signing in failed; please try again later.',
    signInUnavailable: 'The sign-in service cannot be reached right now; please reload in a few minutes. Pages already signed in keep working.', retry: 'Try again', noRole: 'This account has no role here.',
    GREEN: 'Green', YELLOW: 'Yellow', RED: 'Red', gold: 'Fully vaccinated', ALLOW: 'ALLOW', DENY: 'DENY', NOT_REQUIRED: 'No code required at this kind of venue any more',
    colourSourceISSUER: 'current colour from the issuing province', colourSourceTOKEN: "the code's own colour (issuing province not reached)",
    tabCode: 'My code', tabDeclare: 'Declare', tabCheckin: 'Check-in', tabVenue: 'Venue', tabDependents: 'Family', tabAppeals: 'Appeals',
    register: 'Register', name: 'Name', documentType: 'Document', documentNumber: 'Document number', phone: 'Mobile phone', region: 'Region',
    RESIDENT_ID: 'Resident ID card', PASSPORT: 'Passport', HK_MACAO_PERMIT: 'Hong Kong/Macao permit', TAIWAN_PERMIT: 'Taiwan permit',
    province: 'Province', city: 'City', county: 'County', choose: 'Choose',
    validUntil: 'Valid until', expiresIn: 's to refresh', declarationDue: 'Declare again before showing this code', noColourYet: 'Declare first; your code follows.',
    why: 'Why this colour', until: 'until', since: 'since', whatToDo: 'What to do', refreshed: 'Updated',
    travel: 'Places in the last 14 days', addTravel: 'Add a place', remove: 'Remove', from: 'From', to: 'To',
    contactWithCase: 'In contact with a confirmed or suspected case', symptoms: 'Symptoms', temperature: 'Temperature (°C)',
    FEVER: 'Fever', FATIGUE: 'Fatigue', DRY_COUGH: 'Dry cough', STUFFY_NOSE: 'Stuffy nose', RUNNY_NOSE: 'Runny nose', SORE_THROAT: 'Sore throat', DIARRHOEA: 'Diarrhoea',
    vaccination: 'Vaccination', doses: 'Doses', lastDose: 'Last dose', inbound: 'Arrived from abroad',
    flight: 'Flight', fromCountry: 'From country or region', arrivalDate: 'Arrival date', port: 'Port of entry',
    declared: 'Declaration submitted', checkedIn: 'Checked in', declareFor: 'Declaring for', me: 'Myself',
    venueCode: 'Venue code', scanPoster: 'Scan the venue poster', scanImage: 'Read from a picture', stopCamera: 'Stop camera', checkInHere: 'Check in',
    companions: 'Family with me', checkedInAt: 'Checked in at ',
    dependents: 'Family', addDependent: 'Add a family member', relation: 'Relation', PARENT: 'Parent', CHILD: 'Child', SPOUSE: 'Spouse', OTHER: 'Other',
    printPaperCode: 'Print a paper code', paperCodeHint: 'For someone without a phone: valid for months, shows no colour, the checkpoint reads the colour now when it scans it; printing again cancels the old one.', paperCodePrinted: 'Paper code ready; any earlier paper code is cancelled', paperCodeScanned: 'Paper code',
    showCode: 'Show code', appeal: 'Appeal', appealReason: 'Why the colour is wrong', appealFor: 'Appeal for', myAppeals: 'My appeals',
    OPEN: 'Open', UPHELD: 'Upheld', REJECTED: 'Rejected', answer: 'Answer', none: 'None',
    venue: 'Venue', venueId: 'Venue id', registerVenue: 'Register a venue', venueName: 'Venue name', venueType: 'Type', address: 'Address',
    vehicle: 'Train or flight', tripDate: 'Trip date', carriage: 'Carriage or cabin', printPoster: 'Print poster', useVenue: 'Scan at this venue',
    RESIDENTIAL_COMMUNITY: 'Residential community', COMPANY: 'Company', MALL: 'Mall', MARKET: 'Market', HOSPITAL: 'Hospital', PARK: 'Park', SCHOOL: 'School', BUS: 'Bus', TRAIN: 'Train', FLIGHT: 'Flight',
    scanner: 'Scan codes', startCamera: 'Start camera', idCardLookup: 'ID document check', lookUp: 'Look up', tapToContinue: 'Tap to continue', noVenue: 'Choose a venue first.',
    cases: 'Cases', caseSubject: 'By document or subject id', subjectId: 'Subject id', status: 'Status', onsetDate: 'Onset date',
    CONFIRMED: 'Confirmed', SUSPECTED: 'Suspected', CLEARED: 'Cleared', caseRecorded: 'Case recorded', contactsFound: 'contacts found', openCase: 'Open the trace',
    regionRisk: 'Region risk', level: 'Level', HIGH: 'High', MEDIUM: 'Medium', LOW: 'Low', setRisk: 'Set',
    overrides: 'Colour overrides (four eyes)', propose: 'Propose', colour: 'Colour', justification: 'Justification', note: 'Note',
    approve: 'Approve', reject: 'Reject', proposedBy: 'Proposed by', PROPOSED: 'Awaiting approval', APPROVED: 'Approved', EXPIRED: 'Expired',
    appeals: 'Appeals queue', decision: 'Decision', proposeOverride: 'Also propose an override', answerAppeal: 'Answer',
    ruleSets: 'Rule sets', version: 'Version', effectiveFrom: 'Effective from', definition: 'Definition (JSON)', dryRun: 'Dry run', publish: 'Publish',
    subjects: 'People', unchanged: 'unchanged', change: 'Change', count: 'People', ACTIVE: 'Active', SCHEDULED: 'Scheduled', SUPERSEDED: 'Superseded',
    audit: 'Audit trail', actor: 'Actor', action: 'Action', outcome: 'Outcome', at: 'At', search: 'Search', service: 'Service', object: 'Object',
    caseId: 'Case id', open: 'Open', contacts: 'Contacts', degree: 'Degree', exposure: 'Exposure', overlap: 'Overlap',
    homeProvince: 'Lives in', thisProvince: 'this province',
    exportCsv: 'Export CSV', previous: 'Previous', next: 'Next', page: 'Page', pageOf: 'Page {page} of {pages}, {total} in all', chain: 'Transmission chain', edges: 'Links',
    CASE: 'Case', CONTACT: 'Contact', CLOSE: 'Close', TRANSPORT: 'Same vehicle', SPATIOTEMPORAL: 'Same place and time', lastUpdate: 'Last update',
    organisationsPending: 'Organisations waiting for approval', tabOrganisations: 'Employer', roleOrganisation: 'Organisation', registerOrganisation: 'Register the organisation', uscc: 'Unified social credit code', organisationName: 'Organisation name',
    PENDING: 'Pending', invitationCode: 'Invitation code', waitingForApproval: 'Registered; waiting for the health authority to approve it.', roster: "Today's roster",
    people: 'people', declaredToday: 'Declared today', checkedInToday: 'Checked in today',
    organisations: 'My organisations', joinOrganisation: 'Join an organisation', consentToRoster: 'I agree that the organisation sees my masked name, my colour and whether I declared and checked in today', leave: 'Leave',
    tabCommunity: 'Community', roleCommunity: 'Community worker', myCommunity: 'My residential community', nameCommunity: 'Name my community',
    communityVenue: "The community's poster code or venue id", communityConsent: 'Its community workers see your masked name, your colour and whether you checked in today.',
    communityResidents: 'Residents to visit', everyone: 'Show every resident', checkinToday: "Today's check-in", dependent: 'Dependent',
    DONE: 'Done', DUE: 'Due', MISSED: 'Missed', noCommunities: 'Your account serves no community yet.',
    leaveCommunity: 'Leave it', communityEveryone: 'Residents', noOneToVisit: 'Nobody here needs a visit today.', noResidents: 'No resident has named this community yet.',
  },
};

export let language = localStorage.getItem('hc.language') === 'en' ? 'en' : 'zh';
const languageListeners = [];

/**
 * The text of a key in the chosen language (the key itself when there is none), each {name} in it
 * replaced by values[name].
 */
export function t(key, values = {}) {
  return Object.entries(values).reduce((text, [name, value]) => text.replace('{' + name + '}', value),
    TEXT[language][key] ?? key);
}

export function onLanguage(listener) {
  languageListeners.push(listener);
}

/** Puts every labelled text of the page in the chosen language (the pages call it after drawing). */
function applyLanguage() {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
  document.querySelectorAll('[data-t]').forEach(el => { el.textContent = t(el.dataset.t); });
  document.querySelectorAll('[data-t-label]').forEach(el => el.setAttribute('aria-label', t(el.dataset.tLabel)));
}

/** Builds an element: el('button', {class: 'x', onclick}, 'text', child...). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.substring(2), value);
    else if (name === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** A labelled form field: the label names the control for screen readers. */
export function field(labelKey, control) {
  control.id ||= 'f-' + Math.random().toString(36).slice(2, 9);
  return el('div', { class: 'field' }, el('label', { for: control.id, 'data-t': labelKey }, t(labelKey)), control);
}

export function options(keys, { blank = false } = {}) {
  return [blank ? el('option', { value: '' }, t('choose')) : null,
    ...keys.map(key => el('option', { value: key, 'data-t': key }, t(key)))];
}

export function formatTime(instant) {
  if (!instant) return '';
  return new Date(instant).toLocaleString(language === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
}

export function today(offsetDays = 0) {
  const day = new Date(Date.now() + offsetDays * 86400000);
  return new Date(day.getTime() - day.getTimezoneOffset() * 60000).toISOString().substring(0, 10);
}

/** Shows a message in the page's live region (errors as the API's code and its message). */
export function say(text, kind = 'info') {
  const box = document.getElementById('message');
  box.className = 'message ' + kind;
  box.textContent = text;
  box.hidden = !text;
}

export function sayError(error) {
  say(errorText(error), 'error');
}

/** An error as the pages show it: the API's code, its message and the fields it names. */
export function errorText(error) {
  const details = (error.api?.details || []).map(d => d.field + ': ' + d.problem).join('; ');
  return (error.api?.error ? error.api.error + ' — ' : '') + error.message + (details ? ' (' + details + ')' : '');
}

let keycloak;
let authServerUrl;

/**
 * Whether the sign-in service answers at all: any answer counts, only a network failure does not
 * (an opaque no-cors request, so the provider's CORS settings do not matter here).
 */
async function providerAnswers() {
  try {
    await fetch(authServerUrl + '/.well-known/openid-configuration', { mode: 'no-cors', cache: 'no-store' });
    return true;
  } catch (unreachable) {
    return false;
  }
}

/** Says that signing in cannot happen now, instead of sending the browser to a page that does not load. */
async function unlessProviderAnswers() {
  if (!await providerAnswers()) {
    say(t('signInUnavailable'), 'error');
    document.getElementById('content')?.replaceChildren(el('button', { type: 'button', id: 'sign-in-retry',
      'data-t': 'retry', onclick: () => location.reload() }, t('retry')));
    throw new Error('the sign-in service does not answer');
  }
}

/** The API's answer; an error answer is thrown with its {error, message, details}. */
export async function api(path, { method = 'GET', body } = {}) {
  try {
    await keycloak.updateToken(30);
  } catch (notRefreshed) {
    // With the provider down, a token that has not expired yet still works: the services keep its keys.
    if (!keycloak.token || keycloak.isTokenExpired()) {
      await unlessProviderAnswers();
      await keycloak.login();
    }
  }
  const headers = { Authorization: 'Bearer ' + keycloak.token, 'Accept-Language': language };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch('/api/v1' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    let problem;
    try { problem = await response.json(); } catch (notJson) { problem = { error: 'HTTP_' + response.status, message: response.statusText }; }
    throw Object.assign(new Error(problem.message || problem.error), { status: response.status, api: problem });
  }
  return response;
}

export async function json(path, request) {
  const response = await api(path, request);
  return response.status === 204 ? null : response.json();
}

/** An image the API draws, as an object URL (the call needs the bearer token, so no plain <img src>). */
export async function image(path) {
  return URL.createObjectURL(await (await api(path)).blob());
}

/**
 * Signs in (or comes back signed in) and answers the caller's session {roles, province}. A page
 * for a role the caller does not hold says so and offers the start page.
 */
export async function start(role) {
  const settings = await (await fetch('/app/settings.json')).json();
  if (!settings.authServerUrl) {
    say(t('signInFailed'), 'error');
    throw new Error('the gateway names no OpenID Connect provider (gateway.pages.auth-server-url)');
  }
  authServerUrl = settings.authServerUrl;
  await unlessProviderAnswers();
  const realmAt = settings.authServerUrl.indexOf('/realms/');
  keycloak = new Keycloak({
    url: settings.authServerUrl.substring(0, realmAt),
    realm: settings.authServerUrl.substring(realmAt + '/realms/'.length).split('/')[0],
    clientId: settings.clientId,
  });
  try {
    await keycloak.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false });
  } catch (failure) {
    // e.g. the provider does not list this page's origin among the client's web origins
    say(t('signInFailed'), 'error');
    throw failure;
  }
  const header = document.querySelector('header');
  header.append(languageButton(),
    el('button', { type: 'button', class: 'link', id: 'sign-out', 'data-t': 'signOut',
      onclick: () => keycloak.logout({ redirectUri: location.origin + '/app/' }) }, t('signOut')));
  applyLanguage();
  const session = await json('/session');
  if (role && !session.roles.includes(role)) {
    document.querySelector('main').replaceChildren(el('p', { class: 'message error', 'data-t': 'noRole' }, t('noRole')),
      el('p', {}, el('a', { href: '/app/' }, t('pagesForYou'))));
    throw new Error('role ' + role + ' not held');
  }
  return { session, subject: keycloak.tokenParsed?.sub };
}

/** The button that switches the page between Chinese and English (the choice is remembered). */
export function languageButton() {
  return el('button', { type: 'button', class: 'link', id: 'language', onclick: () => {
    language = language === 'zh' ? 'en' : 'zh';
    localStorage.setItem('hc.language', language);
    document.getElementById('language').textContent = t('language');
    applyLanguage();
    // only a change of language redraws what the API wrote in it (redrawing calls relabel, never this)
    languageListeners.forEach(listener => listener());
  } }, t('language'));
}

export function relabel() {
  applyLanguage();
}

let regionTable;

async function regions() {
  if (!regionTable) {
    const text = await (await fetch('/app/gb2260-regions.csv')).text();
    const byParent = new Map();
    for (const line of text.trim().split(/\r?\n/).slice(1)) {
      const [code, name, level, parent] = line.split(',');
      const key = parent || '';
      if (!byParent.has(key)) byParent.set(key, []);
      byParent.get(key).push({ code, name, level });
    }
    regionTable = byParent;
  }
  return regionTable;
}

/** A GB/T 2260 region's name, as the pickers show it (the code itself when the table has no such region). */
export async function regionName(code) {
  for (const list of (await regions()).values()) {
    const found = list.find(r => r.code === code);
    if (found) return found.name;
  }
  return code;
}

/**
 * A region picker over GB/T 2260: province, then city, then county, each a labelled select. Its
 * value is the most precise region chosen ('' until a province is).
 */
export function regionPicker(idPrefix) {
  const levels = ['province', 'city', 'county'].map(level =>
    el('select', { id: idPrefix + '-' + level, 'data-t-label': level, 'aria-label': t(level) }));
  const box = el('div', { class: 'region-picker', role: 'group', 'aria-label': t('region') },
    levels.map((select, i) => el('label', { class: 'stacked' }, el('span', { 'data-t': ['province', 'city', 'county'][i] },
      t(['province', 'city', 'county'][i])), select)));
  const fill = async (index, parent) => {
    const children = (await regions()).get(parent) || [];
    levels[index].replaceChildren(el('option', { value: '' }, '—'), ...children.map(r => el('option', { value: r.code }, r.name)));
    levels[index].disabled = children.length === 0;
    for (let i = index + 1; i < levels.length; i++) {
      levels[i].replaceChildren(el('option', { value: '' }, '—'));
      levels[i].disabled = true;
    }
  };
  levels.forEach((select, index) => select.addEventListener('change', () => {
    if (index + 1 < levels.length) fill(index + 1, select.value);
  }));
  fill(0, '');
  box.value = () => [...levels].reverse().map(s => s.value).find(v => v) || '';
  box.choose = async code => {
    const table = await regions();
    const parentOf = new Map([...table.entries()].flatMap(([parent, list]) => list.map(r => [r.code, parent])));
    const path = [];
    for (let c = code; c; c = parentOf.get(c)) path.unshift(c);
    for (let i = 0; i < path.length && i < levels.length; i++) {
      await fill(i, i === 0 ? '' : path[i - 1]);
      levels[i].value = path[i];
    }
    if (path.length < levels.length) await fill(path.length, path[path.length - 1]);
  };
  return box;
}

/**
 * Reads QR codes from the camera (the browser's BarcodeDetector where it has one, zxing-js
 * otherwise, both through html5-qrcode) or from a picture.
 */
export function qrReader(elementId) {
  const readerInto = id => new Html5Qrcode(id, {
    formatsToSupport: [Html5QrcodeSupportedFormats.QR_CODE],
    experimentalFeatures: { useBarCodeDetectorIfSupported: true },
    verbose: false,
  });
  const reader = readerInto(elementId);
  let running = false;
  let pictures;
  return {
    /** Reads one code: onText has it once, however many frames show it before the camera stops. */
    async camera(onText) {
      let read = false;
      // the box read is most of the picture: a code is dense (version 11), and needs every pixel the camera gives it
      const qrbox = (width, height) => {
        const side = Math.max(50, Math.floor(Math.min(width, height) * 0.85));
        return { width: side, height: side };
      };
      await reader.start({ facingMode: 'environment' }, { fps: 8, qrbox }, text => {
        if (read) return;
        read = true;
        onText(text);
      }, () => {});
      running = true;
    },
    async stop() {
      if (running) { running = false; await reader.stop(); }
    },
    file(file) {
      // html5-qrcode shrinks a picture to the width of the element it reads into: the page's reader,
      // a phone's width, leaves a dense code four or five pixels a module, which it then often misreads;
      // pictures are read in an element of their own, off screen and wide
      if (!pictures) {
        document.body.append(el('div', { id: elementId + '-picture', class: 'picture-reader', 'aria-hidden': 'true' }));
        pictures = readerInto(elementId + '-picture');
      }
      return readPicture(pictures, file);
    },
  };
}

/**
 * zxing-js (without the "try harder" hint html5-qrcode leaves off) misses some dense codes at one
 * size and reads them at another: a picture it cannot read is tried again smaller and larger.
 */
async function readPicture(reader, file) {
  try {
    return await reader.scanFile(file, false);
  } catch (unread) {
    for (const scale of [0.75, 1.5, 0.5, 2]) {
      try {
        return await reader.scanFile(await rescaled(file, scale), false);
      } catch (again) {
        // the next size
      }
    }
    throw unread;
  }
}

async function rescaled(file, scale) {
  const picture = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(picture.width * scale);
  canvas.height = Math.round(picture.height * scale);
  const context = canvas.getContext('2d');
  context.imageSmoothingEnabled = scale < 1;
  context.drawImage(picture, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise(done => canvas.toBlob(done, 'image/png'));
  return new File([blob], 'picture.png', { type: 'image/png' });
}

/** Runs f now and every `seconds` while the page is visible, and at once when it becomes visible again. */
export function whileVisible(seconds, f) {
  let timer;
  const run = async () => {
    clearTimeout(timer);
    if (document.hidden) return;
    try { await f(); } finally { timer = setTimeout(run, seconds * 1000); }
  };
  document.addEventListener('visibilitychange', () => { if (!document.hidden) run(); });
  run();
  return { now: run };
}
