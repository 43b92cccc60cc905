// The report webview. Renders the Markdown the extension sends (shared marked config, then DOMPurify), turns
// commit SHAs and file paths into links that ask the extension to open a diff, and handles every click with one
// delegated listener. It never navigates by itself: everything goes through postMessage and is validated there.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import DOMPurify from 'dompurify';
import type { Report } from '../src/core/domain/report.js';
import { markdownToHtml } from '../src/core/render/markdownToHtml.js';
import type { ExtensionToWebview, WebviewState, WebviewStrings, WebviewToExtension } from '../src/shared/protocol.js';
import { findFile, indexReport, type IndexedCommit } from '../src/shared/reportIndex.js';

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

let shownDay: string | undefined = savedState().day;
let restoreScroll: number | undefined = savedState().scrollY;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className !== undefined) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function button(label: string, command: 'refresh' | 'export' | 'copyMarkdown', secondary = true): HTMLElement {
  const element = document.createElement('vscode-button');
  if (secondary) element.setAttribute('secondary', '');
  element.dataset['ddCommand'] = command;
  element.textContent = label;
  return element;
}

function badge(text: string, variant?: 'counter'): HTMLElement {
  const element = document.createElement('vscode-badge');
  if (variant !== undefined) element.setAttribute('variant', variant);
  element.textContent = text;
  return element;
}

function renderToolbar(strings: WebviewStrings, report?: Report): void {
  const children: HTMLElement[] = [];
  if (report !== undefined) {
    const commits = report.repositories.reduce((sum, repo) => sum + repo.stats.commits, 0);
    const high = report.repositories.reduce((sum, repo) => sum + repo.stats.high, 0);
    const summary = el('span', 'summary');
    summary.append(el('strong', undefined, report.window.label.replace('..', ' – ')), ' ',
      badge(`${commits} ${strings.commits}`), ' ', badge(`${high} ${strings.high}`));
    children.push(summary);
  }
  const actions = el('span', 'actions');
  actions.append(button(strings.refresh, 'refresh'));
  if (report !== undefined) actions.append(button(strings.export, 'export'), button(strings.copyMarkdown, 'copyMarkdown'));
  children.push(actions);
  toolbar.replaceChildren(...children);
}

function showLoading(strings: WebviewStrings): void {
  renderToolbar(strings);
  const box = el('div', 'placeholder');
  box.append(document.createElement('vscode-progress-ring'), el('p', undefined, strings.loading));
  content.replaceChildren(box);
  content.setAttribute('aria-busy', 'true');
}

function showEmpty(strings: WebviewStrings, message: string): void {
  renderToolbar(strings);
  const box = el('div', 'placeholder');
  const action = button(strings.generateToday, 'refresh', false);
  box.append(el('p', undefined, message), action);
  content.replaceChildren(box);
  content.setAttribute('aria-busy', 'false');
}

function linkTo(anchor: HTMLAnchorElement, entry: IndexedCommit, path?: string): void {
  anchor.dataset['ddAction'] = path === undefined ? 'openCommit' : 'openFile';
  anchor.dataset['ddSha'] = entry.commit.sha;
  anchor.dataset['ddRepo'] = String(entry.repoIndex);
  if (path !== undefined) anchor.dataset['ddPath'] = path;
  anchor.classList.add(path === undefined ? 'dd-commit-link' : 'dd-file-link');
}

function wrapInLink(node: Element, entry: IndexedCommit, title: string, path?: string): void {
  const anchor = el('a');
  anchor.href = '#';
  anchor.title = title;
  linkTo(anchor, entry, path);
  node.replaceWith(anchor);
  anchor.append(node);
}

/** In the commit table: an explicit "diff" link next to the SHA, and the subject jumps to the commit's details. */
function decorateTableRow(row: HTMLTableRowElement, shaLink: HTMLAnchorElement, entry: IndexedCommit,
  strings: WebviewStrings): void {
  const diff = el('a', 'dd-diff', strings.diff);
  diff.href = '#';
  diff.title = strings.openDiff;
  linkTo(diff, entry);
  shaLink.after(' ', diff);
  const message = row.cells[2];
  if (message !== undefined && message.querySelector('a') === null && message.textContent !== '') {
    const details = el('a', 'dd-details');
    details.href = `#${entry.anchor}`;
    details.append(...Array.from(message.childNodes));
    message.append(details);
  }
}

