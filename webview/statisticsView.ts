// A repository's Statistics section: the files line and the tables of modules and authors (src/shared/statisticsRows.ts),
// over the commits that pass the filters, so it is rebuilt with the table. Names and modules are the report's (hostile)
// text: they go in as text only.
import type { StatisticsLabels } from '../src/core/i18n/statisticsLabels.js';
import type { FilteredStatistics } from '../src/shared/statisticsRows.js';
import type { StatisticsTable } from '../src/core/report/statisticsText.js';
import { statisticsText } from '../src/core/report/statisticsText.js';
import { code, el } from './dom.js';
import type { WebviewWords } from './words.js';

export interface StatisticsContext {
  words: StatisticsLabels;
  viewWords: WebviewWords;
  noName: string;
  /** The filters hide some commits: the section says how many it counts. */
  filtering: boolean;
}

function table(source: StatisticsTable): HTMLTableElement {
  const element = el('table', `dd-stats-table dd-stats-${source.kind}`);
  const head = el('thead');
  const header = el('tr');
  header.append(...source.header.map((title, index) => el('th', index === 0 ? undefined : 'dd-num', title)));
  head.append(header);
  const body = el('tbody');
  for (const cells of source.rows) {
    const row = el('tr');
    for (const cell of cells) {
      if (cell.kind === 'code') {
        const td = el('td', 'dd-stats-name');
        td.append(code(cell.text));
        row.append(td);
      } else {
        row.append(el('td', cell.kind === 'name' ? 'dd-stats-name' : `dd-num${cell.kind === 'count' ? '' : ` dd-${cell.kind}`}`, cell.text));
      }
    }
    body.append(row);
  }
  if (source.more !== undefined) {
    const row = el('tr', 'dd-stats-more');
    const cell = el('td', 'dd-muted', source.more);
    cell.colSpan = source.header.length;
    row.append(cell);
    body.append(row);
  }
  element.append(head, body);
  return element;
}

/** The section's body (under its heading). */
export function renderStatistics(filtered: FilteredStatistics, context: StatisticsContext): Node[] {
  if (filtered.counted === 0) return [el('p', 'dd-muted', context.viewWords.noMatch)];
  const text = statisticsText(filtered.stats, context.words, context.noName);
  const line = el('p', 'dd-stats-line', text.line);
  if (context.filtering) line.append(' ', el('span', 'dd-muted', `(${context.viewWords.shown(filtered.counted, filtered.total)})`));
  const tables = el('div', 'dd-stats-tables');
  tables.append(...text.tables.map(table));
  return text.tables.length > 0 ? [line, tables] : [line];
}
