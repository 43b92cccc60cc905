/**
 * A line diff of two texts as a unified patch (hunks only, no context lines), for the fact extractors that read
 * changed lines. The common head and tail are cut first (most commits change a few lines of a file); the middle is
 * diffed with Myers' O(ND) algorithm up to MAX_EDIT_DISTANCE edits, past which the whole middle is shown as removed
 * and added: bounded work on any input, never an exact minimum at any price.
 */

/** Edits (lines removed + added) Myers' search goes to before it gives up on a minimal script. */
export const MAX_EDIT_DISTANCE = 1000;
/** Line comparisons of one search at most (its cost is about (lines of both sides) × edits). */
const MAX_SEARCH_STEPS = 20_000_000;
/** Lines per side diffed at most; longer texts are cut (their tail is not compared). */
export const MAX_DIFF_LINES = 50_000;

export function splitLines(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.length > MAX_DIFF_LINES ? lines.slice(0, MAX_DIFF_LINES) : lines;
}

/** One run of changes: `oldCount` lines removed at `oldStart` (1-based) and `newCount` added at `newStart`. */
export interface Hunk {
  oldStart: number;
  oldCount: number;
  newStart: number;
  newCount: number;
}

/** The hunks that turn `a` into `b`, in order. */
export function diffLines(a: readonly string[], b: readonly string[]): Hunk[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldMiddle = a.slice(head, a.length - tail);
  const newMiddle = b.slice(head, b.length - tail);
  if (oldMiddle.length === 0 && newMiddle.length === 0) return [];
  const script = myers(oldMiddle, newMiddle);
  if (!script) return [{ oldStart: head + 1, oldCount: oldMiddle.length, newStart: head + 1, newCount: newMiddle.length }];
  return hunksOf(script, head);
}

/** Per position of each side: true when the line is kept (matched), false when it is removed / added. */
interface Script {
  oldKept: boolean[];
  newKept: boolean[];
}

function myers(a: readonly string[], b: readonly string[]): Script | undefined {
  // Lines as numbers: one string compare per distinct line, not per probe.
  const ids = new Map<string, number>();
  const id = (line: string): number => {
    let value = ids.get(line);
    if (value === undefined) {
      value = ids.size;
      ids.set(line, value);
    }
    return value;
  };
  const x = a.map(id);
  const y = b.map(id);
  const n = x.length;
  const m = y.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE, Math.max(50, Math.floor(MAX_SEARCH_STEPS / (n + m))));
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let i = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let j = i - k;
      while (i < n && j < m && x[i] === y[j]) {
        i++;
        j++;
      }
      v[offset + k] = i;
      if (i >= n && j >= m) return backtrack(trace, n, m, d);
    }
  }
  return undefined;
}

/** Walks the saved frontiers back from (n, m) and marks the kept lines. trace[d] holds V[-d-1 .. d+1] before step d. */
function backtrack(trace: readonly Int32Array[], n: number, m: number, last: number): Script {
  const oldKept = new Array<boolean>(n).fill(false);
  const newKept = new Array<boolean>(m).fill(false);
  let i = n;
  let j = m;
  for (let d = last; d > 0; d--) {
    const before = trace[d]!;
    const at = (k: number): number => before[k + d + 1]!;
    const k = i - j;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevI = at(prevK);
    const prevJ = prevI - prevK;
    // The snake back to the edit, then the edit itself (an added line going down, a removed one going right).
    while (i > prevI && j > prevJ) {
      i--;
      j--;
      oldKept[i] = true;
      newKept[j] = true;
    }
    i = prevI;
    j = prevJ;
  }
  while (i > 0 && j > 0) {
    i--;
    j--;
    oldKept[i] = true;
    newKept[j] = true;
  }
  return { oldKept, newKept };
}

function hunksOf(script: Script, head: number): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  const { oldKept, newKept } = script;
  while (i < oldKept.length || j < newKept.length) {
    if (i < oldKept.length && j < newKept.length && oldKept[i] && newKept[j]) {
      i++;
      j++;
      continue;
    }
    const oldStart = i;
    const newStart = j;
    while (i < oldKept.length && !oldKept[i]) i++;
    while (j < newKept.length && !newKept[j]) j++;
    hunks.push({ oldStart: head + oldStart + 1, oldCount: i - oldStart, newStart: head + newStart + 1, newCount: j - newStart });
  }
  return hunks;
}

/**
 * The unified patch of a file (git's hunk headers, no context lines, no file header), cut at `maxChars`. An empty
 * side is an added or deleted file.
 */
export function unifiedPatch(oldText: string | undefined, newText: string | undefined, maxChars = 2_000_000): string {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let patch = '';
  for (const hunk of diffLines(a, b)) {
    // git numbers an empty side from the line before it.
    const oldAt = hunk.oldCount === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newAt = hunk.newCount === 0 ? hunk.newStart - 1 : hunk.newStart;
    let text = `@@ -${oldAt},${hunk.oldCount} +${newAt},${hunk.newCount} @@\n`;
    for (let index = 0; index < hunk.oldCount; index++) text += `-${a[hunk.oldStart - 1 + index]}\n`;
    for (let index = 0; index < hunk.newCount; index++) text += `+${b[hunk.newStart - 1 + index]}\n`;
    if (patch.length + text.length > maxChars) break;
    patch += text;
  }
  return patch;
}
