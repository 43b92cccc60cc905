import picomatch from 'picomatch';
import { PRECOMPILED_GLOBS } from './globRegexes.generated.js';

export type PathTest = (path: string) => boolean;

export interface GlobOptions {
  dot?: boolean;
  nocase?: boolean;
}

/**
 * The answer of `picomatch(globs, options)` (does any glob match?), compiled glob by glob on first need.
 *
 * Exactly picomatch's test: each glob's regular expression is picomatch's own (makeRe, with the platform's `windows`
 * default that `picomatch()` adds); an input equal to a glob matches as picomatch's literal check does; on Windows
 * the input's backslashes become slashes first (picomatch's toPosixSlashes). The empty string never matches.
 *
 * Most globs are never compiled: each has a required literal (its longest run of plain characters, e.g. `vendor`
 * in `** /vendor/ **`, `.md` in `** /*.md`) that every path it matches contains, so a path without it skips that
 * glob. Compiling the ~200 class globs up front cost ~25 ms of every run, more than classifying a day of files.
 */
export function anyGlob(globs: readonly string[], options: GlobOptions): PathTest {
  const windows = process.platform === 'win32';
  const nocase = options.nocase === true;
  const entries = globs.map((glob) => ({ glob, literal: requiredLiteral(glob, nocase), regex: undefined as RegExp | undefined }));
  const literals = new Set(globs);
  const backslash = picomatch.constants.REGEX_BACKSLASH;
  return (path) => {
    if (path === '') return false;
    if (literals.has(path)) return true;
    const posix = windows ? path.replace(backslash, '/') : path;
    if (windows && literals.has(posix)) return true;
    // Case folding is only certain to agree with the regular expressions' `i` flag on ASCII text.
    const folded = !nocase ? posix : ASCII.test(posix) ? posix.toLowerCase() : undefined;
    for (const entry of entries) {
      if (folded !== undefined && entry.literal !== undefined && !folded.includes(entry.literal)) continue;
      // makeRe answers a glob it cannot compile with /$^/ (never matches a non-empty path), as picomatch's matcher does.
      entry.regex ??= compileGlob(entry.glob, options, windows);
      if (entry.regex.test(posix)) return true;
    }
    return false;
  };
}

/** The key of a glob and its options in PRECOMPILED_GLOBS. */
export function precompiledKey(glob: string, options: GlobOptions): string {
  return `${options.dot === true ? 'd' : ''}${options.nocase === true ? 'i' : ''}:${glob}`;
}

/**
 * picomatch.makeRe's regular expression for a glob. The built-in class tables' globs were compiled by it when the
 * package was built (globRegexes.generated.ts, `npm run gen:globs`; a test keeps the table equal to picomatch's
 * output): parsing a glob costs ~0.1 ms, a RegExp from its source almost nothing. Off Windows only, where the table
 * was made.
 */
function compileGlob(glob: string, options: GlobOptions, windows: boolean): RegExp {
  const known = windows ? undefined : PRECOMPILED_GLOBS[precompiledKey(glob, options)];
  return known ? new RegExp(known[0], known[1]) : picomatch.makeRe(glob, { ...options, windows });
}

const ASCII = /^[\x00-\x7f]*$/;
/** Characters with a meaning in a glob; any glob with escapes, negation or extglobs gets no literal. */
const GLOB_SPECIAL = /[*?/]/;

/**
 * The longest run of plain characters a match must contain, lower-cased for `nocase`; undefined when unsure.
 * Brace, bracket and parenthesis groups are wildcards here, `/` separates (a `** /` may match no folder at all).
 */
export function requiredLiteral(glob: string, nocase: boolean): string | undefined {
  if (glob.includes('\\') || glob.startsWith('!') || /[!@+*?]\(/.test(glob)) return undefined;
  let plain = '';
  let depth = 0;
  for (const char of glob) {
    if (char === '{' || char === '[' || char === '(') depth++;
    if (depth > 0) {
      plain += '/';
      if ((char === '}' || char === ']' || char === ')') && depth > 0) depth--;
      continue;
    }
    plain += GLOB_SPECIAL.test(char) ? '/' : char;
  }
  if (depth !== 0 || /[\]})]/.test(plain)) return undefined;
  const longest = plain.split('/').reduce((best, piece) => (piece.length > best.length ? piece : best), '');
  if (longest === '' || !ASCII.test(longest)) return undefined;
  return nocase ? longest.toLowerCase() : longest;
}
