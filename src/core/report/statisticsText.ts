// A repository's Statistics section as text: the files line and the tables of modules and authors with their
// "N more" rows. The Markdown report (render/markdownStatistics.ts) and the report view (webview/statisticsView.ts)
// both write these tables, each in its own markup.
import type { StatisticsLabels } from '../i18n/statisticsLabels.js';
import type { Statistics } from './statistics.js';

export interface StatisticsCell {
  text: string;
  /** How the cell is shown: a name as text, a module as code, a count, lines added or removed. */
  kind: 'name' | 'code' | 'count' | 'added' | 'removed';
}

export interface StatisticsTable {
  kind: 'modules' | 'authors';
  header: string[];
  rows: StatisticsCell[][];
  /** The row under a table cut at its limit ("3 more"). */
  more?: string;
}

export interface StatisticsText {
  line: string;
  tables: StatisticsTable[];
}

const count = (value: number): StatisticsCell => ({ text: String(value), kind: 'count' });
const added = (value: number): StatisticsCell => ({ text: `+${value}`, kind: 'added' });
const removed = (value: number): StatisticsCell => ({ text: `−${value}`, kind: 'removed' });

/** The section's text; `noName` stands for an author with an empty name (as in the Markdown report). */
export function statisticsText(stats: Statistics, words: StatisticsLabels, noName: string): StatisticsText {
  const tables: StatisticsTable[] = [];
  const more = (rest: number): { more?: string } => (rest > 0 ? { more: words.moreRows(rest) } : {});
  if (stats.modules.length > 0) {
    tables.push({
      kind: 'modules',
      header: [words.module, words.commits, words.files, words.added, words.removed],
      rows: stats.modules.map((row) => [
        { text: row.name, kind: 'code' }, count(row.commits), count(row.files), added(row.additions), removed(row.deletions),
      ]),
      ...more(stats.moreModules),
    });
  }
  if (stats.authors.length > 0) {
    tables.push({
      kind: 'authors',
      header: [words.author, words.commits, words.added, words.removed],
      rows: stats.authors.map((row) => [
        { text: row.name.trim() === '' ? noName : row.name, kind: 'name' }, count(row.commits), added(row.additions), removed(row.deletions),
      ]),
      ...more(stats.moreAuthors),
    });
  }
  return { line: words.filesLine(stats.files, stats.modules.length + stats.moreModules), tables };
}
