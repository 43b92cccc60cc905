import type { CodeView } from '../facts/codeView.js';
import type { CommitFacts } from '../facts.js';
import type { MajorBump } from '../diffSignals.js';
import type { DiffSignals } from '../signals.js';
import { uniqueDependencies } from '../prose/items.js';

/**
 * Major upgrades: a dependency fact whose first version number grows (`0.30.21 → 1.0.0`, `v4 → v5`), then those the
 * message announces that the facts do not hold. Lock-file-only bumps count too (a transitive major upgrade).
 */
export function majorBumpsOf(view: CodeView | undefined, signals: DiffSignals, facts: Pick<CommitFacts, 'message'>): MajorBump[] {
  if (!view) return signals.majorBumps;
  const bumps: MajorBump[] = [];
  for (const fact of uniqueDependencies(view.dependencies)) {
    if (fact.change !== 'bumped' || fact.old === undefined || fact.new === undefined) continue;
    if (isMajor(fact.old, fact.new)) bumps.push({ name: fact.name, from: fact.old, to: fact.new });
  }
  const named = new Set(bumps.map((bump) => bump.name));
  for (const bump of signals.majorBumps) if (!named.has(bump.name) && facts.message.includes(bump.name)) bumps.push(bump);
  return bumps;
}

/** The first number of a version: `^1.2.3` → 1, `v4` → 4, `>=0.30` → 0; undefined when there is none. */
function major(version: string): number | undefined {
  const match = /(\d+)/.exec(version.replace(/^[^\d]*/, ''));
  return match ? Number(match[1]) : undefined;
}

export function isMajor(from: string, to: string): boolean {
  const before = major(from);
  const after = major(to);
  if (before === undefined || after === undefined || after <= before) return false;
  // A commit hash or a build number (b10353) is not a semantic version.
  return !/^[0-9a-f]{7,}$/i.test(from.trim()) && after < 10_000;
}
