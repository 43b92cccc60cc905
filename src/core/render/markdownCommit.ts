import type { Language } from '../domain/language.js';
import { fallbackLabel } from '../i18n/modelRun.js';
import type { Analysis, Importance } from '../domain/analysis.js';
import type { FileChange } from '../domain/commit.js';
import type { AnalyzedCommit, ReportWindow } from '../domain/report.js';
import { collapseWhitespace } from '../text.js';
import type { WebKind } from '../domain/web.js';
import { webKindOfUrl, webLinks } from '../git/hosting/webLinks.js';
import { anchorElement } from './anchors.js';
import { escapeMarkdownText, escapeProse, inlineCode, markdownLink, safeHttpUrl } from './escape.js';
import type { ReportLabels } from '../i18n/renderLabels.js';
import { formatTimestamp } from '../time/format.js';

/** Files listed per commit; the rest are counted in one "…and N more" line. */
export const MAX_FILES_LISTED = 50;

export interface CommitContext {
  labels: ReportLabels;
  language: Language;
  window: ReportWindow;
  /** Web URL of the repository, used for the pull-request link. */
  repoWebUrl?: string;
  /** How the repository's web pages are laid out; guessed from repoWebUrl when left out. */
  repoWebKind?: WebKind;
  /** The web page of a file as it is at a commit, when the repository's pages are known. */
  fileUrl?: (sha: string, path: string) => string | undefined;
  anchor: string;
}

/** The Markdown blocks of one commit: full form for high/medium importance, short form for low. */
export function renderCommitBlocks(commit: AnalyzedCommit, context: CommitContext): string[] {
  const { labels } = context;
  const blocks = [
    anchorElement(context.anchor),
    `#### ${commitTitle(commit, labels)}`,
    identityLine(commit, context),
  ];
  if (commit.unreadable !== undefined) {
    blocks.push(`> ${labels.unreadable(escapeMarkdownText(commit.unreadable), inlineCode('git fetch'))}`);
  }
  if (commit.analysis.importance === 'low') {
    blocks.push(shortFields(commit, context));
    // A model's analysis is shown whole at every importance: what it wrote is what the user asked it for.
    if (commit.analysis.analyzer !== 'heuristic') blocks.push(...modelSections(commit, labels));
    return blocks;
  }
  blocks.push(headerFields(commit, context));
  blocks.push(...section(labels.summary, summaryBlocks(commit.analysis.summary, labels)));
  blocks.push(...section(labels.impactScope, [moduleList(commit, labels)]));
  blocks.push(...section(labels.insights, [insightList(commit, labels)]));
  blocks.push(...section(labels.risks, [numberedList(commit.analysis.risks, labels)]));
  blocks.push(...section(labels.recommendations, [bulletList(commit.analysis.recommendations, labels)]));
  const notes = commitNotes(commit, labels);
  if (notes.length > 0) blocks.push(...section(labels.notes, [bulletList(notes, labels)]));
  const totalFiles = Math.max(commit.filesTotal?.files ?? 0, commit.files.length);
  const fileUrl = context.fileUrl && ((path: string) => context.fileUrl?.(commit.sha, path));
  blocks.push(...section(labels.files(totalFiles), [fileList(commit.files, totalFiles, labels, fileUrl)]));
  return blocks;
}

export function commitTitle(commit: AnalyzedCommit, labels: ReportLabels): string {
  const subject = escapeMarkdownText(commit.subject);
  return subject === '' ? escapeMarkdownText(labels.noSubject) : subject;
}

export function shortShaOf(commit: AnalyzedCommit): string {
  const fromShort = commit.shortSha.toLowerCase().replace(/[^0-9a-f]/g, '');
  return fromShort !== '' ? fromShort : commit.sha.toLowerCase().replace(/[^0-9a-f]/g, '').slice(0, 7);
}

function identityLine(commit: AnalyzedCommit, context: CommitContext): string {
  const { labels, window } = context;
  const person = window.dateField === 'author' ? commit.author : commit.committer;
  return [
    `**${labels.sha}**${labels.colon}${markdownLink(inlineCode(shortShaOf(commit)), commit.url)}`,
    `**${labels.author}**${labels.colon}${escapeMarkdownText(commit.author.name)}`,
    `**${labels.time}**${labels.colon}${escapeMarkdownText(formatTimestamp(person.date, window.timeZone))}`,
  ].join(labels.listSeparator);
}

function changeTypeValue(commit: AnalyzedCommit, labels: ReportLabels): string {
  const type = labels.changeType[commit.analysis.changeType];
  const scope = commit.analysis.conventionalScope;
  return scope === undefined || scope.trim() === '' ? type : labels.withScope(type, inlineCode(scope));
}

