// The Contents under the title: per repository with commits, links to its glance, commit table, statistics and commit
// details. Plain `#id` links: the page's one click handler scrolls to them (main.ts reveal), the CSP allows no other way.
import type { ReportLabels } from '../src/core/i18n/renderLabels.js';
import type { StatisticsLabels } from '../src/core/i18n/statisticsLabels.js';
import type { TriageLabels } from '../src/core/i18n/triageLabels.js';
import type { ContentsItem, ViewSection } from '../src/shared/reportContents.js';
import { el } from './dom.js';
import type { WebviewWords } from './words.js';

export interface ContentsContext {
  labels: ReportLabels;
  triage: TriageLabels;
  statistics: StatisticsLabels;
  words: WebviewWords;
}

function sectionTitle(section: ViewSection, context: ContentsContext): string {
  switch (section) {
    case 'glance': return context.triage.glance;
    case 'commits': return context.triage.commits;
    case 'stats': return context.statistics.statistics;
    case 'details': return context.words.details;
  }
}

export function renderContents(items: readonly ContentsItem[], context: ContentsContext): HTMLElement {
  const nav = el('nav', 'dd-contents');
  nav.setAttribute('aria-label', context.statistics.contents);
  nav.append(el('p', 'dd-contents-title', context.statistics.contents));
  const list = el('ul');
  for (const item of items) {
    const line = el('li');
    line.append(el('span', 'dd-contents-repo', item.name), context.labels.colon);
    item.sections.forEach(({ section, anchor }, index) => {
      if (index > 0) line.append(context.labels.listSeparator);
      const link = el('a', 'dd-contents-link', sectionTitle(section, context));
      link.href = `#${anchor}`;
      line.append(link);
    });
    list.append(line);
  }
  nav.append(list);
  return nav;
}
