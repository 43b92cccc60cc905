import { classifyFile } from '../analyze/facts/fileClasses.js';
import type { FileKind } from '../analyze/facts/fileClasses.js';

/** A file whose share of the budget is smaller than this is left out rather than cut to a stub. */
const MIN_FILE_CHARS = 240;

export interface DiffSection {
  /** The new path (or old path for a deletion); undefined for text before the first file header. */
  path?: string;
  text: string;
}

/** Splits `git diff`/`git show` output into one section per file (at `diff --git` headers). */
export function splitDiff(text: string): DiffSection[] {
  if (!text) return [];
  const lines = text.split('\n');
  const sections: DiffSection[] = [];
  let current: { path?: string; lines: string[]; inHeader: boolean } = { lines: [], inHeader: false };
  const flush = (): void => {
    const body = current.lines.join('\n');
    if (body.trim()) sections.push({ path: current.path, text: body });
  };
  for (const line of lines) {
    if (line.startsWith('diff --git ')) {
      flush();
      current = { path: headerPath(line), lines: [line], inHeader: true };
      continue;
    }
    if (current.inHeader && line.startsWith('@@')) current.inHeader = false;
    if (current.inHeader && line.startsWith('+++ ') && line !== '+++ /dev/null') current.path = stripPrefix(line.slice(4));
    current.lines.push(line);
  }
  flush();
  return sections;
}

function headerPath(line: string): string | undefined {
  const match = /^diff --git (?:"?a\/(.*?)"?) (?:"?b\/(.*?)"?)$/.exec(line);
  return match ? unquote(match[2] ?? match[1] ?? '') : undefined;
}

function stripPrefix(path: string): string {
  return unquote(path.trim().replace(/^"?(?:b|a)\//, '').replace(/"$/, ''));
}

function unquote(path: string): string {
  return path.replace(/\\(["\\])/g, '$1');
}

/**
 * Which files' diff the budget goes to first (lower first): files whose definitions changed, then the rest of the
 * source (and config, manifests, CI, unclassified files), then tests, then docs, generated, vendored and lock files.
 */
export const DIFF_TIERS = ['definitions', 'source', 'tests', 'docs'] as const;
export type DiffTier = (typeof DIFF_TIERS)[number];

const TIER_OF_KIND: Record<FileKind, DiffTier> = {
  source: 'source', config: 'source', manifest: 'source', ci: 'source',
  test: 'tests',
  docs: 'docs', generated: 'docs', vendored: 'docs', lockfile: 'docs',
};

/** A file's tier, by its class (src/core/analyze/fileClasses.ts) and whether its definitions changed. */
export function diffTier(path: string | undefined, definitionPaths: ReadonlySet<string>): DiffTier {
  if (path === undefined) return 'source';
  if (definitionPaths.has(path)) return 'definitions';
  const { kind } = classifyFile({ path, status: 'M', additions: 0, deletions: 0, binary: false });
  return kind === undefined ? 'source' : TIER_OF_KIND[kind];
}

export interface CutEntry {
  path: string;
  keptLines: number;
  totalLines: number;
}

/**
 * Fits the sections into the budget, tier by tier (see DIFF_TIERS): a tier shares what the tiers before it left.
 * Within a tier, small files are kept whole and the rest share what is left equally (water filling), each cut at
 * a line boundary with a note of what was left out. The sections keep their order in the text.
 */
export function fitSections(
  sections: DiffSection[],
  budgetChars: number,
  tierOf: (section: DiffSection) => DiffTier = () => 'source',
): { text: string; cut: CutEntry[] } {
  const total = sections.reduce((sum, section) => sum + section.text.length + 1, 0);
  if (total <= budgetChars) return { text: sections.map((s) => s.text).join('\n'), cut: [] };

  const allowance = new Map<number, number>();
  let remaining = budgetChars;
  for (const tier of DIFF_TIERS) {
    const order = sections
      .map((section, index) => ({ index, size: section.text.length + 1, tier: tierOf(section) }))
      .filter((entry) => entry.tier === tier)
      .sort((a, b) => a.size - b.size || a.index - b.index);
    for (let i = 0; i < order.length; i += 1) {
      const entry = order[i]!;
      const share = Math.floor(remaining / (order.length - i));
      const give = Math.min(entry.size, share);
      allowance.set(entry.index, give);
      remaining -= give;
    }
  }

  const out: string[] = [];
  const cut: CutEntry[] = [];
  sections.forEach((section, index) => {
    const give = allowance.get(index) ?? 0;
    const allLines = section.text.split('\n');
    if (give >= section.text.length + 1) {
      out.push(section.text);
      return;
    }
    const path = section.path ?? '(diff preamble)';
    if (give < MIN_FILE_CHARS) {
      cut.push({ path, keptLines: 0, totalLines: allLines.length });
      out.push(`[diff of ${path} left out for size: ${allLines.length} lines]`);
      return;
    }
    const kept: string[] = [];
    let used = 0;
    for (const line of allLines) {
      if (used + line.length + 1 > give - 80) break;
      kept.push(line);
      used += line.length + 1;
    }
    cut.push({ path, keptLines: kept.length, totalLines: allLines.length });
    out.push(`${kept.join('\n')}\n[… ${allLines.length - kept.length} more lines of ${path} left out for size]`);
  });
  return { text: out.join('\n'), cut };
}