function importanceValue(importance: Importance, labels: ReportLabels): string {
  return labels.importance[importance];
}

function field(label: string, value: string, colon: string): string {
  return `- **${label}**${colon}${value}`;
}

/** Who analyzed the commit: the offline rules, a model (named), or the offline rules in a model's stead (why). */
export function analyzerValue(analysis: Analysis, labels: ReportLabels, language: Language): string {
  if (analysis.fallback !== undefined) return labels.offlineInstead(escapeMarkdownText(fallbackLabel(analysis.fallback, language)));
  const analyzer = labels.analyzer[analysis.analyzer];
  return analysis.model === undefined ? analyzer : `${analyzer} ${inlineCode(analysis.model)}`;
}

function shortFields(commit: AnalyzedCommit, context: CommitContext): string {
  const { labels } = context;
  const { analysis } = commit;
  const byModel = analysis.analyzer !== 'heuristic';
  const lines = [
    field(labels.changeTypeField, changeTypeValue(commit, labels), labels.colon),
    field(labels.importanceField, importanceValue(analysis.importance, labels), labels.colon),
    ...(byModel ? analysis.reasons.map((reason) => `  - ${escapeProse(reason)}`) : []),
    field(labels.summary, oneLineOrNone(analysis.summary, labels), labels.colon),
    field(labels.analysis, analyzerValue(analysis, labels, context.language), labels.colon),
  ];
  const notes = commitNotes(commit, labels);
  if (notes.length > 0) {
    lines.push(field(labels.notes, notes.map(escapeMarkdownText).join(labels.listSeparator), labels.colon));
  }
  return lines.join('\n');
}

function headerFields(commit: AnalyzedCommit, context: CommitContext): string {
  const { labels } = context;
  const { analysis } = commit;
  const lines = [
    field(labels.changeTypeField, changeTypeValue(commit, labels), labels.colon),
    field(labels.importanceField,
      `${importanceValue(analysis.importance, labels)}${labels.listSeparator}${labels.score} ${analysis.score}`,
      labels.colon),
    ...analysis.reasons.map((reason) => `  - ${escapeProse(reason)}`),
    field(labels.breaking, analysis.breaking ? labels.yes : labels.no, labels.colon),
  ];
  const coAuthors = coAuthorNames(commit);
  if (coAuthors.length > 0) {
    lines.push(field(labels.coAuthors, coAuthors.map(escapeMarkdownText).join(labels.listSeparator), labels.colon));
  }
  if (commit.prNumber !== undefined) {
    lines.push(field(labels.pullRequest, markdownLink(`\\#${commit.prNumber}`, pullRequestUrl(context.repoWebUrl, commit.prNumber, context.repoWebKind)),
      labels.colon));
  }
  lines.push(field(labels.analysis, analyzerValue(analysis, labels, context.language), labels.colon));
  return lines.join('\n');
}

/** The model's insights, risks and recommendations of a short entry, each only when it has any. */
function modelSections(commit: AnalyzedCommit, labels: ReportLabels): string[] {
  const { analysis } = commit;
  const blocks: string[] = [];
  const { architecture, performance, security } = analysis.insights;
  if (architecture.length + performance.length + security.length > 0) blocks.push(...section(labels.insights, [insightList(commit, labels)]));
  if (analysis.risks.length > 0) blocks.push(...section(labels.risks, [numberedList(analysis.risks, labels)]));
  if (analysis.recommendations.length > 0) blocks.push(...section(labels.recommendations, [bulletList(analysis.recommendations, labels)]));
  return blocks;
}

function section(label: string, body: string[]): string[] {
  return [`**${label}**`, ...body];
}

function summaryBlocks(summary: string, labels: ReportLabels): string[] {
  const paragraphs = summary.split(/\n\s*\n/).map(escapeProse).filter((paragraph) => paragraph !== '');
  return paragraphs.length > 0 ? paragraphs : [labels.none];
}

function oneLineOrNone(text: string, labels: ReportLabels): string {
  const line = escapeProse(text);
  return line === '' ? labels.none : line;
}

function bulletList(items: string[], labels: ReportLabels): string {
  const lines = items.map(escapeProse).filter((item) => item !== '');
  return lines.length > 0 ? lines.map((item) => `- ${item}`).join('\n') : labels.none;
}

