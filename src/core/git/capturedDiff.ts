import type { CommitDiff } from './diff.js';

// What the patch parser keeps of a commit (the sections its analysis will read) and how that answers a read exactly
// as readCommitDiff would.

/** The diff reads one commit's analysis will make (see diffRequest in src/core/analyze). */
export interface DiffStreamRequest {
  sha: string;
  reads: readonly { paths: readonly string[]; maxBytes: number }[];
}

/** One file's section of a commit's patch (`diff --git` line to the next one), as far as a budget needed it. */
export interface CapturedSection {
  path: string;
  /** Bytes of the whole section in git's output. */
  size: number;
  /** The section's first bytes (all of them when `kept.length === size`). */
  kept: Buffer;
  /** A `deleted file mode` section (a deletion or the first half of a type change). */
  deleted: boolean;
  /** The header could not be decoded to the path git would match (not UTF-8): answers touching it fall back. */
  uncertain: boolean;
}

/** What the stream kept of one commit: the sections of the files its reads named, in patch order. */
export interface CapturedDiff {
  sha: string;
  /** The paths of the request; reads for other paths were not captured. */
  paths: ReadonlySet<string>;
  sections: CapturedSection[];
  /** A section header could not be parsed: nothing of this commit can be answered from the stream. */
  unparsed: boolean;
}

/** A file pathspec matches the file itself and, as a folder, everything under it (git's literal pathspec rule). */
export function matchesAny(path: string, paths: PathLookup): boolean {
  const has = (candidate: string): boolean =>
    isPathList(paths) ? paths.includes(candidate) : paths.has(candidate);
  if (has(path)) return true;
  for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
    if (has(path.slice(0, slash))) return true;
  }
  return false;
}

/** A few paths are searched as they are (most reads name one to three files); many go in a set. */
export type PathLookup = readonly string[] | ReadonlySet<string>;

function isPathList(paths: PathLookup): paths is readonly string[] {
  return Array.isArray(paths);
}

export function pathLookup(paths: readonly string[]): PathLookup {
  return paths.length > 16 ? new Set(paths) : paths;
}

/**
 * readCommitDiff's answer for `paths` within `maxBytes`, built from a captured commit: same text, same `truncated`,
 * same omittedFiles. Undefined when the capture cannot give that answer exactly (the caller then runs
 * readCommitDiff): paths that are not plain file paths, paths the stream was not asked for, a deletion among the
 * matched sections (git show's rename detection could pair it), an undecodable path, or bytes beyond what was kept.
 */
export function answerCapturedDiff(diff: CapturedDiff, paths: readonly string[], maxBytes: number): CommitDiff | undefined {
  if (diff.unparsed || paths.length === 0) return undefined;
  for (const path of paths) {
    if (!diff.paths.has(path) || !isPlainPath(path)) return undefined;
  }
  const limit = Math.max(0, Math.floor(maxBytes));
  const wanted = pathLookup(paths);
  const matched = diff.sections.filter((section) => matchesAny(section.path, wanted));
  const parts: Buffer[] = [];
  let total = 0;
  let collected = 0;
  for (const section of matched) {
    if (section.deleted || section.uncertain) return undefined;
    if (collected <= limit) {
      // Up to limit + 1 bytes are needed (the extra byte tells a cut); the capture must hold them.
      const take = Math.min(section.size, limit + 1 - collected);
      if (take > section.kept.length) return undefined;
      parts.push(section.kept.subarray(0, take));
      collected += take;
    }
    total += section.size;
  }
  const all = parts.length === 1 ? parts[0]! : Buffer.concat(parts, collected);
  if (total <= limit) return { text: all.toString('utf8'), truncated: false, omittedFiles: [] };
  const kept = keepWholeLines(all.subarray(0, limit)).toString('utf8');
  const shownHeaders = kept.match(/^diff --git /gm)?.length ?? 0;
  return { text: kept, truncated: true, omittedFiles: matched.slice(Math.max(0, shownHeaders - 1)).map((section) => section.path) };
}

/** A path readCommitDiff passes to git as a literal pathspec (no glob magic, no trimming, no `:` magic). */
function isPlainPath(path: string): boolean {
  return path !== '' && path === path.trim() && !path.startsWith(':') && !/[*?[\\]/.test(path);
}

function keepWholeLines(bytes: Buffer): Buffer {
  const lastNewline = bytes.lastIndexOf(0x0a);
  return lastNewline >= 0 ? bytes.subarray(0, lastNewline + 1) : Buffer.alloc(0);
}
