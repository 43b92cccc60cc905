import type { CodeView } from '../facts/codeView.js';
import type { CommitFacts } from '../facts/commitFacts.js';
import type { MajorBump } from '../facts/diffSignals.js';
import type { DiffSignals } from '../facts/signals.js';
import { uniqueDependencies } from '../prose/items.js';

/**
 * Major upgrades: a dependency fact whose first version number grows (`0.30.21 → 1.0.0`, `v4 → v5`), then those the
 * message announces that the facts do not hold. Lock-file-only bumps count too (a transitive major upgrade).
 */
export function majorBumpsOf(view: CodeView | undefined, signals: DiffSignals, facts: Pick<CommitFacts, 'message'>): MajorBump[] {
  if (!view) return signals.majorBumps;
  const bumps: MajorBump[] = [];
  // A CI action's or a development tool's major version is the project's own business: it reaches no user.
  const unshipped = (fact: { scope: string }): boolean => fact.scope === 'ci' || fact.scope === 'dev';
  const ciOnly = new Set(view.dependencies.filter(unshipped).map((fact) => fact.name));
  for (const fact of uniqueDependencies(view.dependencies)) {
    if (fact.change !== 'bumped' || fact.old === undefined || fact.new === undefined || unshipped(fact)) continue;
    if (isMajor(fact.old, fact.new)) bumps.push({ name: fact.name, from: fact.old, to: fact.new });
  }
  const named = new Set(bumps.map((bump) => bump.name));
  for (const bump of signals.majorBumps) {
    if (!named.has(bump.name) && !ciOnly.has(bump.name) && facts.message.includes(bump.name)) bumps.push(bump);
  }
  return bumps;
}

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
