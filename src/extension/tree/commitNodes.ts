// A commit's node and what it holds: its files, then the facts its analysis found in the code. Pure (no vscode).
import type { FileChange } from '../../core/domain/commit.js';
import type { AnalyzedCommit, Report, RepositoryReport } from '../../core/domain/report.js';
import { printableLine } from '../../core/text.js';
import { formatCommitTime } from '../../core/time/format.js';
import { commitFactLinks, type FactLink } from '../../shared/factLinks.js';
import type { TreeWords } from '../i18n/treeWords.js';
import type { CommitNode, FactNode, FileNode, InfoNode } from './nodeTypes.js';

/** What building commit nodes needs besides the commit. */
export interface CommitContext {
  report: Report;
  repo: RepositoryReport;
  repoIndex: number;
  words: TreeWords;
  anchors: ReadonlyMap<AnalyzedCommit, string>;
  isReviewed: (repoPath: string, sha: string) => boolean;
}

function splitPath(path: string): { name: string; folder: string } {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? { name: path, folder: '' } : { name: path.slice(slash + 1), folder: path.slice(0, slash) };
}

/** "M +3 −1", "R +0 −0", "A binary". */
export function fileDescription(file: FileChange, words: Pick<TreeWords, 'binary'>): string {
  const counts = file.binary ? words.binary : `+${file.additions} −${file.deletions}`;
  return `${file.status} ${counts}`;
}

function fileNode(repo: RepositoryReport, commit: AnalyzedCommit, file: FileChange, parentId: string, words: TreeWords): FileNode {
  const { name, folder } = splitPath(file.path);
  const renamed = file.oldPath !== undefined && file.oldPath !== file.path;
  const where = renamed ? `${file.oldPath} → ${file.path}` : folder;
  return {
    kind: 'file',
    id: `${parentId}/${file.path}`,
    label: printableLine(name),
    description: printableLine(where === '' ? fileDescription(file, words) : `${fileDescription(file, words)} · ${where}`),
    repo, commit, file, folder,
  };
}

/** "+ PrometheusExporter (class)", "− --foo (flag)", "~ timeout (default)". */
export function factLabel(link: FactLink, words: Pick<TreeWords, 'factWhat'>): string {
  return printableLine(`${link.sign} ${link.name} (${words.factWhat[link.what]})`);
}

/** "30 → 60 · src/config.ts:12". */
export function factDescription(link: FactLink): string {
  const change = link.from !== undefined || link.to !== undefined ? `${link.from ?? '∅'} → ${link.to ?? '∅'} · ` : '';
  const where = link.line === undefined ? link.path : `${link.path}:${link.line}`;
  return printableLine(`${change}${where}`);
}

/** The commit's file a fact is in: by its path, or the old path of a rename for a removed thing. */
function factFile(commit: AnalyzedCommit, link: FactLink): FileChange | undefined {
  return commit.files.find((file) => file.path === link.path) ??
    commit.files.find((file) => file.oldPath === link.path);
}

function factNodes(repo: RepositoryReport, commit: AnalyzedCommit, parentId: string, words: TreeWords): (FactNode | InfoNode)[] {
  const { links, more } = commitFactLinks(commit);
  const nodes: (FactNode | InfoNode)[] = links.map((link, index): FactNode => {
    const file = factFile(commit, link);
    return {
      kind: 'fact',
      id: `${parentId}/fact${index}:${link.kind}:${link.name}`,
      label: factLabel(link, words),
      description: factDescription(link),
      repo, commit, link,
      ...(file === undefined ? {} : { file }),
    };
  });
  if (more > 0) nodes.push({ kind: 'info', id: `${parentId}/moreFacts`, label: words.moreFacts(more), icon: 'ellipsis' });
  return nodes;
}

export function commitNode(commit: AnalyzedCommit, context: CommitContext, idPrefix: string): CommitNode {
  const { report, repo, repoIndex, words } = context;
  const isRange = report.window.label.includes('..');
  const person = report.window.dateField === 'author' ? commit.author : commit.committer;
  const id = `${idPrefix}/${commit.sha}`;
  const subject = printableLine(commit.subject);
  const time = formatCommitTime(person.date, report.window.timeZone, isRange);
  const reviewed = context.isReviewed(repo.path, commit.sha);
  const parts = [commit.shortSha, printableLine(commit.author.name), time];
  // Without this a commit whose files could not be read would look like one that changed nothing.
  if (commit.unreadable !== undefined) parts.push(words.filesUnreadable);
  if (reviewed) parts.push(words.reviewed);
  return {
    kind: 'commit',
    id,
    label: subject === '' ? words.noSubject : subject,
    description: parts.join(' · '),
    repoIndex, repo, commit,
    changeType: commit.analysis.changeType,
    anchor: context.anchors.get(commit) ?? '',
    time,
    reviewed,
    children: [
      ...commit.files.map((file) => fileNode(repo, commit, file, id, words)),
      ...factNodes(repo, commit, id, words),
    ],
  };
}
