import type { DateField } from '../model/report.js';
import { gitAtLeast, gitStream } from './runner.js';
import type { GitCall } from './runner.js';

export interface SelectedCommit {
  sha: string;
  /** The chosen date, epoch seconds. */
  time: number;
}

/**
 * Walks the whole history reachable from `tip` (with the selection filters) printing only `<time> <sha>`, and keeps
 * the commits whose chosen date is in [startMs, endMs). No `--since`: git stops walking at the first too-old commit,
 * which would miss in-window commits behind it when dates are out of order. Newest first, ties in git order.
 */
export async function selectCommits(
  tip: string,
  window: { startMs: number; endMs: number },
  dateField: DateField,
  filterArgs: string[],
  pathspecs: string[],
  call: GitCall,
): Promise<SelectedCommit[]> {
  const startSeconds = Math.ceil(window.startMs / 1000);
  const endSeconds = Math.ceil(window.endMs / 1000);
  // rev-list --timestamp reads the committer date from the commit-graph when there is one (no object parsing).
  // git >= 2.39 filters by committer date while still walking every commit (`--since-as-filter`, unlike
  // `--since`, never stops at an old commit; `--until` is a filter already), so only in-window lines cross the
  // pipe instead of one per commit of the history. The window check below stays as the definition.
  const committerFilter = gitAtLeast(2, 39) ? [`--since-as-filter=@${startSeconds}`, `--until=@${endSeconds - 1}`] : [];
  const args = dateField === 'committer'
    ? ['rev-list', '--timestamp', ...committerFilter, ...filterArgs, '--end-of-options', tip, ...pathspecs]
    : ['log', '--no-ext-diff', '--no-textconv', '--format=%at %H', ...filterArgs, '--end-of-options', tip, ...pathspecs];
  const selected: SelectedCommit[] = [];
  let carry = '';
  const line = (text: string): void => {
    const space = text.indexOf(' ');
    if (space <= 0) return;
    const time = Number(text.slice(0, space));
    if (time >= startSeconds && time < endSeconds) selected.push({ sha: text.slice(space + 1), time });
  };
  await gitStream(args, {
    ...call,
    onData: (chunk) => {
      const lines = (carry + chunk.toString('latin1')).split('\n');
      carry = lines.pop() ?? '';
      for (const text of lines) line(text);
    },
  });
  if (carry !== '') line(carry);
  // Array.prototype.sort is stable, so equal dates keep git's order.
  return selected.sort((a, b) => b.time - a.time);
}
