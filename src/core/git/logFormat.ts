/** Field order of DETAIL_FORMAT; the message (`%B`) is last because it is the only free-form field. */
export const DETAIL_FIELDS = [
  'sha', 'parents', 'authorName', 'authorEmail', 'authorDate', 'authorTime',
  'committerName', 'committerEmail', 'committerDate', 'committerTime', 'message',
] as const;

/** `%x01` marks a commit start; with `-z` every field and every diff entry is NUL-terminated. */
export const DETAIL_FORMAT = '--format=%x01%H%x00%P%x00%an%x00%ae%x00%aI%x00%at%x00%cn%x00%ce%x00%cI%x00%ct%x00%B';

/** Diff and output flags shared by every detailed log call. */
export function detailArgs(diffMergesFlag: string[]): string[] {
  return [
    '-z', '--encoding=UTF-8', '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '--root',
    '--raw', '--numstat', '-M', ...diffMergesFlag, DETAIL_FORMAT,
  ];
}