/** Turns SHAs and file paths of the rendered report into diff links, and marks the other links external or in-page. */
function linkify(root: HTMLElement, report: Report, strings: WebviewStrings): void {
  const index = indexReport(report);
  const elements = Array.from(root.querySelectorAll('a, code, h2, h3'));
  let current: IndexedCommit | undefined;
  for (const element of elements) {
    const tag = element.tagName;
    if (tag === 'H2' || tag === 'H3') {
      current = undefined;
      continue;
    }
    if (tag === 'A') {
      const anchor = element as HTMLAnchorElement;
      const id = anchor.getAttribute('id');
      if (id !== null && id.startsWith('c-')) {
        current = index.byAnchor.get(id);
        continue;
      }
      const href = anchor.getAttribute('href') ?? '';
      const text = (anchor.textContent ?? '').trim().toLowerCase();
      if (href.startsWith('#c-')) {
        const target = index.byAnchor.get(href.slice(1));
        if (target !== undefined && text === target.commit.shortSha.toLowerCase()) {
          linkTo(anchor, target);
          anchor.title = strings.openDiff;
          const row = anchor.closest('tr');
          if (row !== null) decorateTableRow(row, anchor, target, strings);
        }
      } else if (/^https?:/i.test(href)) {
        if (current !== undefined && text === current.commit.shortSha.toLowerCase()) {
          // The SHA opens the diff; a small link next to it still leads to the web page.
          const remote = el('a', 'dd-remote', '↗');
          remote.href = href;
          remote.title = strings.openRemote;
          remote.dataset['ddAction'] = 'openExternal';
          remote.dataset['ddUrl'] = href;
          linkTo(anchor, current);
          anchor.title = strings.openDiff;
          anchor.after(' ', remote);
        } else {
          anchor.dataset['ddAction'] = 'openExternal';
          anchor.dataset['ddUrl'] = href;
          anchor.title = href;
        }
      }
      continue;
    }
    // CODE outside links, inside a commit section: the SHA or one of the commit's file paths.
    if (current === undefined || element.closest('a') !== null) continue;
    const text = element.textContent ?? '';
    if (text.toLowerCase() === current.commit.shortSha.toLowerCase() || text.toLowerCase() === current.commit.sha) {
      wrapInLink(element, current, strings.openDiff);
      continue;
    }
    // Code spans show newlines and tabs as spaces.
    const file = findFile(current.commit, text) ??
      current.commit.files.find((candidate) => candidate.path.replace(/[\r\n\t]/g, ' ') === text);
    if (file !== undefined) wrapInLink(element, current, strings.openDiff, file.path);
  }
}

function showReport(strings: WebviewStrings, report: Report, markdown: string): void {
  // The same day is sent again as model analyses land: keep the reader where they are.
  const scrolledTo = window.scrollY;
  renderToolbar(strings, report);
  const fragment = DOMPurify.sanitize(markdownToHtml(markdown), {
    USE_PROFILES: { html: true },
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'img', 'svg', 'math'],
    FORBID_ATTR: ['style'],
  });
  const article = el('article', 'report');
  article.append(fragment);
  linkify(article, report, strings);
  content.replaceChildren(article);
  content.setAttribute('aria-busy', 'false');
  const sameDay = shownDay === report.window.label;
  shownDay = report.window.label;
  if (sameDay && restoreScroll !== undefined) window.scrollTo(0, restoreScroll);
  else if (sameDay) window.scrollTo(0, scrolledTo);
  else window.scrollTo(0, 0);
  restoreScroll = undefined;
  vscode.setState({ day: shownDay, scrollY: window.scrollY });
}

function reveal(anchor: string): void {
  if (!/^[a-z0-9-]+$/i.test(anchor)) return;
  const target = document.getElementById(anchor);
  if (target === null) return;
  target.scrollIntoView({ block: 'start' });
  const heading = target.nextElementSibling;
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
    case 'loading': showLoading(message.strings); break;
    case 'empty': showEmpty(message.strings, message.message); break;
    case 'report': showReport(message.strings, message.report, message.markdown); break;
    case 'reveal': reveal(message.anchor); break;
  }
});

// One delegated listener for every link and button.
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (target === null) return;
  const command = target.closest<HTMLElement>('[data-dd-command]')?.dataset['ddCommand'];
  if (command === 'refresh' || command === 'export' || command === 'copyMarkdown') {
    vscode.postMessage({ type: command });
    return;
  }
  const anchor = target.closest('a');
  if (anchor === null) return;
  event.preventDefault();
  const data = anchor.dataset;
  const repo = data['ddRepo'] === undefined ? undefined : Number(data['ddRepo']);
  switch (data['ddAction']) {
    case 'openCommit':
      if (data['ddSha'] !== undefined) vscode.postMessage({ type: 'openCommit', sha: data['ddSha'], repo });
      return;
    case 'openFile':
      if (data['ddSha'] !== undefined && data['ddPath'] !== undefined) {
        vscode.postMessage({ type: 'openFile', sha: data['ddSha'], path: data['ddPath'], repo });
      }
      return;
    case 'openExternal':
      if (data['ddUrl'] !== undefined) vscode.postMessage({ type: 'openExternal', url: data['ddUrl'] });
      return;
  }
  const href = anchor.getAttribute('href') ?? '';
  if (href.startsWith('#') && href.length > 1) reveal(href.slice(1));
});

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  if (scrollTimer !== undefined) return;
  scrollTimer = window.setTimeout(() => {
    scrollTimer = undefined;
    vscode.setState({ day: shownDay, scrollY: window.scrollY });
  }, 200);
}, { passive: true });

vscode.postMessage({ type: 'ready' });
