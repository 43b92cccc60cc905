import type { Commit } from '../../domain/commit.js';

export interface ConventionalHeader {
  /** Lower-cased header type (`feat`, `fix`, …), or undefined when the subject has no `type:` prefix. */
  type?: string;
  scope?: string;
  breaking: boolean;
  /** The subject without the `type(scope)!:` prefix (the whole subject when there is none). */
  description: string;
}

// A type is one word; `net/http: fix …` (Go-style area) does not match because of the slash.
// Matched against the trimmed subject: a trailing `\s*$` after a lazy `.*?` is quadratic in a run of whitespace.
const HEADER = /^([A-Za-z][A-Za-z0-9_-]*)(?:\(([^()\r\n]*)\))?(!)?:\s+(\S.*)$/;
const BREAKING_FOOTER = /^BREAKING[ -]CHANGE:[ \t]*(\S.*)$/m;
const BREAKING_TRAILER_KEYS = new Set(['BREAKING CHANGE', 'BREAKING-CHANGE']);

/** Reads a Conventional Commits header (`type(scope)!: description`) syntactically; mapping types is elsewhere. */
export function parseConventionalHeader(subject: string): ConventionalHeader {
  const match = HEADER.exec(subject.trim());
  if (!match) return { breaking: false, description: subject.trim() };
  const scope = match[2]?.trim();
  return {
    type: match[1]!.toLowerCase(),
    ...(scope ? { scope } : {}),
    breaking: match[3] === '!',
    description: match[4]!,
  };
}

/** The `BREAKING CHANGE:` / `BREAKING-CHANGE:` footer text, from the trailers or anywhere in the body. */
export function breakingFooter(commit: Pick<Commit, 'body' | 'trailers'>): string | undefined {
  const trailer = commit.trailers.find((item) => BREAKING_TRAILER_KEYS.has(item.key));
  if (trailer) return trailer.value;
  // The footer starts with `BREAKING`: a body without it is not searched line by line.
  return commit.body.includes('BREAKING') ? BREAKING_FOOTER.exec(commit.body)?.[1]?.trim() : undefined;
}
