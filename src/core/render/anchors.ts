import type { Importance } from '../domain/analysis.js';

/** Stable explicit anchor id of a commit: `c-` and the first ten hex digits of its SHA. */
export function commitAnchor(commit: { sha: string }): string {
  const hex = commit.sha.toLowerCase().replace(/[^0-9a-f]/g, '').slice(0, 10);
  return `c-${hex === '' ? '0' : hex}`;
}

/** Anchor of an importance group inside the repository section number `repoIndex` (1-based). */
export function groupAnchor(repoIndex: number, importance: Importance): string {
  return `r${repoIndex}-${importance}`;
}

/** Anchor of the folded group number `groupIndex` (1-based) inside the repository section number `repoIndex`. */
export function foldAnchor(repoIndex: number, groupIndex: number): string {
  return `r${repoIndex}-g${groupIndex}`;
}

/** Sections of a repository that the contents link to, besides its importance groups and folded groups. */
export type RepositorySection = 'glance' | 'commits' | 'stats';

/** Anchor of a section of the repository number `repoIndex` (1-based). */
export function sectionAnchor(repoIndex: number, section: RepositorySection): string {
  return `r${repoIndex}-${section}`;
}

/** Matches exactly the explicit anchor elements the Markdown renderer emits, and nothing else. */
export const EXPLICIT_ANCHOR = /^<a id="(?:c-[0-9a-f]+(?:-\d+)?|r\d+-(?:high|medium|low|glance|commits|stats|g\d+))"><\/a>$/;

/** The element written on its own line before a heading. Ids come from commitAnchor/groupAnchor only. */
export function anchorElement(id: string): string {
  return `<a id="${id}"></a>`;
}

/**
 * Hands out commit anchors for one report, suffixing `-2`, `-3`… when the same commit appears
 * twice (e.g. two clones of one repository), so every in-page link still has exactly one target.
 */
export function createAnchorAllocator(): (commit: { sha: string }) => string {
  const used = new Map<string, number>();
  return (commit) => {
    const base = commitAnchor(commit);
    const seen = used.get(base) ?? 0;
    used.set(base, seen + 1);
    return seen === 0 ? base : `${base}-${seen + 1}`;
  };
}
