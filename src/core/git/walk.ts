import { isDigestError } from '../errors.js';
import type { DateField } from '../domain/report.js';
import { gitAtLeast, gitRun, gitStream } from './runner.js';
import type { GitCall } from './runner.js';
import { entriesInWindow, loadWalkIndex, mergeRecords, RecordCollector, saveWalkIndex, walkIndexFile } from './walkIndex.js';
import type { WalkEntry, WalkIndex, WalkIndexKey } from './walkIndex.js';

export type SelectedCommit = WalkEntry;

export interface WalkSelection {
  tip: string;
  window: { startMs: number; endMs: number };
  dateField: DateField;
  filterArgs: string[];
  pathspecs: string[];
}

/** Where walk indexes live, and which repository and ref they are for. Without it every run walks everything. */
export interface WalkIndexPlace {
  dir: string;
  gitDir: string;
  ref: string;
}

/**
 * Walks the whole history reachable from `tip` (with the selection filters) printing only `<time> <sha>`, and keeps
 * the commits whose chosen date is in [startMs, endMs). No `--since`: git stops walking at the first too-old commit,
 * which would miss in-window commits behind it when dates are out of order. Newest first, ties in walk order.
 *
 * With an opened walk index (openWalkIndex, walkIndex.ts), the whole walk is kept and the next run walks only the
 * commits added since: when the indexed tip is an ancestor of the new tip, the commits reachable from the new tip
 * are the indexed ones plus `git rev-list <tip> ^<indexed tip>` (git may list a few indexed ones again when dates
 * are skewed, never fewer). Otherwise (a rewritten ref, a pruned tip) everything is walked again.
 */
export async function selectCommits(
  selection: WalkSelection,
  call: GitCall,
  opened?: OpenedWalkIndex,
): Promise<SelectedCommit[]> {
  const { tip, window, dateField, filterArgs, pathspecs } = selection;
  const startSeconds = Math.ceil(window.startMs / 1000);
  const endSeconds = Math.ceil(window.endMs / 1000);
  const hashBytes = tip.length / 2;
  const baseArgs = dateField === 'committer'
    ? ['rev-list', '--timestamp', ...filterArgs]
    : ['log', '--no-ext-diff', '--no-textconv', '--format=%at %H', ...filterArgs];

  if (!opened) {
    // rev-list --timestamp reads the committer date from the commit-graph when there is one (no object parsing).
    // git >= 2.39 filters by committer date while still walking every commit (`--since-as-filter`, unlike
    // `--since`, never stops at an old commit; `--until` is a filter already), so only in-window lines cross the
    // pipe instead of one per commit of the history. The window check stays as the definition.
    const committerFilter = dateField === 'committer' && gitAtLeast(2, 39)
      ? [`--since-as-filter=@${startSeconds}`, `--until=@${endSeconds - 1}`]
      : [];
    const args = [...baseArgs, ...committerFilter, '--end-of-options', tip, ...pathspecs];
    // Newest first with a stable sort: equal dates keep git's order.
    const records = await walkRecords(args, hashBytes, call);
    return entriesInWindow({ tip, records, hashBytes }, startSeconds, endSeconds);
  }

  const { file, key, index } = opened;
  if (index && index.hashBytes === hashBytes) {
    if (index.tip === tip) return entriesInWindow(index, startSeconds, endSeconds);
    // Both at once; when the indexed tip is gone (pruned after a force push) the walk fails and is not needed.
    const [ancestor, added] = await Promise.all([
      isAncestor(index.tip, tip, call),
      walkRecords([...baseArgs, '--end-of-options', tip, `^${index.tip}`, ...pathspecs], hashBytes, call)
        .catch(rethrowCancel),
    ]);
    if (ancestor && added) {
      const updated = { tip, records: mergeRecords(index, added), hashBytes };
      opened.saving = saveWalkIndex(file, key, updated);
      return entriesInWindow(updated, startSeconds, endSeconds);
    }
  }
  const records = await walkRecords([...baseArgs, '--end-of-options', tip, ...pathspecs], hashBytes, call);
  const rebuilt = { tip, records, hashBytes };
  opened.saving = saveWalkIndex(file, key, rebuilt);
  return entriesInWindow(rebuilt, startSeconds, endSeconds);
}

export interface OpenedWalkIndex {
  file: string;
  key: WalkIndexKey;
  /** Undefined when there is none yet (or it was unreadable): the walk builds it. */
  index?: WalkIndex;
  /**
   * The write of the updated index, which selectCommits starts and does not wait for (the detailed read starts
   * meanwhile); it never rejects. Await it before relying on the file.
   */
  saving?: Promise<void>;
}

/**
 * The walk index for this selection, loaded, or undefined when this selection is never indexed
 * (`--first-parent` is not a property of each commit alone, so a union of walks would not be exact).
 */
export async function openWalkIndex(selection: WalkSelection, place: WalkIndexPlace): Promise<OpenedWalkIndex | undefined> {
  if (selection.filterArgs.includes('--first-parent')) return undefined;
  const key: WalkIndexKey = {
    gitDir: place.gitDir, ref: place.ref, dateField: selection.dateField,
    filterArgs: selection.filterArgs, pathspecs: selection.pathspecs,
  };
  const file = walkIndexFile(place.dir, key);
  return { file, key, index: await loadWalkIndex(file, key) };
}

/** Streams `<time> <sha>` lines straight into index records, newest first. */
async function walkRecords(args: string[], hashBytes: number, call: GitCall): Promise<Buffer> {
  const collector = new RecordCollector(hashBytes);
  await gitStream(args, { ...call, onData: (chunk) => collector.push(chunk) });
  return collector.end();
}

function rethrowCancel(error: unknown): undefined {
  if (isDigestError(error) && error.code === 'cancelled') throw error;
  return undefined;
}

/** `merge-base --is-ancestor`: exit 0 yes, 1 no; anything else (an object pruned since) counts as no. */
async function isAncestor(ancestor: string, descendant: string, call: GitCall): Promise<boolean> {
  const result = await gitRun(['merge-base', '--is-ancestor', '--end-of-options', ancestor, descendant], call);
  return result.code === 0;
}
