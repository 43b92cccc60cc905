import type { Importance } from '../domain/analysis.js';
import type { Statistics } from '../report/statistics.js';
import type { ReportLabels } from '../i18n/renderLabels.js';
import type { StatisticsLabels } from '../i18n/statisticsLabels.js';
import { statisticsText } from '../report/statisticsText.js';
import type { StatisticsCell, StatisticsTable } from '../report/statisticsText.js';
import { anchorElement } from './anchors.js';
import { escapeMarkdownText, escapeTableCell, inlineCode } from './escape.js';

/** The Statistics section of a repository: files and modules, then a table of modules and one of authors. */
export function statisticsBlocks(stats: Statistics, anchor: string, words: StatisticsLabels, labels: ReportLabels): string[] {
  const text = statisticsText(stats, words, labels.noSubject);
  return [anchorElement(anchor), `### ${words.statistics}`, text.line, ...text.tables.map((source) => table(source, labels.noSubject))];
}

function table(source: StatisticsTable, noName: string): string {
  const lines = [row(source.header), row(source.header.map(() => '---')), ...source.rows.map((cells) => row(cells.map((item) => cell(item, noName))))];
  if (source.more !== undefined) lines.push(row([source.more, ...source.header.slice(1).map(() => '')]));
  return lines.join('\n');
}

/** A cell as Markdown: a module as code, a name escaped (an author whose name escapes to nothing as `noName`). */
function cell(item: StatisticsCell, noName: string): string {
  if (item.kind === 'code') return inlineCode(item.text, { inTable: true });
  if (item.kind === 'name') return escapeTableCell(item.text) || escapeTableCell(noName);
  return item.text;
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
