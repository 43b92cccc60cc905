import type { Person } from '../domain/commit.js';
import type { ReadOptions } from '../domain/options.js';

/** History-walk arguments for the merge mode and the author/path filters, shared by every walk. */
export function selectionArgs(options: Pick<ReadOptions, 'merges' | 'authors' | 'paths'>): string[] {
  const args: string[] = [];
  if (options.merges === 'exclude') args.push('--no-merges');
  if (options.merges === 'first-parent') args.push('--first-parent');
  const authors = options.authors.map((a) => a.trim()).filter((a) => a !== '');
  if (authors.length > 0) {
    // Several --author patterns match any of them; -F -i makes each a case-insensitive substring of "Name <email>".
    args.push('--regexp-ignore-case', '--fixed-strings', ...authors.map((author) => `--author=${author}`));
  }
  // Without simplification every commit touching the paths is kept, not one per TREESAME merge side.
  if (options.paths.length > 0) args.push('--full-history');
  return args;
}

/** Pathspecs to put after `--`; globs get git's `glob` magic so `**` crosses folders like in .gitignore. */
export function pathspecArgs(paths: readonly string[]): string[] {
  const specs = paths.map((p) => p.trim()).filter((p) => p !== '');
  if (specs.length === 0) return [];
  return ['--', ...specs.map((spec) => (spec.startsWith(':') || !/[*?[]/.test(spec) ? spec : `:(glob)${spec}`))];
}

/**
 * Whether a commit's author is excluded: `excludeAuthors` are case-insensitive substrings of `Name <email>`, as
 * `--author` matches. git has no way to exclude an author in a walk, so the read drops them as it meets them.
 */
export function authorExcluder(
  excludeAuthors: readonly string[] | undefined,
): ((commit: { author: Pick<Person, 'name' | 'email'> }) => boolean) | undefined {
  const needles = (excludeAuthors ?? []).map((text) => text.trim().toLowerCase()).filter((text) => text !== '');
  if (needles.length === 0) return undefined;
  return (commit) => {
    const who = `${commit.author.name} <${commit.author.email}>`.toLowerCase();
    return needles.some((needle) => who.includes(needle));
  };
}
