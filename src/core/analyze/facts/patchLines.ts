/** The lines one file's unified diff adds and removes, each with its 1-based line number on its own side. */
export interface PatchLine {
  line: number;
  text: string;
}

export interface PatchLines {
  added: PatchLine[];
  removed: PatchLine[];
}

/** Patch text past this many characters is not read: bounded work on a huge diff. */
export const MAX_PATCH_CHARS = 2_000_000;
/** Changed lines past this many per side are not kept. */
export const MAX_PATCH_LINES = 20_000;
/** A changed line is cut to this many characters before any matching. */
export const MAX_LINE_CHARS = 2_000;

const HUNK_HEADER = /^@@ -(\d{1,9})(?:,\d{1,9})? \+(\d{1,9})(?:,\d{1,9})? @@/;

/**
 * Reads a file's patch (hunks, optionally preceded by `diff --git`/`---`/`+++` headers) into added and removed
 * lines numbered on their own side. Lines before the first hunk header are headers and never content.
 */
export function patchLines(patch: string | undefined): PatchLines {
  const result: PatchLines = { added: [], removed: [] };
  if (!patch) return result;
  const text = patch.length > MAX_PATCH_CHARS ? patch.slice(0, MAX_PATCH_CHARS) : patch;
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineStart = start;
    start = end + 1;
    const first = text.charCodeAt(lineStart);
    if (first === 0x40 /* @ */ && text.charCodeAt(lineStart + 1) === 0x40) {
      const header = HUNK_HEADER.exec(text.slice(lineStart, Math.min(end, lineStart + 80)));
      if (header) {
        oldLine = Number(header[1]);
        newLine = Number(header[2]);
        inHunk = true;
      }
      continue;
    }
    if (!inHunk) continue;
    const body = (): string => text.slice(lineStart + 1, Math.min(end, lineStart + 1 + MAX_LINE_CHARS)).replace(/\r$/, '');
    if (first === 0x2b /* + */) {
      if (result.added.length < MAX_PATCH_LINES) result.added.push({ line: newLine, text: body() });
      newLine += 1;
    } else if (first === 0x2d /* - */) {
      if (result.removed.length < MAX_PATCH_LINES) result.removed.push({ line: oldLine, text: body() });
      oldLine += 1;
    } else if (first === 0x20 /* space */ || lineStart === end) {
      oldLine += 1;
      newLine += 1;
    } else if (first === 0x64 /* d */ && text.startsWith('diff --git ', lineStart)) {
      inHunk = false;
    }
    // `\ No newline at end of file` and anything else: not a line of either side.
  }
  return result;
}

/** 1-based number of the line that holds `index` in `text`; counts at most `text.length` characters once. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line += 1;
  return line;
}

/** The 1-based line where `needle` first appears in `text` (after any of `after`), or undefined. */
export function lineOf(text: string | undefined, needle: string, after?: string): number | undefined {
  if (text === undefined || needle === '') return undefined;
  let from = 0;
  if (after) {
    const anchor = text.indexOf(after);
    if (anchor !== -1) from = anchor;
  }
  let index = text.indexOf(needle, from);
  if (index === -1 && from > 0) index = text.indexOf(needle);
  return index === -1 ? undefined : lineAt(text, index);
}

/**
 * The lines to read on each side so that both sides see the same declarations: every changed line, and for each
 * run of changes the unchanged line just before and just after it, numbered on each side. A line inserted inside a
 * call or a struct then touches that call or struct on the old side too (through its neighbours), so what did not
 * change is read on both sides and cancels out.
 */
export function touchedLines(patch: string | undefined): { old: Set<number>; new: Set<number> } {
  const touched = { old: new Set<number>(), new: new Set<number>() };
  if (!patch) return touched;
  const text = patch.length > MAX_PATCH_CHARS ? patch.slice(0, MAX_PATCH_CHARS) : patch;
  let oldLine = 0;
  let newLine = 0;
  let inHunk = false;
  let inRun = false;
  const openRun = (): void => {
    if (inRun) return;
    inRun = true;
    touched.old.add(oldLine - 1);
    touched.new.add(newLine - 1);
  };
  const closeRun = (): void => {
    if (!inRun) return;
    inRun = false;
    touched.old.add(oldLine);
    touched.new.add(newLine);
  };
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineStart = start;
    start = end + 1;
    const first = text.charCodeAt(lineStart);
    if (first === 0x40 && text.charCodeAt(lineStart + 1) === 0x40) {
      closeRun();
      const header = HUNK_HEADER.exec(text.slice(lineStart, Math.min(end, lineStart + 80)));
      if (header) {
        oldLine = Number(header[1]);
        newLine = Number(header[2]);
        // `-10,0`/`+10,0` name the line before an empty side: the next line is one further.
        if (/^@@ -\d+,0 /.test(text.slice(lineStart, lineStart + 30))) oldLine += 1;
        if (/^@@ -\d+(?:,\d+)? \+\d+,0 /.test(text.slice(lineStart, lineStart + 40))) newLine += 1;
        inHunk = true;
      }
      continue;
    }
    if (!inHunk || touched.old.size + touched.new.size > 4 * MAX_PATCH_LINES) continue;
    if (first === 0x2d) {
      openRun();
      touched.old.add(oldLine);
      oldLine += 1;
    } else if (first === 0x2b) {
      openRun();
      touched.new.add(newLine);
      newLine += 1;
    } else if (first === 0x20 || lineStart === end) {
      closeRun();
      oldLine += 1;
      newLine += 1;
    }
  }
  closeRun();
  return touched;
}
