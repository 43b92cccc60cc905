// How much of a commit's removal is lines that come back elsewhere: sorted imports, reformatted or reordered code,
// a block moved down the file. Counted from the patches the facts pass made (read by patchLines, as every fact
// reads them), line text trimmed, as a multiset.
import { patchLines } from './patchLines.js';
import type { FileInput, MovedLines } from './types.js';

/** Changed lines looked at per file at most (a huge generated patch says nothing more). */
const MAX_LINES = 20_000;

/** Removed lines, and those of them that the same file's added lines hold again, over the files read. */
export function movedLines(files: readonly FileInput[]): MovedLines | undefined {
  let removed = 0;
  let moved = 0;
  for (const file of files) {
    if (file.patch === undefined || file.binary) continue;
    const lines = patchLines(file.patch);
    const gone = lines.removed.slice(0, MAX_LINES).map((line) => line.text.trim()).filter((text) => text !== '');
    const added = new Map<string, number>();
    for (const line of lines.added.slice(0, Math.max(0, MAX_LINES - gone.length))) {
      const text = line.text.trim();
      if (text !== '') added.set(text, (added.get(text) ?? 0) + 1);
    }
    for (const text of gone) {
      removed += 1;
      const left = added.get(text) ?? 0;
      if (left > 0) {
        moved += 1;
        added.set(text, left - 1);
      }
    }
  }
  return removed === 0 ? undefined : { removed, moved };
}

/** Removed lines that must come back for the change to count as a reordering, and the share of them that must. */
export const REORDER_MIN_LINES = 50;
export const REORDER_SHARE = 0.9;

/** The commit's read files mostly move lines (sorting, reformatting, reordering) rather than delete them. */
export function isReordering(moves: MovedLines | undefined): boolean {
  return moves !== undefined && moves.removed >= REORDER_MIN_LINES && moves.moved >= REORDER_SHARE * moves.removed;
}
