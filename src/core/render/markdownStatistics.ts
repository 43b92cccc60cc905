import type { Importance } from '../domain/analysis.js';
import type { Statistics } from '../report/statistics.js';
import type { ReportLabels } from '../i18n/renderLabels.js';
import type { StatisticsLabels } from '../i18n/statisticsLabels.js';
import { anchorElement } from './anchors.js';
import { escapeMarkdownText, escapeTableCell, inlineCode } from './escape.js';

/** The Statistics section of a repository: files and modules, then a table of modules and one of authors. */
export function statisticsBlocks(stats: Statistics, anchor: string, words: StatisticsLabels, labels: ReportLabels): string[] {
  const blocks = [anchorElement(anchor), `### ${words.statistics}`, words.filesLine(stats.files, stats.modules.length + stats.moreModules)];
  if (stats.modules.length > 0) {
    blocks.push(table(
      [words.module, words.commits, words.files, words.added, words.removed],
      stats.modules.map((row) => [inlineCode(row.name, { inTable: true }), row.commits, row.files, `+${row.additions}`, `−${row.deletions}`]),
      stats.moreModules, words,
    ));
  }
  if (stats.authors.length > 0) {
    blocks.push(table(
      [words.author, words.commits, words.added, words.removed],
      stats.authors.map((row) => [escapeTableCell(row.name) || escapeTableCell(labels.noSubject), row.commits, `+${row.additions}`, `−${row.deletions}`]),
      stats.moreAuthors, words,
    ));
  }
  return blocks;
}

function table(header: string[], rows: (string | number)[][], more: number, words: StatisticsLabels): string {
  const lines = [row(header), row(header.map(() => '---')), ...rows.map((cells) => row(cells.map(String)))];
  if (more > 0) lines.push(row([words.moreRows(more), ...header.slice(1).map(() => '')]));
  return lines.join('\n');
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** One repository's entry in the contents: its sections that the report has, each a link. */
export interface ContentsEntry {
  name: string;
  /** The repository's sections, in order, as [escaped text, anchor]. */
  sections: [string, string][];
}

/** The report's contents: one line per repository with commits, linking its sections. */
export function contentsBlocks(entries: readonly ContentsEntry[], words: StatisticsLabels, colon: string, separator: string): string[] {
  if (entries.length === 0) return [];
  const lines = entries.map((entry) => `- ${escapeMarkdownText(entry.name)}${colon}` +
    entry.sections.map(([text, anchor]) => `[${text}](#${anchor})`).join(separator));
  return [`## ${words.contents}`, lines.join('\n')];
}

/** The importance sections' entries, in order. */
export function importanceEntries(
  sections: readonly { importance: Importance; anchor: string; commits: readonly unknown[] }[],
  labels: ReportLabels,
): [string, string][] {
  return sections.map((section) => [labels.importanceGroup(section.importance, section.commits.length), section.anchor]);
}
