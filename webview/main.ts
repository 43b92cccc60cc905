// The report webview. Builds the page from the Report the extension sends (reportView.ts: glance, calendar,
// filters, table, details rendered with the shared marked configuration and DOMPurify), keeps the reader's order,
// filters and open groups, and handles every click with one delegated listener. It never navigates by itself:
// everything goes through postMessage and is validated by the extension.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { Language } from '../src/core/domain/language.js';
import { NO_FILTER, filterChoices, parseFilter, prunedFilter, type CommitFilter } from '../src/shared/commitFilter.js';
import { todayIn } from '../src/shared/days.js';
import type { ExtensionToWebview, WebviewState, WebviewToExtension } from '../src/shared/protocol.js';
import { requestOf } from './clicks.js';
import { actionButton, el } from './dom.js';
import { closePickersOutside } from './picker.js';
import type { FilterBarState } from './filterBar.js';
import { ReportView, type ViewSettings } from './reportView.js';
import { renderToolbar } from './toolbar.js';
import { webviewWords } from './words.js';

interface VsCodeApi {
  postMessage(message: WebviewToExtension): void;
  getState(): unknown;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const toolbar = document.getElementById('toolbar') as HTMLElement;
const content = document.getElementById('content') as HTMLElement;

function savedState(): WebviewState {
  const state = vscode.getState();
  return typeof state === 'object' && state !== null ? (state as WebviewState) : {};
}

const saved = savedState();
let shownDay: string | undefined = saved.day;
let restoreScroll: number | undefined = saved.scrollY;
const settings: ViewSettings = {
  filter: parseFilter(saved.filter),
  order: saved.order === 'time' ? 'time' : 'importance',
  openGroups: new Set(Array.isArray(saved.openGroups) ? saved.openGroups.filter((key) => typeof key === 'string').slice(0, 200) : []),
  reviewed: new Set(),
  today: '',
};
let view: ReportView | undefined;
let lastReport: Extract<ExtensionToWebview, { type: 'report' }> | undefined;

function saveState(): void {
  vscode.setState({
    ...(shownDay === undefined ? {} : { day: shownDay }),
    scrollY: window.scrollY,
    order: settings.order,
    filter: settings.filter,
    openGroups: [...settings.openGroups],
  });
}

function setPageLanguage(language: Language): void {
  document.documentElement.lang = language;
}

function showLoading(language: Language): void {
  view?.dispose();
  view = undefined;
  setPageLanguage(language);
  const words = webviewWords(language);
  renderToolbar(toolbar, words);
  const box = el('div', 'placeholder');
  box.append(document.createElement('vscode-progress-ring'), el('p', undefined, words.loading));
  content.replaceChildren(box);
  content.setAttribute('aria-busy', 'true');
}

function showEmpty(language: Language, message?: string): void {
  view?.dispose();
  view = undefined;
  lastReport = undefined;
  setPageLanguage(language);
  const words = webviewWords(language);
  renderToolbar(toolbar, words);
  const box = el('div', 'placeholder');
  box.append(el('p', undefined, message ?? words.noReport), actionButton(words.generateToday, 'refresh', { secondary: false }));
  content.replaceChildren(box);
  content.setAttribute('aria-busy', 'false');
}

function onFilterChange(state: FilterBarState): void {
  settings.filter = state.filter;
  settings.order = state.order;
  withFocusKept(() => view?.update());
  view?.toolbar(toolbar);
  saveState();
}

function showReport(message: Extract<ExtensionToWebview, { type: 'report' }>): void {
  // The same day is sent again as model analyses land or the triage changes: keep the reader where they are.
  const scrolledTo = window.scrollY;
  const { report } = message;
  lastReport = message;
  const language = message.language ?? report.language;
  const sameDay = shownDay === report.window.label;
  if (!sameDay) settings.openGroups.clear();
  settings.reviewed = new Set(message.reviewed);
  settings.today = message.navigation?.today ?? todayIn(report.window.timeZone);
  view?.dispose();
  view = new ReportView(report, language, settings, onFilterChange);
  settings.filter = prunedFilter(settings.filter, filterChoices(view.allCommits));
  setPageLanguage(language);
  view.toolbar(toolbar);
  content.replaceChildren(view.build());
  content.setAttribute('aria-busy', 'false');
  shownDay = report.window.label;
  if (sameDay && restoreScroll !== undefined) window.scrollTo(0, restoreScroll);
  else if (sameDay) window.scrollTo(0, scrolledTo);
  else window.scrollTo(0, 0);
  restoreScroll = undefined;
  saveState();
}

function updateTriage(reviewed: readonly string[]): void {
  settings.reviewed = new Set(reviewed);
  withFocusKept(() => view?.update());
  view?.toolbar(toolbar);
}

/** Runs a re-render and gives the focus back to the control that had it (found again by its data-dd-key). */
function withFocusKept(render: () => void): void {
  const active = document.activeElement instanceof HTMLElement ? document.activeElement.dataset['ddKey'] : undefined;
  render();
  if (active === undefined) return;
  const again = Array.from(document.querySelectorAll<HTMLElement>('[data-dd-key]')).find((node) => node.dataset['ddKey'] === active);
  again?.focus({ preventScroll: true });
}

function reveal(anchor: string): void {
  if (!/^[a-z0-9-]+$/i.test(anchor)) return;
  if (view?.showAnchor(anchor) === true) {
    view.toolbar(toolbar);
    saveState();
  }
  view?.fillAnchor(anchor);
  const target = document.getElementById(anchor);
  if (target === null) return;
  target.scrollIntoView({ block: 'start' });
  // A commit's anchor is inside its section, before its h4; a section's anchor (the contents' links) is just before
  // its h3 or before the section that holds it.
  const next = target.nextElementSibling;
  const heading = target.closest('section.dd-commit') !== null
    ? target.parentElement?.querySelector('h4') ?? next
    : next?.matches('h3') === true ? next : next?.querySelector('h3');
  if (heading instanceof HTMLElement) {
    heading.classList.remove('dd-flash');
    void heading.offsetWidth;
    heading.classList.add('dd-flash');
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }
}

window.addEventListener('message', (event: MessageEvent<ExtensionToWebview>) => {
  const message = event.data;
  switch (message.type) {
    case 'loading': showLoading(message.language); break;
    case 'empty': showEmpty(message.language, message.message); break;
    case 'report': showReport(message); break;
    case 'triage': updateTriage(message.reviewed); break;
    case 'language':
      if (lastReport !== undefined) showReport({ ...lastReport, language: message.language });
      else setPageLanguage(message.language);
      break;
    case 'reveal': reveal(message.anchor); break;
  }
});

function markReviewed(box: HTMLElement & { checked?: boolean }): void {
  const shas = (box.dataset['ddShas'] ?? '').split(',').filter((sha) => /^[0-9a-f]{4,64}$/i.test(sha));
  if (shas.length === 0) return;
  const reviewed = box.checked === true;
  const repo = Number(box.dataset['ddRepo']);
  // Shown at once; the extension's answer (a triage message) confirms it.
  for (const sha of shas) {
    if (reviewed) settings.reviewed.add(sha);
    else settings.reviewed.delete(sha);
  }
  withFocusKept(() => view?.update());
  view?.toolbar(toolbar);
  vscode.postMessage({ type: 'markReviewed', shas, reviewed, ...(Number.isSafeInteger(repo) ? { repo } : {}) });
}

// Links that act as buttons (a group's line) answer Space as buttons do; Enter already clicks a link.
document.addEventListener('keydown', (event) => {
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (event.key === ' ' && target?.tagName === 'A' && target.getAttribute('role') === 'button') {
    event.preventDefault();
    target.click();
  }
});

document.addEventListener('change', (event) => {
  const target = event.target instanceof HTMLElement ? event.target : null;
  if (target?.dataset['ddControl'] === 'reviewed') markReviewed(target);
});

/** A glance count clicked: the table shows only that value (clicked again: the filter is cleared). */
function filterBy(kind: string | undefined, value: string | undefined): void {
  if (value === undefined || view === undefined) return;
  const filter: CommitFilter = { ...settings.filter };
  const only = (list: readonly string[]): string[] => (list.length === 1 && list[0] === value ? [] : [value]);
  if (kind === 'importance') filter.importance = only(filter.importance) as CommitFilter['importance'];
  else if (kind === 'types') filter.types = only(filter.types) as CommitFilter['types'];
  else if (kind === 'modules') filter.modules = only(filter.modules);
  else if (kind === 'authors') {
    filter.authors = filter.authorMode === 'include' ? only(filter.authors) : [value];
    filter.authorMode = 'include';
  } else return;
  settings.filter = filter;
  view.rebuildFilterBar();
  view.toolbar(toolbar);
  saveState();
}

function toggleGroup(key: string | undefined): void {
  if (key === undefined) return;
  if (settings.openGroups.has(key)) settings.openGroups.delete(key);
  else settings.openGroups.add(key);
  withFocusKept(() => view?.update());
  saveState();
}

// One delegated listener for every link and button.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (target === null) return;
  closePickersOutside(target);
  const actor = target.closest<HTMLElement>('[data-dd-action]');
  const anchor = target.closest('a');
  if (anchor !== null) event.preventDefault();
  if (actor === null) {
    const href = anchor?.getAttribute('href') ?? '';
    if (href.startsWith('#') && href.length > 1) reveal(href.slice(1));
    return;
  }
  if (actor.hasAttribute('disabled')) return;
  const request = requestOf(actor);
  if (request !== undefined) {
    vscode.postMessage(request);
    return;
  }
  const data = actor.dataset;
  switch (data['ddAction']) {
    case 'toggleGroup':
      toggleGroup(data['ddGroup']);
      return;
    case 'clearFilters':
      settings.filter = { ...NO_FILTER };
      view?.rebuildFilterBar();
      view?.toolbar(toolbar);
      saveState();
      return;
    case 'filterBy':
      filterBy(data['ddFilter'], data['ddValue']);
      return;
  }
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  if (scrollTimer !== undefined) return;
  scrollTimer = window.setTimeout(() => {
    scrollTimer = undefined;
    saveState();
  }, 200);
}, { passive: true });

vscode.postMessage({ type: 'ready' });
