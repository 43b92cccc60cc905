import type { AnalyzedCommit, ReportWindow } from '../domain/report.js';
import type { CommitGroup, CommitOrder, DaySection } from '../domain/triage.js';
import { orderCommits } from '../report/order.js';
import { anchorElement } from './anchors.js';
import { escapeMarkdownText, escapeTableCell, inlineCode, markdownLink } from './escape.js';
import type { ReportLabels } from '../i18n/renderLabels.js';
import { commitTitle, shortShaOf } from './markdownCommit.js';
import { formatTimestamp } from '../time/format.js';
import type { TriageLabels } from '../i18n/triageLabels.js';
import { weekdayOf } from '../time/calendar.js';

export interface CommitListContext {
  labels: ReportLabels;
  triage: TriageLabels;
  window: ReportWindow;
  order: CommitOrder;
  /** The in-page anchor of a commit's details. */
  anchorOf: (commit: AnalyzedCommit) => string;
}

/**
 * The commit tables: one for a day, one per day (newest day first) for a range. Folded commits (in `folded`) are
 * left to the groups section.
 */
export function commitTableBlocks(
  commits: readonly AnalyzedCommit[],
  days: readonly DaySection[],
  folded: ReadonlySet<string>,
  context: CommitListContext,
): string[] {
  const { triage } = context;
  const isRange = context.window.label.includes('..');
  if (!isRange) return [`### ${triage.commits}`, tableOrFolded(commits.filter((commit) => !folded.has(commit.sha)), commits.length, context)];
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  const blocks: string[] = [];
  for (const day of days) {
    const dayCommits = day.shas.map((sha) => bySha.get(sha)).filter((commit): commit is AnalyzedCommit => commit !== undefined);
    blocks.push(`### ${triage.day(escapeMarkdownText(day.day), weekdayOf(day.day), dayCommits.length)}`);
    blocks.push(tableOrFolded(dayCommits.filter((commit) => !folded.has(commit.sha)), dayCommits.length, context));
  }
  return blocks;
}

function tableOrFolded(shown: AnalyzedCommit[], total: number, context: CommitListContext): string {
  if (shown.length === 0) return context.triage.allFolded(total);
  const table = commitTable(shown, context);
  return shown.length < total ? `${table}\n\n${context.triage.someFolded(total - shown.length)}` : table;
}

function commitTable(commits: AnalyzedCommit[], context: CommitListContext): string {
  const { labels, triage, window } = context;
  const { table } = labels;
  const rows = orderCommits(commits, context.order).map((commit) => {
    const person = window.dateField === 'author' ? commit.author : commit.committer;
    const importance = labels.importance[commit.analysis.importance] + (commit.analysis.breaking ? ' 💥' : '');
    return tableRow([
      importance,
      escapeTableCell(formatTimestamp(person.date, window.timeZone)),
      escapeTableCell(commit.author.name),
      commitTitle(commit, labels),
      `[${inlineCode(shortShaOf(commit), { inTable: true })}](#${context.anchorOf(commit)})`,
    ]);
  });
  return [
    tableRow([triage.importance, table.time, table.author, table.message, table.sha]),
    tableRow(['---', '---', '---', '---', '---']),
    ...rows,
  ].join('\n');
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/**
 * The folded groups: for each, an anchor (foldAnchor) and a list whose first line says what the group is
 * ("**renovate[bot]**: 35 dependency updates (jiff 0.2.34, …)") and whose nested items are its commits. The HTML
 * renderer turns exactly this shape into a closed `<details>` element.
 */
export function groupBlocks(
  groups: readonly CommitGroup[],
  commits: readonly AnalyzedCommit[],
  groupAnchor: (index: number) => string,
  context: Pick<CommitListContext, 'labels' | 'triage'>,
): string[] {
  if (groups.length === 0) return [];
  const { labels, triage } = context;
  const bySha = new Map(commits.map((commit) => [commit.sha, commit]));
  const total = groups.reduce((sum, group) => sum + group.shas.length, 0);
  const blocks = [`### ${triage.groups(total)}`];
  groups.forEach((group, index) => {
    const who = group.kind === 'bot' ? escapeMarkdownText(group.author) || escapeMarkdownText(labels.noSubject) : triage.dependencyGroup;
    const names = group.updates.map((update) =>
      escapeMarkdownText(update.version === undefined ? update.name : `${update.name} ${update.version}`));
    const updates = names.length > 0 ? triage.updateList(names, group.moreUpdates) : '';
    const lines = [`- **${who}**${labels.colon}${triage.groupSize(group.shas.length, group.dependencyUpdates)}${updates}`];
    for (const sha of group.shas) {
      const commit = bySha.get(sha);
      if (commit === undefined) continue;
      const author = group.kind === 'deps' ? ` — ${escapeMarkdownText(commit.author.name)}` : '';
      lines.push(`  - ${markdownLink(inlineCode(shortShaOf(commit)), commit.url)} ${commitTitle(commit, labels)}${author}`);
    }
    blocks.push(anchorElement(groupAnchor(index + 1)), lines.join('\n'));
  });
  return blocks;
}
