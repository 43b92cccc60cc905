// The day at a glance of one repository: the totals, the headline (the high-importance and breaking changes, a
// phrase each, linked to their details), counts by type, the busiest modules and the authors. Each count is a
// shortcut: clicking it filters the table by that value. An empty day names the last day with a commit and opens it.
import type { Importance } from '../src/core/domain/analysis.js';
import type { RepositoryReport } from '../src/core/domain/report.js';
import type { Glance, GlanceItem } from '../src/core/domain/triage.js';
import type { ReportLabels } from '../src/core/i18n/renderLabels.js';
import type { TriageLabels } from '../src/core/i18n/triageLabels.js';
import { actionButton, actionLink, code, el } from './dom.js';
import type { WebviewWords } from './words.js';

export interface GlanceContext {
  labels: ReportLabels;
  triage: TriageLabels;
  words: WebviewWords;
  windowLabel: string;
  /** The in-page anchor of a commit's details, when it has some. */
  anchorOf: (sha: string) => string | undefined;
}

const IMPORTANCE_MARK: Record<Importance, string> = { high: '🔴', medium: '🟡', low: '🟢' };

function filterLink(text: string, filter: string, value: string): HTMLAnchorElement {
  const link = actionLink(text, 'filterBy', { ddFilter: filter, ddValue: value });
  link.classList.add('dd-filter-link');
  return link;
}

function joined(parts: readonly (string | Node)[], separator: string): (string | Node)[] {
  return parts.flatMap((part, index) => (index === 0 ? [part] : [separator, part]));
}

function headlineItem(item: GlanceItem, context: GlanceContext): HTMLLIElement {
  const line = el('li', 'dd-headline-item');
  const marker = item.breaking ? '💥' : IMPORTANCE_MARK[item.importance];
  const sha = code(item.sha.toLowerCase().replace(/[^0-9a-f]/g, '').slice(0, 7) || '?');
  const anchor = context.anchorOf(item.sha);
  let shaNode: Node = sha;
  if (anchor !== undefined) {
    const link = el('a');
    link.href = `#${anchor}`;
    link.append(sha);
    shaNode = link;
  }
  line.append(`${marker} `, shaNode, ' ', item.gist === '' ? context.labels.noSubject : item.gist);
  // An identifier as code, a sentence (the declared breaking change) as text: as the Markdown report writes them.
  const details = item.details.map((detail) => (/\s/.test(detail.trim()) ? detail : code(detail)));
  if (details.length > 0) line.append(' — ', ...joined(details, context.labels.listSeparator));
  return line;
}

function factsLine(title: string, parts: (string | Node)[], separator: string, colon: string): HTMLParagraphElement {
  const line = el('p', 'dd-glance-line');
  line.append(el('strong', undefined, title), colon, ...joined(parts, separator));
  return line;
}

function emptyDay(repo: RepositoryReport, context: GlanceContext): HTMLElement {
  const box = el('div', 'dd-empty-day');
  const day = context.windowLabel.replace('..', ' – ');
  box.append(el('p', undefined, context.words.noCommitsOn(day)));
  if (repo.lastCommitDay !== undefined) {
    box.append(el('p', undefined, context.words.lastActive(repo.lastCommitDay)),
      actionButton(context.words.openDay(repo.lastCommitDay), 'openDay', { secondary: false, icon: 'calendar', data: { ddDay: repo.lastCommitDay } }));
  }
  return box;
}

export function renderGlance(repo: RepositoryReport, glance: Glance, context: GlanceContext): HTMLElement {
  const { labels, triage } = context;
  const section = el('section', 'dd-glance');
  section.append(el('h3', undefined, triage.glance));
  if (glance.commits === 0) {
    section.append(emptyDay(repo, context));
    return section;
  }
  const totals = el('p', 'dd-glance-totals');
  totals.append(el('strong', undefined, triage.totals(glance.commits, repo.stats.authors, repo.stats.additions, repo.stats.deletions)), labels.colon);
  const counts: (string | Node)[] = (['high', 'medium', 'low'] as const).map((level) => {
    const text = `${labels.importance[level]} ${glance[level]}`;
    return glance[level] > 0 ? filterLink(text, 'importance', level) : text;
  });
  if (glance.breakingChanges > 0) counts.push(`${triage.breaking} ${glance.breakingChanges}`);
  totals.append(...joined(counts, labels.listSeparator));
  section.append(totals);

  if (glance.headline.length === 0) section.append(el('p', 'dd-muted', triage.nothingNotable));
  else {
    const list = el('ul', 'dd-headline');
    list.append(...glance.headline.map((item) => headlineItem(item, context)));
    if (glance.more > 0) list.append(el('li', 'dd-muted', triage.moreNotable(glance.more)));
    section.append(list);
  }
  const { colon, listSeparator } = labels;
  section.append(factsLine(triage.types, glance.types.map((entry) =>
    filterLink(`${labels.changeType[entry.type]} ${entry.commits}`, 'types', entry.type)), listSeparator, colon));
  if (glance.modules.length > 0) {
    section.append(factsLine(triage.modules, glance.modules.map((entry) => {
      const link = actionLink(code(entry.name), 'filterBy', { ddFilter: 'modules', ddValue: entry.name });
      link.classList.add('dd-filter-link');
      const part = document.createDocumentFragment();
      part.append(link, ` (${entry.commits}, +${entry.additions} / −${entry.deletions})`);
      return part;
    }), listSeparator, colon));
  }
  const authors: (string | Node)[] = glance.authors.map((entry) => {
    const part = document.createDocumentFragment();
    part.append(filterLink(entry.name, 'authors', entry.name.trim().slice(0, 200)), ` (${entry.commits})`);
    return part;
  });
  if (glance.otherAuthors > 0) authors.push(triage.otherAuthors(glance.otherAuthors));
  section.append(factsLine(triage.authors, authors, listSeparator, colon));
  return section;
}
