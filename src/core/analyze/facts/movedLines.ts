// How much of a commit's removal is lines that come back elsewhere: sorted imports, reformatted or reordered code,
// a block moved down the file. Counted from the patches the facts pass made, line text trimmed, as a multiset.
import type { FileInput, MovedLines } from './types.js';

/** Lines looked at per file at most (a huge generated patch says nothing more). */
const MAX_LINES = 20_000;

/** Removed lines, and those of them that the same file's added lines hold again, over the files read. */
export function movedLines(files: readonly FileInput[]): MovedLines | undefined {
  let removed = 0;
  let moved = 0;
  for (const file of files) {
    if (file.patch === undefined || file.binary) continue;
    const added = new Map<string, number>();
    const gone: string[] = [];
    let seen = 0;
    for (const line of file.patch.split('\n')) {
      if (++seen > MAX_LINES) break;
      if (line.startsWith('+') && !line.startsWith('+++')) {
        const text = line.slice(1).trim();
        if (text !== '') added.set(text, (added.get(text) ?? 0) + 1);
      } else if (line.startsWith('-') && !line.startsWith('---')) {
        const text = line.slice(1).trim();
        if (text !== '') gone.push(text);
      }
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
