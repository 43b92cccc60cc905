import { PATCH_CONFIG_ARGS, PATCH_PREFIX_ARGS } from './logFormat.js';
import { assertObjectId } from './safety.js';
import { gitStream } from './runner.js';
import type { CapturedDiff, DiffStreamRequest } from './capturedDiff.js';
import { PatchStreamParser } from './patchParser.js';

// The sections of commits' patches that their analyses will read. The detailed read prints patches and keeps them
// through PatchStreamParser (patchParser.ts, from logParser.ts); the commits it could not capture (renames, copies,
// unreadable commits) come from one `git log -p --no-walk=unsorted --stdin` (streamCommitDiffs), instead of one
// `git show` per commit. It is the same porcelain as `git show`, so the repository's diff settings (context lines,
// algorithm, order file, submodule format) shape both the same way. What a capture holds and how it answers a read:
// capturedDiff.ts.
//
// Why `--no-renames` here when readCommitDiff passes `-M`: readCommitDiff limits the diff with pathspecs, and git
// applies pathspecs before rename detection, so a rename source outside the pathspecs is never seen. The analyzer
// asks only for files that still exist after the commit (never a deletion), so its pathspec-limited diff has no
// deleted side to pair and no rename: each file's section is the same as in the whole diff without rename
// detection. The one way a deletion can enter a pathspec-limited diff is a pathspec that is a folder prefix of a
// deleted file, or a type change (deletion + creation); answerCapturedDiff refuses those (the caller falls back to
// readCommitDiff), as it does anything else it cannot reproduce byte for byte (glob characters, paths it cannot
// decode, reads it did not capture).

export interface DiffStreamOptions {
  signal?: AbortSignal;
  /** Called once per commit, in request order, as soon as its patch has been read. */
  onDiff: (diff: CapturedDiff) => void;
}

/** The stream's git arguments (after the safe `-c` overrides); the SHAs go to stdin, one a line. */
export const DIFF_STREAM_ARGS: readonly string[] = [
  ...PATCH_CONFIG_ARGS, 'log', '--no-walk=unsorted', '--stdin', '--format=%x00%H', '--patch', ...PATCH_PREFIX_ARGS, '--root',
  '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '--no-renames', '--diff-merges=first-parent',
];

/**
 * Streams the first-parent patches (a root commit against the empty tree) of `requests` from one git process and
 * hands each commit to onDiff as soon as it is complete. Only sections of files the commit's reads name are kept,
 * each only as far as the reads' budgets (plus one byte, to tell a cut) need, so memory is bounded by the budgets of
 * one commit whatever the size of the range. Commits git did not print (it always prints them) are not reported:
 * the caller treats a commit without a callback as unanswered.
 */
export async function streamCommitDiffs(cwd: string, requests: readonly DiffStreamRequest[], options: DiffStreamOptions): Promise<void> {
  if (requests.length === 0) return;
  for (const request of requests) assertObjectId(request.sha);
  const parser = new PatchStreamParser(requests, options.onDiff);
  await gitStream(
    [...DIFF_STREAM_ARGS],
    {
      cwd,
      signal: options.signal,
      context: { path: cwd },
      input: `${requests.map((request) => request.sha).join('\n')}\n`,
      onData: (chunk) => parser.push(chunk),
    },
  );
  parser.end();
}
