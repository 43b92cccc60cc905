// One commit's details in the report view: the same Markdown the reports write for it (the core's commit renderer),
// rendered with the shared marked configuration and sanitized by DOMPurify, then given its links: the SHA opens the
// commit's diff, a file path the file's diff, a fact its line in the file's diff, and web links go through the host.
import DOMPurify from 'dompurify';
import type { Language } from '../src/core/domain/language.js';
import type { AnalyzedCommit, ReportWindow } from '../src/core/domain/report.js';
import type { ReportLabels } from '../src/core/i18n/renderLabels.js';
import { markdownToHtml } from '../src/core/render/markdownToHtml.js';
import { renderCommitBlocks } from '../src/core/render/markdownCommit.js';
import { commitFactLinks, type FactLink } from '../src/shared/factLinks.js';
import { findFile, type IndexedCommit } from '../src/shared/reportIndex.js';
import { actionLink, el, code } from './dom.js';
import type { WebviewWords } from './words.js';

export interface DetailsContext {
  language: Language;
  labels: ReportLabels;
  words: WebviewWords;
  window: ReportWindow;
}

/** The sanitizer's settings: the HTML profile without images, forms, styles, SVG and MathML. */
export function sanitize(html: string): DocumentFragment {
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'img', 'svg', 'math', 'details'],
    FORBID_ATTR: ['style'],
  });
}

function commitLink(anchor: HTMLAnchorElement, entry: IndexedCommit, path?: string): void {
  anchor.dataset['ddAction'] = path === undefined ? 'openCommit' : 'openFile';
  anchor.dataset['ddSha'] = entry.commit.sha;
  anchor.dataset['ddRepo'] = String(entry.repoIndex);
  if (path !== undefined) anchor.dataset['ddPath'] = path;
  anchor.classList.add(path === undefined ? 'dd-commit-link' : 'dd-file-link');
}

/** A fact as a link to its line: "+ `PrometheusExporter` (class)". */
export function factLink(entry: IndexedCommit, fact: FactLink, words: WebviewWords, content?: Node): HTMLAnchorElement {
  const body = content ?? factLabel(fact, words);
  const anchor = actionLink(body, 'openFact', {
    ddSha: entry.commit.sha, ddRepo: entry.repoIndex, ddPath: fact.path, ddLine: fact.line ?? 1, ddSide: fact.side,
  }, words.openFact(fact.path, fact.line));
  anchor.classList.add('dd-fact-link');
  return anchor;
}

function factLabel(fact: FactLink, words: WebviewWords): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(el('span', `dd-sign dd-sign-${fact.sign === '+' ? 'add' : fact.sign === '−' ? 'remove' : 'change'}`, fact.sign), ' ');
  fragment.append(code(fact.name));
  const change = fact.from !== undefined && fact.to !== undefined ? ` ${fact.from} → ${fact.to}`
    : ` ${fact.to ?? fact.from ?? ''}`.trimEnd();
  fragment.append(` (${words.factWhat[fact.what]})${change}`);
  return fragment;
}

function factList(entry: IndexedCommit, links: FactLink[], more: number, words: WebviewWords): HTMLElement {
  const box = el('div', 'dd-facts');
  box.append(el('p', 'dd-facts-title', words.facts));
  const list = el('ul');
  for (const fact of links) {
    const item = el('li');
    item.append(factLink(entry, fact, words));
    list.append(item);
  }
  if (more > 0) list.append(el('li', 'dd-more', words.moreFacts(more)));
  box.append(list);
  return box;
}

/** Turns the rendered commit's SHA, file paths and fact names into links, and its web links into host requests. */
function linkify(root: HTMLElement, entry: IndexedCommit, facts: FactLink[], words: WebviewWords): void {
  const { commit } = entry;
  const shortSha = commit.shortSha.toLowerCase();
  const byName = new Map<string, FactLink>();
  for (const fact of facts) if (!byName.has(fact.name)) byName.set(fact.name, fact);
  for (const element of Array.from(root.querySelectorAll('a, code'))) {
    if (element.tagName === 'A') {
      const anchor = element as HTMLAnchorElement;
      const href = anchor.getAttribute('href') ?? '';
      if (!/^https?:/i.test(href)) continue;
      const text = (anchor.textContent ?? '').trim().toLowerCase();
      if (text === shortSha) {
        // The SHA opens the diff; a small link next to it still leads to the web page.
        const remote = actionLink('↗', 'openExternal', { ddUrl: href }, words.openRemote);
        remote.classList.add('dd-remote');
        anchor.removeAttribute('href');
        anchor.href = '#';
        commitLink(anchor, entry);
        anchor.title = words.openDiff;
        anchor.after(' ', remote);
      } else {
        anchor.dataset['ddAction'] = 'openExternal';
        anchor.dataset['ddUrl'] = href;
        anchor.title = href;
      }
      continue;
    }
    if (element.closest('a') !== null) continue;
    const text = element.textContent ?? '';
    const wrap = (anchor: HTMLAnchorElement): void => {
      element.replaceWith(anchor);
      anchor.append(element);
    };
    if (text.toLowerCase() === shortSha || text.toLowerCase() === commit.sha) {
      const anchor = actionLink('', 'openCommit', {}, words.openDiff);
      commitLink(anchor, entry);
      wrap(anchor);
      continue;
    }
    // Code spans show newlines and tabs as spaces.
    const file = findFile(commit, text) ?? commit.files.find((candidate) => candidate.path.replace(/[\r\n\t]/g, ' ') === text);
    if (file !== undefined) {
      const anchor = actionLink('', 'openFile', {}, words.openDiff);
      commitLink(anchor, entry, file.path);
      wrap(anchor);
      continue;
    }
    const fact = byName.get(text);
    if (fact !== undefined) {
      const anchor = factLink(entry, fact, words, document.createDocumentFragment());
      wrap(anchor);
    }
  }
}

/** The Markdown blocks of the commit, as the reports write them. */
function commitMarkdown(entry: IndexedCommit, context: DetailsContext): string {
  return renderCommitBlocks(entry.commit, {
    labels: context.labels, language: context.language, window: context.window,
    ...(entry.repo.webUrl === undefined ? {} : { repoWebUrl: entry.repo.webUrl }),
    anchor: entry.anchor,
  }).join('\n\n');
}

/**
 * The body of a commit's section: the rendered, sanitized, linked Markdown, with the commit's facts listed before
 * its files (after everything when it lists no files).
 */
export function renderCommitBody(entry: IndexedCommit, context: DetailsContext): DocumentFragment {
  const holder = el('div');
  holder.append(sanitize(markdownToHtml(commitMarkdown(entry, context))));
  const { links, more } = commitFactLinks(entry.commit);
  linkify(holder, entry, links, context.words);
  if (links.length > 0) {
    const list = factList(entry, links, more, context.words);
    const sample = context.labels.files(0);
    const title = sample.slice(0, sample.indexOf('0')).replace(/[\s(（]+$/, '');
    const filesHeading = Array.from(holder.querySelectorAll(':scope > p > strong:only-child'))
      .find((strong) => (strong.textContent ?? '').startsWith(title));
    const before = filesHeading?.parentElement;
    if (before !== undefined && before !== null && before.parentElement === holder) before.before(list);
    else holder.append(list);
  }
  const fragment = document.createDocumentFragment();
  fragment.append(...Array.from(holder.childNodes));
  return fragment;
}

export type { AnalyzedCommit };
