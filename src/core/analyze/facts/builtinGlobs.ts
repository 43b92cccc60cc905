import picomatch from 'picomatch';
import { FILE_KIND_RULES, FILE_TRAIT_RULES } from './fileClasses.js';
import { precompiledKey } from './globs.js';
import type { GlobOptions } from './globs.js';
import { DEFAULTS_FILE_GLOBS, WORKFLOW_GLOBS } from './signals.js';

/** The built-in glob tables and the options each is compiled with (as anyGlob is called on them). */
export function builtinGlobSets(): { globs: readonly string[]; options: GlobOptions }[] {
  const classes = { dot: true, nocase: true };
  return [
    ...FILE_KIND_RULES.map((rule) => ({ globs: rule.globs, options: classes })),
    ...FILE_TRAIT_RULES.map((rule) => ({ globs: rule.globs, options: classes })),
    { globs: WORKFLOW_GLOBS, options: { dot: true } },
    { globs: DEFAULTS_FILE_GLOBS, options: { dot: true } },
  ];
}

/** picomatch's regular expression (source, flags) for every built-in glob, by precompiledKey; what gen:globs writes. */
export function builtinGlobTable(): Record<string, readonly [string, string]> {
  const table: Record<string, readonly [string, string]> = {};
  for (const { globs, options } of builtinGlobSets()) {
    for (const glob of globs) {
      const regex = picomatch.makeRe(glob, { ...options, windows: false });
      table[precompiledKey(glob, options)] = [regex.source, regex.flags];
    }
  }
  return table;
}
