import { assertObjectId } from './safety.js';
import { pathspecArgs } from './filters.js';
import { locateRepositoryCached } from './repository.js';
import { gitStream } from './runner.js';
import type { GitCall } from './runner.js';
import { PATCH_CONFIG_ARGS, PATCH_PREFIX_ARGS } from './logFormat.js';

export interface CommitDiffOptions {
  maxBytes: number;
  /** Limit the diff to these paths (pathspecs/globs). */
  paths?: string[];
  signal?: AbortSignal;
}

export interface CommitDiff {
  text: string;
  truncated: boolean;
  /** Files whose diff was cut or left out because of maxBytes. */
  omittedFiles: string[];
}

const FILE_HEADER = /^diff --git /gm;

/**
 * The patch of a commit against its first parent (a root commit against the empty tree). Reading stops at
 * maxBytes and git is killed, so memory stays bounded whatever the size of the diff.
 */
export async function readCommitDiff(repoPath: string, sha: string, options: CommitDiffOptions): Promise<CommitDiff> {
  assertObjectId(sha);
  const location = await locateRepositoryCached(repoPath, options.signal);
  const call: GitCall = { cwd: location.root, signal: options.signal, context: { path: repoPath, ref: sha } };
  const common = [
    'show', '--format=', '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '-M',
    '--diff-merges=first-parent', '--end-of-options', sha, ...pathspecArgs(options.paths ?? []),
  ];
  const limit = Math.max(0, Math.floor(options.maxBytes));
  const chunks: Buffer[] = [];
  let size = 0;
  const { stopped } = await gitStream([...PATCH_CONFIG_ARGS, ...common.slice(0, 1), '--patch', ...PATCH_PREFIX_ARGS, ...common.slice(1)], {
    ...call,
    onData: (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
      return size > limit ? 'stop' : undefined;
    },
  });
  const all = Buffer.concat(chunks);
  const truncated = stopped || all.length > limit;
  if (!truncated) return { text: all.toString('utf8'), truncated: false, omittedFiles: [] };

  const kept = keepWholeLines(all.subarray(0, limit)).toString('utf8');
  const shownHeaders = kept.match(FILE_HEADER)?.length ?? 0;
  const names = await changedFiles(common, call);
  // The last file whose header made it in was cut (its diff is incomplete), and every file after it was left out.
  const completeFiles = Math.max(0, shownHeaders - 1);
  return { text: kept, truncated: true, omittedFiles: names.slice(completeFiles) };
}

function keepWholeLines(bytes: Buffer): Buffer {
  const lastNewline = bytes.lastIndexOf(0x0a);
  return lastNewline >= 0 ? bytes.subarray(0, lastNewline + 1) : Buffer.alloc(0);
}

/** File names in patch order (same diff queue as the patch). */
async function changedFiles(common: string[], call: GitCall): Promise<string[]> {
  let carry = Buffer.alloc(0);
  const names: string[] = [];
  await gitStream([...common.slice(0, 1), '--name-only', '-z', ...common.slice(1)], {
    ...call,
    onData: (chunk) => {
      const data = Buffer.concat([carry, chunk]);
      let start = 0;
      for (let end = data.indexOf(0, start); end !== -1; end = data.indexOf(0, start)) {
        const name = data.toString('utf8', start, end).replace(/^\n/, '');
        if (name !== '') names.push(name);
        start = end + 1;
      }
      carry = Buffer.from(data.subarray(start));
    },
  });
  return names;
}
