import { IMPORTANCE_LEVELS } from '../domain/analysis.js';
import type { AnalyzedCommit, ModelRun, Report, RepositoryReport } from '../domain/report.js';
import { anchorElement, createAnchorAllocator, groupAnchor } from './anchors.js';
import { escapeMarkdownText, escapeTableCell, inlineCode, markdownLink } from './escape.js';
import { renderLabels, type ReportLabels } from '../i18n/renderLabels.js';
import { commitTitle, renderCommitBlocks, shortShaOf } from './markdownCommit.js';
import { modelHeadlineBlocks } from './markdownHeadline.js';
import { formatTimestamp } from '../time/format.js';
import { describeModelRun } from '../i18n/modelRun.js';
import type { Language } from '../domain/language.js';

const RULE = '---';

/**
 * The report as Markdown: one h1, then per repository an h2 with h3 sections and h4 commits.
 * Every in-page link targets an explicit `<a id>` element, never a generated heading slug.
 */
export function renderMarkdown(report: Report): string {
  const labels = renderLabels(report.language);
  const allocateAnchor = createAnchorAllocator();
  const { window } = report;
  const blocks: string[] = [
    `# ${labels.title(escapeMarkdownText(window.label), window.label.includes('..'))}`,
    labels.window(
      escapeMarkdownText(formatTimestamp(window.start, window.timeZone)),
      escapeMarkdownText(formatTimestamp(window.end, window.timeZone)),
      escapeMarkdownText(window.timeZone),
      labels.dateField[window.dateField],
    ),
  ];
  if (report.modelRun !== undefined) blocks.push(modelRunLine(report.modelRun, labels, report.language));
  report.repositories.forEach((repo, index) => {
    // Not `push(...blocks)`: a year of commits is more blocks than a call can take as arguments.
    for (const block of renderRepository(repo, index + 1, report, labels, allocateAnchor)) blocks.push(block);
  });
  if (blocks[blocks.length - 1] !== RULE) blocks.push(RULE);
  blocks.push(footer(report, labels));
  return `${blocks.join('\n\n')}\n`;
}

/** The run's model outcome under the window line: which model, how many commits it analyzed, why the rest were not. */
function modelRunLine(run: ModelRun, labels: ReportLabels, language: Language): string {
  return `**${labels.analysis}**${labels.colon}${labels.analyzer[run.analyzer]} ${inlineCode(run.model)} — ` +
    escapeMarkdownText(describeModelRun(run, language));
}

function renderRepository(
  repo: RepositoryReport,
  repoIndex: number,
  report: Report,
  labels: ReportLabels,
  allocateAnchor: (commit: { sha: string }) => string,
): string[] {
  const blocks = [`## ${markdownLink(escapeMarkdownText(repo.name), repo.webUrl)}`];
  if (repo.error !== undefined) {
    blocks.push(`> **${labels.error}**${labels.colon}${escapeMarkdownText(repo.error)}`);
    return blocks;
  }
  if (repo.ref.trim() !== '') blocks.push(`**${labels.ref}**${labels.colon}${inlineCode(repo.ref)}`);
  for (const warning of repo.warnings) blocks.push(`> ⚠️ ${escapeMarkdownText(warning)}`);
  blocks.push(...modelHeadlineBlocks(repo.modelHeadline, labels));

  const anchors = new Map<AnalyzedCommit, string>(repo.commits.map((commit) => [commit, allocateAnchor(commit)]));
  const anchorOf = (commit: AnalyzedCommit): string => anchors.get(commit) ?? '';
  blocks.push(repo.commits.length > 0 ? commitTable(repo.commits, report, labels, anchorOf) : labels.noCommits);
  blocks.push(`### ${labels.statistics}`, statistics(repo, labels));
  if (repo.commits.length === 0) return blocks;

  const groups = IMPORTANCE_LEVELS
    .map((importance) => ({
      importance,
      anchor: groupAnchor(repoIndex, importance),
      commits: repo.commits.filter((commit) => commit.analysis.importance === importance),
    }))
    .filter((group) => group.commits.length > 0);

  blocks.push(`### ${labels.contents}`, groups.flatMap((group) => [
    `- [${labels.importanceGroup(group.importance, group.commits.length)}](#${group.anchor})`,
    ...group.commits.map((commit) => `  - [${commitTitle(commit, labels)}](#${anchorOf(commit)})`),
  ]).join('\n'));

  for (const group of groups) {
    blocks.push(anchorElement(group.anchor), `### ${labels.importanceGroup(group.importance, group.commits.length)}`);
    for (const commit of group.commits) {
      blocks.push(...renderCommitBlocks(commit, {
        labels, language: report.language, window: report.window, repoWebUrl: repo.webUrl, anchor: anchorOf(commit),
      }), RULE);
    }
  }
  return blocks;
}

function commitTable(
  commits: AnalyzedCommit[],
  report: Report,
  labels: ReportLabels,
  anchorOf: (commit: AnalyzedCommit) => string,
): string {
  const { table } = labels;
  const rows = commits.map((commit) => {
    const person = report.window.dateField === 'author' ? commit.author : commit.committer;
    return tableRow([
      escapeTableCell(formatTimestamp(person.date, report.window.timeZone)),
      escapeTableCell(commit.author.name),
      commitTitle(commit, labels),
      `[${inlineCode(shortShaOf(commit), { inTable: true })}](#${anchorOf(commit)})`,
    ]);
  });
  return [
    tableRow([table.time, table.author, table.message, table.sha]),
    tableRow(['---', '---', '---', '---']),
    ...rows,
  ].join('\n');
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function statistics(repo: RepositoryReport, labels: ReportLabels): string {
  const { stats } = repo;
  const counts = (['high', 'medium', 'low'] as const)
    .map((importance) => `${labels.importance[importance]}${labels.colon}${stats[importance]}`)
    .join(labels.listSeparator);
  return [
    `- ${labels.commits}${labels.colon}${stats.commits}`,
    `- ${counts}`,
    `- ${labels.authors}${labels.colon}${stats.authors}`,
    `- ${labels.lines}${labels.colon}+${stats.additions} / −${stats.deletions}`,
  ].join('\n');
}

function footer(report: Report, labels: ReportLabels): string {
  const generated = `${labels.generatedAt}${labels.colon}` +
    `${escapeMarkdownText(formatTimestamp(report.generatedAt, report.window.timeZone))} ` +
    `(${escapeMarkdownText(report.window.timeZone)})`;
  if (report.usage === undefined) return generated;
  return `${generated}${labels.listSeparator}${labels.tokenUsage(report.usage.promptTokens, report.usage.completionTokens)}`;
}
