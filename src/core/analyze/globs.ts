import picomatch from 'picomatch';

export type PathTest = (path: string) => boolean;

export interface GlobOptions {
  dot?: boolean;
  nocase?: boolean;
}

/**
 * The answer of `picomatch(globs, options)` (does any glob match?) from one regular expression instead of a
 * matcher call per glob, compiled on first use (not at module load, which every CLI start pays).
 *
 * Exactly picomatch's test: each glob's regular expression is picomatch's own (makeRe, with the platform's
 * `windows` default that `picomatch()` adds), anchored, so their alternation matches when one of them does; an input
 * equal to a glob matches as picomatch's literal check does; on Windows the input's backslashes become slashes
 * first (picomatch's toPosixSlashes). The empty string never matches.
 */
export function anyGlob(globs: readonly string[], options: GlobOptions): PathTest {
  let test: PathTest | undefined;
  return (path) => (test ??= compileAnyGlob(globs, options))(path);
}

function compileAnyGlob(globs: readonly string[], options: GlobOptions): PathTest {
  const windows = process.platform === 'win32';
  const regexes = globs.map((glob) => picomatch.makeRe(glob, { ...options, windows }));
  const flags = options.nocase ? 'i' : '';
  // makeRe answers a glob it cannot compile with /$^/ (never matches a non-empty path), as picomatch's matcher does.
  const combined = new RegExp(regexes.map((regex) => `(?:${regex.source})`).join('|'), flags);
  const literals = new Set(globs);
  const backslash = picomatch.constants.REGEX_BACKSLASH;
  return (path) => {
    if (path === '') return false;
    if (literals.has(path)) return true;
    if (!windows) return combined.test(path);
    const posix = path.replace(backslash, '/');
    return literals.has(posix) || combined.test(posix);
  };
}
