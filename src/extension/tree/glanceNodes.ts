// The top of a repository's tree: the day at a glance (the headline, then the counts), and the lines of the folded
// groups (a bot's commits, people's dependency bumps). Pure (no vscode).
import type { AnalyzedCommit, RepositoryReport } from '../../core/domain/report.js';
import type { CommitGroup, Glance } from '../../core/domain/triage.js';
import type { Language } from '../../core/domain/language.js';
import { CHANGE_TYPE_LABELS } from '../../core/i18n/labels.js';
import { printableLine } from '../../core/text.js';
import type { TreeWords } from '../i18n/treeWords.js';
import type { GlanceNode, InfoNode } from './nodeTypes.js';

/** Entries a glance line lists before "…". */
const LISTED = 5;

function list(entries: string[], more = 0): string {
  const shown = entries.slice(0, LISTED);
  return shown.join(', ') + (entries.length > LISTED || more > 0 ? ', …' : '');
}

function line(id: string, label: string, icon: string): InfoNode {
  const text = printableLine(label);
  return { kind: 'info', id, label: text, icon, tooltip: text };
}

export function glanceNode(repo: RepositoryReport, repoIndex: number, glance: Glance, words: TreeWords, language: Language): GlanceNode {
  const id = `r${repoIndex}/glance`;
  const byShaCommit = new Map<string, AnalyzedCommit>(repo.commits.map((commit) => [commit.sha, commit]));
  const children: InfoNode[] = [];
  for (const item of glance.headline) {
    const commit = byShaCommit.get(item.sha);
    const gist = printableLine(item.gist);
    children.push({
      kind: 'info',
      id: `${id}/headline/${item.sha}`,
      label: `${item.breaking ? '💥' : '🔴'} ${gist}`,
      description: printableLine(item.details.join(' · ')),
      icon: item.breaking ? 'warning' : 'flame',
      tooltip: gist,
      ...(commit === undefined ? {} : { target: { repo, commit } }),
    });
  }
  if (glance.headline.length === 0) children.push(line(`${id}/calm`, words.nothingNotable, 'pass'));
  if (glance.more > 0) children.push(line(`${id}/more`, words.moreNotable(glance.more), 'ellipsis'));
  const counts = words.counts(glance.high, glance.medium, glance.low) +
    (glance.breakingChanges > 0 ? ` · ${words.breaking(glance.breakingChanges)}` : '');
  children.push(line(`${id}/counts`, counts, 'pulse'));
  if (glance.types.length > 0) {
    const types = glance.types.map((entry) => `${CHANGE_TYPE_LABELS[language][entry.type]} ${entry.commits}`);
    children.push(line(`${id}/types`, `${words.types}: ${list(types)}`, 'symbol-enum'));
  }
  if (glance.modules.length > 0) {
    const modules = glance.modules.map((entry) => `${entry.name} (${entry.commits})`);
    children.push(line(`${id}/modules`, `${words.modules}: ${list(modules)}`, 'folder'));
  }
  if (glance.authors.length > 0) {
    const authors = glance.authors.map((entry) => `${entry.name} (${entry.commits})`);
    const others = glance.otherAuthors > 0 ? `, ${words.otherAuthors(glance.otherAuthors)}` : '';
    children.push(line(`${id}/authors`, `${words.authors}: ${authors.join(', ')}${others}`, 'person'));
  }
  const authors = glance.authors.length + glance.otherAuthors;
  return {
    kind: 'glance', id, repoIndex, children,
    label: words.glance,
    description: words.totals(glance.commits, authors, repo.stats.additions, repo.stats.deletions),
  };
}

/** "renovate[bot]: 35 dependency updates (jiff 0.2.34, syn 3.0.0, …)". */
export function foldLabel(group: CommitGroup, words: TreeWords): string {
  const size = words.groupSize(group.shas.length, group.dependencyUpdates);
  const names = group.updates.map((update) => (update.version === undefined ? update.name : `${update.name} ${update.version}`));
  const label = group.kind === 'bot' ? words.botGroup(group.author, size) : words.depsGroup(size);
  return printableLine(label + words.updateList(names, group.moreUpdates));
}

/** A stable id for a folded group: its kind and bot. */
export function foldKey(group: CommitGroup): string {
  return group.kind === 'bot' ? `bot:${group.author.toLowerCase()}` : 'deps';
}
