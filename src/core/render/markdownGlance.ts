import type { Importance } from '../domain/analysis.js';
import type { RepositoryReport } from '../domain/report.js';
import type { Glance, GlanceItem } from '../domain/triage.js';
import { escapeMarkdownText, inlineCode } from './escape.js';
import type { ReportLabels } from '../i18n/renderLabels.js';
import type { TriageLabels } from '../i18n/triageLabels.js';

export const IMPORTANCE_EMOJI: Record<Importance, string> = { high: '🔴', medium: '🟡', low: '🟢' };
const BREAKING_EMOJI = '💥';

export interface GlanceContext {
  labels: ReportLabels;
  triage: TriageLabels;
  /** The in-page anchor of a commit's details, when the report has them. */
  commitAnchor: (sha: string) => string | undefined;
  /** The anchor of an importance section, when the report has that section. */
  importanceAnchor: (importance: Importance) => string | undefined;
}

/** The glance section of a repository: its totals, the changes that matter, then types, modules and authors. */
export function glanceBlocks(repo: RepositoryReport, glance: Glance, context: GlanceContext): string[] {
  const { labels, triage } = context;
  const blocks = [`### ${triage.glance}`];
  if (glance.commits === 0) {
    const last = repo.lastCommitDay === undefined ? '' : ` ${triage.lastCommit(escapeMarkdownText(repo.lastCommitDay))}`;
    blocks.push(`${labels.noCommits}${last}`);
    return blocks;
  }
  blocks.push(totalsLine(repo, glance, context));
  blocks.push(headlineList(glance, context));
  // Paragraphs, not a list: a list right after the headline's list would join it.
  const facts = [
    `**${triage.types}**${labels.colon}` +
      glance.types.map((entry) => `${labels.changeType[entry.type]} ${entry.commits}`).join(labels.listSeparator),
  ];
  if (glance.modules.length > 0) {
    facts.push(`**${triage.modules}**${labels.colon}` + glance.modules
      .map((entry) => triage.moduleEntry(inlineCode(entry.name), entry.commits, entry.additions, entry.deletions))
      .join(labels.listSeparator));
  }
  const authors = glance.authors.map((entry) => triage.authorEntry(escapeMarkdownText(entry.name), entry.commits));
  if (glance.otherAuthors > 0) authors.push(triage.otherAuthors(glance.otherAuthors));
  facts.push(`**${triage.authors}**${labels.colon}${authors.join(labels.listSeparator)}`);
  blocks.push(...facts);
  return blocks;
}

/** "**5 commits by 4 authors, +400 / −81 lines**: 🔴 High 2 · …", each count linking to its section. */
function totalsLine(repo: RepositoryReport, glance: Glance, context: GlanceContext): string {
  const { labels, triage } = context;
  const counts = (['high', 'medium', 'low'] as const).map((importance) => {
    const text = `${labels.importance[importance]} ${glance[importance]}`;
    const anchor = glance[importance] > 0 ? context.importanceAnchor(importance) : undefined;
    return anchor === undefined ? text : `[${text}](#${anchor})`;
  });
  if (glance.breakingChanges > 0) counts.push(`${triage.breaking} ${glance.breakingChanges}`);
  const totals = triage.totals(glance.commits, repo.stats.authors, repo.stats.additions, repo.stats.deletions);
  return `**${totals}**${labels.colon}${counts.join(labels.listSeparator)}`;
}

function headlineList(glance: Glance, context: GlanceContext): string {
  if (glance.headline.length === 0) return context.triage.nothingNotable;
  const lines = glance.headline.map((item) => `- ${headlineItem(item, context)}`);
  if (glance.more > 0) lines.push(`- ${context.triage.moreNotable(glance.more)}`);
  return lines.join('\n');
}

/** `💥 [`abc1234`](#c-abc1234…) Drop the v1 API — `--legacy`, `Client.connect`` */
function headlineItem(item: GlanceItem, context: GlanceContext): string {
  const marker = item.breaking ? BREAKING_EMOJI : IMPORTANCE_EMOJI[item.importance];
  const sha = inlineCode(item.sha.toLowerCase().replace(/[^0-9a-f]/g, '').slice(0, 7) || '?');
  const anchor = context.commitAnchor(item.sha);
  const gist = escapeMarkdownText(item.gist);
  const details = item.details.map((detail) => (/\s/.test(detail.trim()) ? escapeMarkdownText(detail) : inlineCode(detail)));
  return [
    marker,
    anchor === undefined ? sha : `[${sha}](#${anchor})`,
    gist === '' ? escapeMarkdownText(context.labels.noSubject) : gist,
  ].join(' ') + (details.length > 0 ? ` — ${details.join(context.labels.listSeparator)}` : '');
}
