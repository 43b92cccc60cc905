import { IMPORTANCE_LEVELS } from '../domain/analysis.js';
import type { ModelRun, Report, RepositoryReport } from '../domain/report.js';
import { webKindOfUrl, webLinks } from '../git/hosting/webLinks.js';
import type { WebLinks } from '../git/hosting/webLinks.js';
import { foldedShas } from '../report/groups.js';
import { triageFieldsOf } from '../report/triage.js';
import { anchorElement, createAnchorAllocator, foldAnchor, groupAnchor, sectionAnchor } from './anchors.js';
import { computeStatistics } from '../report/statistics.js';
import { statisticsLabels } from '../i18n/statisticsLabels.js';
import { contentsBlocks, importanceEntries, statisticsBlocks } from './markdownStatistics.js';
import type { ContentsEntry } from './markdownStatistics.js';
import { escapeMarkdownText, inlineCode, markdownLink } from './escape.js';
import { renderLabels, type ReportLabels } from '../i18n/renderLabels.js';
import { triageLabels } from '../i18n/triageLabels.js';
import { renderCommitBlocks } from './markdownCommit.js';
import { commitTableBlocks, groupBlocks } from './markdownCommits.js';
import { glanceBlocks } from './markdownGlance.js';
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
  const rendered = report.repositories.map((repo, index) => renderRepository(repo, index + 1, report, labels, allocateAnchor));
  const contents = rendered.flatMap((repo) => (repo.contents === undefined ? [] : [repo.contents]));
  blocks.push(...contentsBlocks(contents, statisticsLabels(report.language), labels.colon, labels.listSeparator));
  for (const repo of rendered) {
    // Not `push(...blocks)`: a year of commits is more blocks than a call can take as arguments.
    for (const block of repo.blocks) blocks.push(block);
  }
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
): { blocks: string[]; contents?: ContentsEntry } {
  const blocks = [`## ${markdownLink(escapeMarkdownText(repo.name), repo.webUrl)}`];
  if (repo.error !== undefined) {
    blocks.push(`> **${labels.error}**${labels.colon}${escapeMarkdownText(repo.error)}`);
    return { blocks };
  }
  if (repo.ref.trim() !== '') blocks.push(`**${labels.ref}**${labels.colon}${inlineCode(repo.ref)}`);
  for (const warning of repo.warnings) blocks.push(`> ⚠️ ${escapeMarkdownText(warning)}`);

  const { glance, groups, days } = triageFieldsOf(repo, { language: report.language, window: report.window });
  const folded = foldedShas(groups);
  const shown = repo.commits.filter((commit) => !folded.has(commit.sha));
  // Every commit is given its anchor in order, folded ones too (their details are not written), so the ids are those
  // src/shared/reportIndex.ts gives the same commits.
  const anchors = new Map<string, string>(repo.commits.map((commit) => [commit.sha, allocateAnchor(commit)]));
  const anchorOf = (commit: { sha: string }): string => anchors.get(commit.sha) ?? '';
  const sections = IMPORTANCE_LEVELS
    .map((importance) => ({
      importance,
      anchor: groupAnchor(repoIndex, importance),
      commits: shown.filter((commit) => commit.analysis.importance === importance),
    }))
    .filter((section) => section.commits.length > 0);

  const triageText = triageLabels(report.language);
  const links = webLinksOf(repo);
  blocks.push(anchorElement(sectionAnchor(repoIndex, 'glance')));
  blocks.push(...glanceBlocks(repo, glance, {
    labels, triage: triageText,
    commitAnchor: (sha) => anchors.get(sha),
    importanceAnchor: (importance) => sections.find((section) => section.importance === importance)?.anchor,
  }));
  if (repo.commits.length === 0) return { blocks };
  const listContext = { labels, triage: triageText, window: report.window, order: report.order ?? 'importance', anchorOf };
  blocks.push(anchorElement(sectionAnchor(repoIndex, 'commits')));
  blocks.push(...commitTableBlocks(repo.commits, days, folded, listContext));
  blocks.push(...groupBlocks(groups, repo.commits, (index) => foldAnchor(repoIndex, index), listContext));
  const words = statisticsLabels(report.language);
  blocks.push(...statisticsBlocks(computeStatistics(repo.commits), sectionAnchor(repoIndex, 'stats'), words, labels));
  const contents: ContentsEntry = {
    name: repo.name,
    sections: [
      [triageText.glance, sectionAnchor(repoIndex, 'glance')],
      [triageText.commits, sectionAnchor(repoIndex, 'commits')],
      ...(groups.length > 0 ? [[triageText.groups(folded.size), foldAnchor(repoIndex, 1)] as [string, string]] : []),
      [words.statistics, sectionAnchor(repoIndex, 'stats')],
      ...importanceEntries(sections, labels),
    ],
  };

  for (const section of sections) {
    // The glance counts every commit; a section lists those not folded, and says how many of its kind are folded.
    const foldedHere = repo.commits.filter((commit) => folded.has(commit.sha) && commit.analysis.importance === section.importance).length;
    const title = labels.importanceGroup(section.importance, section.commits.length);
    blocks.push(anchorElement(section.anchor), `### ${foldedHere > 0 ? `${title} ${triageText.foldedInSection(foldedHere)}` : title}`);
    for (const commit of section.commits) {
      blocks.push(...renderCommitBlocks(commit, {
        labels, language: report.language, window: report.window, repoWebUrl: repo.webUrl, repoWebKind: links?.kind,
        anchor: anchorOf(commit), fileUrl: links && ((sha, path) => links.file(sha, path)),
      }), RULE);
    }
  }
  return { blocks, contents };
}

/** The repository's web links, by its kind (given, or told by its URL), when its pages are known. */
function webLinksOf(repo: RepositoryReport): WebLinks | undefined {
  if (repo.webUrl === undefined) return undefined;
  const kind = repo.webKind ?? webKindOfUrl(repo.webUrl);
  return kind === undefined ? undefined : webLinks(kind, repo.webUrl);
}

function footer(report: Report, labels: ReportLabels): string {
  const generated = `${labels.generatedAt}${labels.colon}` +
    `${escapeMarkdownText(formatTimestamp(report.generatedAt, report.window.timeZone))} ` +
    `(${escapeMarkdownText(report.window.timeZone)})`;
  if (report.usage === undefined) return generated;
  return `${generated}${labels.listSeparator}${labels.tokenUsage(report.usage.promptTokens, report.usage.completionTokens)}`;
}
