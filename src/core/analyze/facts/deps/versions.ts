// How two versions of a dependency compare: a major upgrade, a move back.

/** The numbers of a version: `^0.30.21` → [0, 30, 21]. */
function numbers(version: string): number[] {
  return (version.replace(/^[^\d]*/, '').match(/\d+/g) ?? []).slice(0, 3).map(Number);
}

/** A version moved back: `^2.2.0 → 2.1.0` (a commit hash or a build number says nothing of order). */
export function isDowngrade(from: string, to: string): boolean {
  if (/^[0-9a-f]{7,}$/i.test(from.trim())) return false;
  const before = numbers(from);
  const after = numbers(to);
  if (before.length === 0 || after.length === 0) return false;
  for (let index = 0; index < Math.max(before.length, after.length); index++) {
    const a = before[index] ?? 0;
    const b = after[index] ?? 0;
    if (a !== b) return b < a;
  }
  return false;
}

/**
 * A major upgrade in semantic versioning: the first number grows, or, below 1.0, the second (`0.10 → 0.11` may break
 * as `1 → 2` does). A commit hash or a build number (`b10353`) is no semantic version.
 */
export function isMajor(from: string, to: string): boolean {
  if (/^[0-9a-f]{7,}$/i.test(from.trim())) return false;
  const [beforeMajor, beforeMinor] = numbers(from);
  const [afterMajor, afterMinor] = numbers(to);
  if (beforeMajor === undefined || afterMajor === undefined || afterMajor >= 10_000) return false;
  if (afterMajor !== beforeMajor) return afterMajor > beforeMajor;
  return afterMajor === 0 && beforeMinor !== undefined && afterMinor !== undefined && afterMinor > beforeMinor;
}
