/** Field order of DETAIL_FORMAT; the message (`%B`) is last because it is the only free-form field. */
export const DETAIL_FIELDS = [
  'sha', 'parents', 'authorName', 'authorEmail', 'authorDate', 'authorTime',
  'committerName', 'committerEmail', 'committerDate', 'committerTime', 'message',
] as const;

/** `%x01` marks a commit start; with `-z` every field and every diff entry is NUL-terminated. */
export const DETAIL_FORMAT = '--format=%x01%H%x00%P%x00%an%x00%ae%x00%aI%x00%at%x00%cn%x00%ce%x00%cI%x00%ct%x00%B';

/**
 * Diff and output flags shared by every detailed log call. `-C` finds renames and copies (a new file copied from a
 * file the same commit modifies: status C with its old path); without --find-copies-harder it compares only with
 * the commit's modified files, which cost nothing measurable on the bench's year.
 */
export function detailArgs(diffMergesFlag: string[]): string[] {
  return [
    '-z', '--encoding=UTF-8', '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '--root',
    '--raw', '--numstat', '-C', ...diffMergesFlag, DETAIL_FORMAT,
  ];
}

/**
 * Patch headers as the parsers read them (`a/<path>`, `b/<path>`), whatever the repository's diff.noprefix,
 * diff.mnemonicPrefix or (git 2.45+) diff.srcPrefix/diff.dstPrefix say: PATCH_CONFIG_ARGS before the command,
 * PATCH_PREFIX_ARGS after it. Every patch the analysis reads (the detailed read, the stream, git show) has both.
 */
export const PATCH_PREFIX_ARGS: readonly string[] = ['--src-prefix=a/', '--dst-prefix=b/'];
export const PATCH_CONFIG_ARGS: readonly string[] = ['-c', 'diff.noprefix=false'];