function numberedList(items: string[], labels: ReportLabels): string {
  const lines = items.map(escapeProse).filter((item) => item !== '');
  return lines.length > 0 ? lines.map((item, index) => `${index + 1}. ${item}`).join('\n') : labels.none;
}

function lineCounts(additions: number, deletions: number): string {
  return `+${additions} / −${deletions}`;
}

function moduleList(commit: AnalyzedCommit, labels: ReportLabels): string {
  const modules = commit.analysis.scope;
  if (modules.length === 0) return labels.none;
  return modules
    .map((impact) => `- ${inlineCode(impact.module)} — ${labels.moduleImpact(impact.files)}${labels.listSeparator}` +
      lineCounts(impact.additions, impact.deletions))
    .join('\n');
}

function insightList(commit: AnalyzedCommit, labels: ReportLabels): string {
  const { insights } = commit.analysis;
  const lenses: [string, string[]][] = [
    [labels.architecture, insights.architecture],
    [labels.performance, insights.performance],
    [labels.security, insights.security],
  ];
  const lines: string[] = [];
  for (const [lens, items] of lenses) {
    const escaped = items.map(escapeProse).filter((item) => item !== '');
    if (escaped.length === 0) continue;
    lines.push(`- **${lens}**`, ...escaped.map((item) => `  - ${item}`));
  }
  return lines.length > 0 ? lines.join('\n') : labels.none;
}

/** Analysis caveats, grounding drops and a truncated file list, in that order. */
function commitNotes(commit: AnalyzedCommit, labels: ReportLabels): string[] {
  const notes = [...commit.analysis.notes];
  const grounding = commit.analysis.grounding;
  if (grounding !== undefined && grounding.dropped > 0) {
    const reasons = grounding.reasons.map(collapseWhitespace).filter((reason) => reason !== '');
    notes.push(reasons.length > 0
      ? `${labels.groundingDropped(grounding.dropped)}${labels.colon}${reasons.join('; ')}`
      : labels.groundingDropped(grounding.dropped));
  }
  if (commit.filesTruncated === true) notes.push(labels.filesTruncatedByGit);
  return notes;
}

/** Lists up to MAX_FILES_LISTED files; `totalFiles` also counts files git's list left out (filesTotal). */
function fileList(files: FileChange[], totalFiles: number, labels: ReportLabels, fileUrl?: (path: string) => string | undefined): string {
  if (files.length === 0) return labels.none;
  const lines = files.slice(0, MAX_FILES_LISTED).map((file) => {
    // A deleted file has no page at the commit.
    const newPath = markdownLink(inlineCode(file.path), file.status === 'D' ? undefined : fileUrl?.(file.path));
    const path = file.oldPath !== undefined && (file.status === 'R' || file.status === 'C')
      ? `${inlineCode(file.oldPath)} → ${newPath}`
      : newPath;
    const counts = file.binary ? labels.binary : lineCounts(file.additions, file.deletions);
    return `- ${path} — ${labels.fileStatus[file.status]}${labels.listSeparator}${counts}`;
  });
  const listed = Math.min(files.length, MAX_FILES_LISTED);
  if (totalFiles > listed) lines.push(`- ${labels.moreFiles(totalFiles - listed)}`);
  return lines.join('\n');
}

/**
 * `value` without a final `<address>`, as `value.replace(/<[^>]*>\s*$/, '')` (quadratic in hostile text with many `<`):
 * the address starts at the first `<` after the `>` before the last one.
 */
export function withoutTrailingAddress(value: string): string {
  const end = value.trimEnd();
  if (!end.endsWith('>')) return value;
  const open = end.indexOf('<', end.lastIndexOf('>', end.length - 2) + 1);
  return open >= 0 && open < end.length - 1 ? end.slice(0, open) : value;
}

/** Names from `Co-authored-by: Name <email>` trailers, without the address. */
function coAuthorNames(commit: AnalyzedCommit): string[] {
  return commit.trailers
    .filter((trailer) => trailer.key.toLowerCase() === 'co-authored-by')
    .map((trailer) => withoutTrailingAddress(trailer.value).trim())
    .filter((name) => name !== '');
}

/** The pull (merge) request page, for a repository whose kind of web front end is known (given or by its URL). */
export function pullRequestUrl(repoWebUrl: string | undefined, prNumber: number, kind?: WebKind): string | undefined {
  const base = safeHttpUrl(repoWebUrl);
  if (base === undefined || !Number.isSafeInteger(prNumber) || prNumber <= 0) return undefined;
  const webKind = kind ?? webKindOfUrl(base);
  return webKind === undefined ? undefined : webLinks(webKind, base)?.pullRequest(prNumber);
}
